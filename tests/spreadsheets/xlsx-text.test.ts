import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseProgressFile } from '../../server/spreadsheets/import';
import { DISTRICTS } from './support';

/**
 * exceljs's streaming reader garbles a Chinese character split across two inflated chunks;
 * read-xlsx.ts works around it. Excel writes sharedStrings.xml before the sheets, which exceljs
 * parses straight from the zip; our own exports put it after, which exceljs parses from a temp
 * file. The 5,000-row test covers the second path, this fixture the first.
 */
describe('Chinese text in large XLSX files', () => {
  test('shared strings read before the sheets keep every character (fixture: 600 rows, 83 KB of strings)', async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../fixtures/progress-sharedstrings-first.xlsx', import.meta.url)),
    );
    const parsed = await parseProgressFile(bytes, 'excel-order.xlsx', { today: '2025-06-30' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(600);
    parsed.rows.forEach((row, i) => {
      expect(row.evidenceText).toBe(`第${i}项佐证:思明区湖里区集美区海沧区同安区翔安区农村幸福院`);
      expect(row.districtName === null || DISTRICTS.includes(row.districtName)).toBe(true);
      expect(row.asOf).toBe('2025-06-01');
    });
  });
});
