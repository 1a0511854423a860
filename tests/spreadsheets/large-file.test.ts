import { describe, expect, test } from 'vitest';
import { buildProgressCsv, buildProgressWorkbook } from '../../server/spreadsheets/export';
import { parseProgressFile } from '../../server/spreadsheets/import';
import { formatTargetKey } from '../../server/spreadsheets/progress-columns';
import { type Fill, fillCsv, fillXlsx, sampleRows, utf8 } from './support';

const ROWS = 5_000;
const TODAY = '2025-12-31';
const rows = sampleRows(ROWS);

/** A different value and date on every row, so a shifted or dropped row cannot go unnoticed. */
const expected = rows.map((row, i) => ({
  row: i + 2,
  targetKey: formatTargetKey(row),
  value: i * 0.5,
  asOf: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  evidenceText: `第${i}项`,
  evidenceUrl: i % 2 === 0 ? `https://example.gov.cn/${i}` : null,
}));

/**
 * How the event loop fared while `work` ran, by a 5 ms timer: how often it got to run and the
 * longest wait between two runs. Wall-clock pauses also count time the OS gave to other test
 * workers, so the bounds below are loose; the tick count is what tells a chunked parse (hundreds
 * of ticks) from one synchronous parse of the whole file (none).
 */
async function loopDuring<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    ticks++;
  }, 5);
  try {
    const result = await work();
    return { result, ticks, stallMs: Math.max(stallMs, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

describe(`${ROWS} rows`, () => {
  test('XLSX: every row round-trips, and parsing never stalls the event loop for long', async () => {
    const exported = await buildProgressWorkbook(rows, { agencyName: '厦门市民政局', generatedOn: TODAY });
    const fills = new Map<number, Fill>(
      expected.map((e) => [
        e.row,
        {
          value: e.value,
          as_of: new Date(`${e.asOf}T00:00:00Z`),
          evidence_text: e.evidenceText,
          evidence_url: e.evidenceUrl,
        },
      ]),
    );
    const filled = await fillXlsx(exported, fills);
    const { result, ticks, stallMs } = await loopDuring(() =>
      parseProgressFile(filled, 'big.xlsx', { today: TODAY }),
    );
    expect(result.errors).toEqual([]);
    expect(
      result.rows.map(({ row, targetKey, value, asOf, evidenceText, evidenceUrl }) => ({
        row,
        targetKey,
        value,
        asOf,
        evidenceText,
        evidenceUrl,
      })),
    ).toEqual(expected);
    // alone on a laptop: ~70 ms longest pause, ~100 ticks; `workbook.xlsx.load` pauses ~400 ms
    expect(ticks).toBeGreaterThanOrEqual(20);
    expect(stallMs).toBeLessThan(1000);
  }, 60_000);

  test('CSV: every row round-trips', async () => {
    const filled = fillCsv(
      buildProgressCsv(rows),
      new Map(
        expected.map((e) => [
          e.row,
          {
            value: String(e.value),
            as_of: e.asOf.replace(/-0?/g, '/'),
            evidence_text: e.evidenceText,
            evidence_url: e.evidenceUrl ?? '',
          },
        ]),
      ),
    );
    const result = await parseProgressFile(utf8(filled), 'big.csv', { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(
      result.rows.map(({ row, targetKey, value, asOf, evidenceText, evidenceUrl }) => ({
        row,
        targetKey,
        value,
        asOf,
        evidenceText,
        evidenceUrl,
      })),
    ).toEqual(expected);
  }, 60_000);
});
