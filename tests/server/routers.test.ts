/**
 * The API through createCaller, on SQLite and on PostgreSQL: the same behaviour on both.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { DuplicateLetterError } from '../../server/domain/duplicate-letter';
import { createCaller } from '../../server/routers/_app';
import { seedDemoProgress, seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterBytes, seedLetterText } from '../support/fixtures';

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A refused call: its code and message, and the stored letter when it names one. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const existingLetterId = error.cause instanceof DuplicateLetterError ? error.cause.existing.id : null;
    return { code: error.code, message: error.message, existingLetterId };
  }
  throw new Error('expected the call to fail');
}

const office: SessionUser = {
  id: 1,
  username: 'office',
  displayName: '督查室',
  role: 'office',
  agencyId: null,
  deputyId: null,
};

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`routers on ${target.name}`, () => {
    let database: TestDatabase;
    let caller: ReturnType<typeof createCaller>;
    let seedLetterId: number;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
      caller = createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: true,
          publicRead: true,
          user: office,
        }),
      );
    });
    afterAll(async () => {
      await database?.close();
    });

    test('ingests the seed letter once; the same text again is a CONFLICT naming the stored letter', async () => {
      const first = await caller.letters.ingest({ text: seedLetterText(), sourceName: 'reply-260.txt' });
      expect(first.commitmentCount).toBeGreaterThanOrEqual(11);
      seedLetterId = first.letterId;
      const auditRows = async () => (await database.db.selectFrom('audit_log').select('id').execute()).length;
      const auditBefore = await auditRows();

      const again = await refusal(caller.letters.ingest({ text: seedLetterText() }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toContain('已经录入过');
      expect(again.message).toContain('厦民函〔2015〕8号');
      expect(again.existingLetterId).toBe(first.letterId);

      // A file of the same letter (with a BOM and Windows line endings) is still the same letter.
      const withBom = new TextEncoder().encode(`\uFEFF${seedLetterText().replace(/\n/g, '\r\n')}`);
      const asFile = await refusal(
        caller.letters.ingestFile({ fileName: 'copy.txt', contentBase64: toBase64(withBom) }),
      );
      expect(asFile).toMatchObject({ code: 'CONFLICT', existingLetterId: first.letterId });

      // Nothing was written by either refusal.
      expect((await caller.letters.list()).items).toHaveLength(1);
      expect(await auditRows()).toBe(auditBefore);
    });

    test('a letter keeps its metadata and every commitment points at its own words', async () => {
      const letter = await caller.letters.byId({ id: seedLetterId });
      expect(letter).toMatchObject({
        agency: '厦门市民政局',
        letterDate: '2015-03-19',
        suggestionRef: '市十四届人大四次会议第260号',
        resultGrade: 'B',
        docNumber: '厦民函〔2015〕8号',
      });
      for (const c of [...letter.commitments, ...letter.milestones]) {
        expect(letter.text.slice(c.start, c.end)).toBe(c.quote);
      }
      const homes = letter.commitments.find((c) => c.object?.includes('农村幸福院'));
      expect(homes).toMatchObject({ min: 30, max: 30, unit: '个', per: null });
    });

    test('per-unit targets expand over the districts of the letter year', async () => {
      const letter = await caller.letters.byId({ id: seedLetterId });
      const incubators = letter.commitments.find((c) => c.object?.includes('孵化园区'));
      const smart = letter.commitments.find((c) => c.object?.includes('智慧社区'));
      if (!incubators || !smart) throw new Error('seed commitments missing');

      const perDistrict = await caller.commitments.byId({ id: incubators.id });
      expect(perDistrict.targets).toHaveLength(6);
      expect(perDistrict.targets.every((t) => t.min === 1 && t.max === null)).toBe(true);

      const perStreet = await caller.dashboard.commitmentDistricts({ id: smart.id });
      const siming = perStreet.rows.find((r) => r.districtName === '思明区');
      expect(siming).toMatchObject({ targetMin: 30, targetMax: 50 }); // 10 streets × 3—5
      const total = perStreet.rows.reduce((sum, r) => sum + r.targetMin, 0);
      expect(total).toBe(3 * 38); // the city total is the sum of its districts
    });

    test('bad input gets a clear error and changes nothing', async () => {
      expect(await trpcCode(caller.letters.byId({ id: 999_999 }))).toBe('NOT_FOUND');
      expect(await trpcCode(caller.commitments.byId({ id: 999_999 }))).toBe('NOT_FOUND');
      expect(await trpcCode(caller.letters.byId({ id: -1 }))).toBe('BAD_REQUEST');
      // @ts-expect-error: a wrong type must be refused at runtime too
      expect(await trpcCode(caller.letters.byId({ id: 'one' }))).toBe('BAD_REQUEST');
      expect(await trpcCode(caller.letters.ingest({ text: '   ' }))).toBe('BAD_REQUEST');
      expect(await trpcCode(caller.letters.ingest({ text: 'x'.repeat(200_001) }))).toBe('BAD_REQUEST');
      expect(await trpcCode(caller.letters.ingestFile({ fileName: 'a.pdf', contentBase64: 'AAAA' }))).toBe(
        'BAD_REQUEST',
      );
      const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
      expect(
        await trpcCode(
          caller.letters.ingestFile({ fileName: 'letter.txt', contentBase64: toBase64(binary) }),
        ),
      ).toBe('BAD_REQUEST');
      expect(await trpcCode(caller.dashboard.districtYears({ fromYear: 2020, toYear: 2010 }))).toBe(
        'BAD_REQUEST',
      );
      expect(await trpcCode(caller.dashboard.districtYears({ fromYear: 99999 }))).toBe('BAD_REQUEST');
      expect((await caller.letters.list()).items).toHaveLength(1);
    });

    test('the refused input message speaks Chinese', async () => {
      await expect(caller.letters.ingest({ text: '' })).rejects.toThrow(/答复函/);
    });

    test('the dashboard charts targets against progress per district and year', async () => {
      const before = await caller.dashboard.districtYears({});
      expect(before.cells.every((c) => c.completion === 0)).toBe(true);

      const added = await seedDemoProgress(database.db, seedLetterId, new Date('2026-11-27T00:00:00Z'));
      expect(added).toBeGreaterThan(0);
      const summary = await caller.dashboard.districtYears({});
      // the axis runs to the last deadline the letter names (2018)
      expect(summary.years).toEqual([2015, 2016, 2017, 2018]);
      expect(summary.districts.map((d) => d.name)).toEqual(
        expect.arrayContaining(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']),
      );
      const y2016 = summary.cells.filter((c) => c.year === 2016);
      expect(y2016.some((c) => c.completion > 0)).toBe(true);
      for (const cell of summary.cells) expect(cell.completion).toBeGreaterThanOrEqual(0);

      const overview = await caller.dashboard.overview();
      expect(overview).toMatchObject({
        letters: 1,
        agencies: 1,
        demoProgressUpdates: added,
        progressUpdates: added,
      });
      expect((await caller.dashboard.allocatedCommitments()).length).toBeGreaterThan(0);

      const hidden = createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: false,
          publicRead: true,
          user: null,
        }),
      );
      expect(await hidden.dashboard.overview()).toMatchObject({ demoProgressUpdates: 0, progressUpdates: 0 });
      const hiddenSummary = await hidden.dashboard.districtYears({});
      expect(hiddenSummary.cells.every((c) => c.completion === 0)).toBe(true);
    });

    test('concurrent ingests of one new letter store it once: one succeeds, the others get CONFLICT', async () => {
      const text = seedLetterText().replace('2015年3月19日', '2015年3月20日');
      const settled = await Promise.allSettled([1, 2, 3].map(() => caller.letters.ingest({ text })));
      const stored = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(stored).toHaveLength(1);
      const refused = await Promise.all(
        settled.flatMap((s) => (s.status === 'rejected' ? [refusal(Promise.reject(s.reason))] : [])),
      );
      expect(refused).toEqual([
        expect.objectContaining({ code: 'CONFLICT', existingLetterId: stored[0]?.letterId }),
        expect.objectContaining({ code: 'CONFLICT', existingLetterId: stored[0]?.letterId }),
      ]);
      expect((await caller.letters.list()).items).toHaveLength(2);
    });
  });
}

test('the seed letter ships with the product', () => {
  expect(seedLetterBytes().byteLength).toBeGreaterThan(1000);
});
