/** The one formula-injection rule every CSV and XLSX writer goes through. */
import { expect, test } from 'vitest';
import { neutralizeFormula, neutralizeRow } from '../../server/spreadsheets/formula-cells';

test('text starting with = + - @, tab or CR gets an apostrophe; other text, numbers and blanks do not', () => {
  for (const hostile of ['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
    expect(neutralizeFormula(hostile)).toBe(`'${hostile}`);
  for (const harmless of ['农村幸福院', ' =1', "'=1", '', '30个', '2025-12-31'])
    expect(neutralizeFormula(harmless)).toBe(harmless);
  expect(neutralizeFormula(-2)).toBe(-2);
  expect(neutralizeFormula(null)).toBeNull();
  expect(neutralizeRow(['=A1', 3, null, '区'])).toEqual(["'=A1", 3, null, '区']);
});
