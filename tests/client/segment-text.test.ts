import { expect, test } from 'vitest';
import { segmentText } from '../../client/lib/segment-text';

test('runs cover the whole text in order and mark each span', () => {
  const text = '争取完成30个农村幸福院和6个照料中心建设';
  const runs = segmentText(text, [
    { id: 1, start: 4, end: 12 },
    { id: 2, start: 13, end: 19 },
  ]);
  expect(runs.map((r) => r.text).join('')).toBe(text);
  expect(runs.filter((r) => r.ids.length).map((r) => r.text)).toEqual(['30个农村幸福院', '6个照料中心']);
});

test('overlapping spans split into runs that list every covering span', () => {
  const runs = segmentText('abcdefgh', [
    { id: 1, start: 1, end: 5 },
    { id: 2, start: 3, end: 7 },
  ]);
  expect(runs).toEqual([
    { text: 'a', start: 0, ids: [] },
    { text: 'bc', start: 1, ids: [1] },
    { text: 'de', start: 3, ids: [1, 2] },
    { text: 'fg', start: 5, ids: [2] },
    { text: 'h', start: 7, ids: [] },
  ]);
});

test('spans outside the text are ignored', () => {
  expect(segmentText('abc', [{ id: 1, start: 2, end: 9 }])).toEqual([{ text: 'abc', start: 0, ids: [] }]);
});
