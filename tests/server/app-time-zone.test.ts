/**
 * APP_TIME_ZONE reaches every write and the browser (issue 12): run far from China, at 21:00 on
 * 31 December in Los Angeles (13:00 on 1 January in Beijing, 05:00 UTC), a milestone marked done
 * today is done on the 31st, the figures the write brings current are as of the 31st, the
 * stale-edit message gives the Los Angeles time, and the page the server sends names the zone, so
 * the client's "today" is the same 31st — on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { pageTimeZone } from '../../client/lib/clock';
import { createApp } from '../../server/app';
import type { SessionUser } from '../../shared/auth';
import { TIME_ZONE_META, zonedClock } from '../../shared/clock';
import { type TestDatabase, testDatabases } from '../support/databases';
import { callerFor, type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';
import { versionOf } from '../support/versions';

const ZONE = 'America/Los_Angeles';
/** 21:00 on 31 December 2026 in Los Angeles; already 1 January 2027 in Beijing and in UTC */
const NEW_YEAR_IN_CHINA = new Date('2027-01-01T05:00:00Z');
const losAngeles = zonedClock(ZONE);

/** only Date is faked: the database drivers keep their real timers */
function atNewYearInChina() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NEW_YEAR_IN_CHINA);
}

afterEach(() => {
  vi.useRealTimers();
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`APP_TIME_ZONE=${ZONE} on ${target.name}`, () => {
    let database: TestDatabase;
    let seeded: SeededLetter;
    const as = (user: SessionUser | null) => callerFor(database.db, database.dialect, user, losAngeles);

    beforeAll(async () => {
      database = await target.open();
      seeded = await seedReviewedLetter(database.db, database.dialect);
    });
    afterAll(async () => {
      await database?.close();
    });

    test('a milestone marked done today is done on the zone’s date, its figures as of that date', async () => {
      const letter = await as(null).letters.byId({ id: seeded.letterId });
      const milestone = letter.milestones[0];
      if (!milestone) throw new Error('the seed letter has a milestone');
      atNewYearInChina();
      const done = await as(seeded.clerk).progress.setMilestone({
        id: milestone.id,
        version: await versionOf(as(null), milestone.id),
        state: 'done',
      });
      expect(done.milestoneDoneOn).toBe('2026-12-31');
      const days = await database.db.selectFrom('outcome_tally_state').select('computed_on').execute();
      expect(days.length).toBeGreaterThan(0);
      expect(new Set(days.map((d) => d.computed_on))).toEqual(new Set(['2026-12-31']));
      expect(losAngeles.today()).toBe('2026-12-31');
    });

    test('progress dated 1 January is still later than today there', async () => {
      atNewYearInChina();
      const commitmentId = seeded.find('农村幸福院');
      const { targets } = await as(null).commitments.byId({ id: commitmentId });
      const entry = { commitmentId, districtId: targets[0]?.districtId ?? null, value: 1 };
      await expect(as(seeded.clerk).progress.record({ ...entry, asOf: '2027-01-01' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      expect((await as(seeded.clerk).progress.record({ ...entry, asOf: '2026-12-31' })).asOf).toBe(
        '2026-12-31',
      );
    });

    test('the stale-edit message says when, as a reader in the zone reads the time', async () => {
      const id = seeded.find('日间照料');
      const shown = await versionOf(as(null), id);
      atNewYearInChina();
      await as(seeded.office).progress.withdraw({ id, version: shown, reasonCode: 'land' });
      await expect(
        as(seeded.office).progress.withdraw({ id, version: shown, reasonCode: 'funding' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('于 2026-12-31 21:00 修改'),
      });
    });
  });
}

describe(`the page under APP_TIME_ZONE=${ZONE}`, () => {
  let server: Server;
  let clientDir: string;
  let url: string;

  beforeAll(async () => {
    const target = testDatabases.find((t) => !t.skip);
    if (!target) throw new Error('no test database');
    const database = await target.open();
    clientDir = mkdtempSync(path.join(tmpdir(), 'page-zone-'));
    writeFileSync(
      path.join(clientDir, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body></body></html>',
    );
    const app = createApp({
      db: database.db,
      dialect: database.dialect,
      showDemo: true,
      publicRead: true,
      clock: losAngeles,
      clientDir,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.once('close', () => void database.close());
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(clientDir, { recursive: true, force: true });
  });

  test('every client route names the zone, and the client reads its today from it', async () => {
    for (const route of ['/', '/commitments/3', '/reports/2026']) {
      const html = await (await fetch(`${url}${route}`)).text();
      expect(html).toContain(`<meta name="${TIME_ZONE_META}" content="${ZONE}" />`);
    }
    const html = await (await fetch(`${url}/`)).text();
    // the meta tag as a browser's querySelector finds it
    const page = {
      querySelector: (selector: string) => {
        const name = /^meta\[name="([^"]+)"\]$/.exec(selector)?.[1];
        const content = name
          ? new RegExp(`<meta name="${name}" content="([^"]+)"`).exec(html)?.[1]
          : undefined;
        return content ? { getAttribute: (attr: string) => (attr === 'content' ? content : null) } : null;
      },
    } as Pick<Document, 'querySelector'>;
    expect(pageTimeZone(page)).toBe(ZONE);
    atNewYearInChina();
    expect(zonedClock(pageTimeZone(page)).today()).toBe(losAngeles.today());
    expect(zonedClock(pageTimeZone(page)).today()).toBe('2026-12-31');
    // a page without the tag (or naming an unknown zone) keeps China's
    expect(pageTimeZone({ querySelector: () => null } as Pick<Document, 'querySelector'>)).toBe(
      'Asia/Shanghai',
    );
  });
});
