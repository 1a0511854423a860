/** Query strings read with the shared schemas: a refused value is left out, the rest of the link still works. */
import { expect, test } from 'vitest';
import {
  readLetterFilters,
  readListParams,
  readReturnPath,
  readSearchTerm,
} from '../../client/lib/search-params';

const q = (s: string) => new URLSearchParams(s);

test('the commitments list reads its own parameters, page 1 by default', () => {
  expect(readListParams(q('outcome=due&kind=milestone&q=%20幸福院%20&page=3'))).toEqual({
    outcome: 'due',
    kind: 'milestone',
    q: '幸福院',
    page: 3,
  });
  expect(readListParams(q('outcome=soon&kind=other&q=%20&page=0'))).toEqual({ page: 1 });
  expect(readListParams(q('page=2.5'))).toEqual({ page: 1 });
});

test('the letters list keeps the valid filters of a link and drops the others', () => {
  expect(readLetterFilters(q('year=2015&agency=厦门市民政局&grade=A&rating=satisfied'))).toEqual({
    year: 2015,
    agency: '厦门市民政局',
    grade: 'A',
    rating: 'satisfied',
  });
  expect(readLetterFilters(q('year=1e3&grade=E&rating=happy&deputy=苏辉明&district=思明区'))).toEqual({
    deputy: '苏辉明',
  });
});

test('the search term is trimmed, and an over-long one is not searched', () => {
  expect(readSearchTerm(q('q=%20幸福院%20'))).toBe('幸福院');
  expect(readSearchTerm(q('q='))).toBe('');
  expect(readSearchTerm(q(`q=${'字'.repeat(101)}`))).toBe('');
});

test('sign-in returns only to a path of this site', () => {
  expect(readReturnPath(q('from=%2Freview%3Fyear%3D2015'))).toBe('/review?year=2015');
  for (const from of ['//evil.example', '/%5Cevil.example', 'https://evil.example', ''])
    expect(readReturnPath(q(`from=${from}`))).toBe('/');
  expect(readReturnPath(q(''))).toBe('/');
});
