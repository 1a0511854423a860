/** The overview's URL filters and the links to the lists behind its numbers. */
import { expect, test } from 'vitest';
import { commitmentsHref, lettersHref } from '../../client/lib/list-links';
import { readFilters } from '../../client/lib/overview-filters';

test('filters are read from the query string; impossible values are ignored', () => {
  const params = new URLSearchParams(
    'year=2015&district=思明区&agency=厦门市民政局&session=市十四届人大四次会议&deputy=苏辉明&status=overdue&page=2',
  );
  expect(readFilters(params)).toEqual({
    year: 2015,
    district: '思明区',
    agency: '厦门市民政局',
    session: '市十四届人大四次会议',
    deputy: '苏辉明',
    status: 'overdue',
  });
  expect(readFilters(new URLSearchParams('year=15&status=done&district=%20'))).toEqual({});
});

test('a number links to the list with the page’s filters and its own', () => {
  const filters = readFilters(new URLSearchParams('year=2015&district=思明区&status=behind'));
  expect(commitmentsHref(filters, { outcome: 'due' })).toBe(
    `/commitments?year=2015&district=${encodeURIComponent('思明区')}&status=behind&outcome=due`,
  );
  // a status count replaces the page's status
  expect(commitmentsHref(filters, { status: 'overdue' })).toContain('status=overdue');
  expect(commitmentsHref({})).toBe('/commitments');
  // letters have no district or status
  expect(lettersHref(filters, { grade: 'A' })).toBe('/letters?year=2015&grade=A');
  // the filters survive a round trip through the link
  const back = new URL(commitmentsHref(filters), 'http://x').searchParams;
  expect(readFilters(back)).toEqual(filters);
});
