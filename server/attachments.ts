/**
 * Downloads of evidence files. Plain HTTP rather than tRPC so the browser can save them; the
 * same read rule as the API: anyone while PUBLIC_READ is on, signed-in users otherwise.
 */
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { mayRead } from './auth/read-access';
import { setDownloadName } from './download-name';

export function attachmentHandler(options: { db: Kysely<Database>; publicRead: boolean }) {
  return async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id <= 0) {
      res.status(400).type('text/plain; charset=utf-8').send('附件编号无效。');
      return;
    }
    if (!(await mayRead(options, req))) {
      res.status(401).type('text/plain; charset=utf-8').send('请先登录后再下载附件。');
      return;
    }
    const file = await options.db
      .selectFrom('attachments')
      .select(['file_name', 'mime_type', 'content'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!file?.content) {
      res.status(404).type('text/plain; charset=utf-8').send('找不到该附件。');
      return;
    }
    setDownloadName(res, file.file_name);
    res.type(file.mime_type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(Buffer.from(file.content));
  };
}
