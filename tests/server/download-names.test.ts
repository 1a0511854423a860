/**
 * Download file names keep every character the user typed: a `/` (or another path character) in
 * an evidence file's name once cut the name to what followed it. On SQLite and PostgreSQL.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { readableFileName } from '../../server/download-name';
import { type TestDatabase, testDatabases } from '../support/databases';

describe('readableFileName', () => {
  test('path characters become full-width, control characters go, nothing is cut', () => {
    expect(readableFileName('2025/06 进度\\湖里区:汇总?.pdf')).toBe('2025／06 进度＼湖里区：汇总？.pdf');
    expect(readableFileName('a\u0000b\nc|d<e>"f*.txt')).toBe('abc｜d＜e＞＂f＊.txt');
    expect(readableFileName('../..')).toBe('..／..');
    expect(readableFileName('..')).toBe('下载文件');
  });
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`download names on ${target.name}`, () => {
    let database: TestDatabase;
    let server: Server;
    let url: string;

    beforeAll(async () => {
      database = await target.open();
      const app = createApp({
        db: database.db,
        dialect: database.dialect,
        showDemo: false,
        publicRead: true,
      });
      server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      await database?.close();
    });

    test('an evidence file named with slashes downloads under its whole name', async () => {
      const content = new TextEncoder().encode('进度说明');
      const { id } = await database.db
        .insertInto('attachments')
        .values({
          file_name: '厦门市民政局/2025/06 进度说明.txt',
          mime_type: 'text/plain; charset=utf-8',
          byte_size: content.byteLength,
          sha256: 'x'.repeat(64),
          content,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const response = await fetch(`${url}/files/attachments/${id}`);
      expect(response.status).toBe(200);
      const header = parse(response.headers.get('content-disposition') ?? '');
      expect(header.type).toBe('attachment');
      expect(header.parameters.filename).toBe('厦门市民政局／2025／06 进度说明.txt');
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe('进度说明');
    });
  });
}
