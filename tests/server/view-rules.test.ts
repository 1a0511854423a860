/** The small pure rules behind search excerpts, query escaping and late follow-ups. */
import { expect, test } from 'vitest';
import { answeredLate } from '../../server/domain/follow-up-timeliness';
import { excerptAround } from '../../server/domain/highlight';
import { keptRate, tallyStatuses } from '../../server/domain/status-tally';
import { ftsPhrase, likePattern } from '../../server/repositories/search';

test('an excerpt marks every occurrence near the first one, case-insensitively, and says where it was cut', () => {
  const text = `${'前'.repeat(50)}建设幸福院,再建幸福院${'后'.repeat(200)}`;
  const excerpt = excerptAround(text, '幸福院', 10);
  expect(excerpt?.pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['幸福院', '幸福院']);
  expect(excerpt?.clippedStart).toBe(true);
  expect(excerpt?.clippedEnd).toBe(true);
  expect(excerptAround('Smart City 智慧城市', 'smart')?.pieces[0]).toEqual({ text: 'Smart', match: true });
  expect(excerptAround('没有这个词', '幸福院')).toBeNull();
});

test('query text is literal: LIKE wildcards escaped, FTS5 phrase quoted', () => {
  expect(likePattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  expect(ftsPhrase('a "b" OR c')).toBe('"a ""b"" OR c"');
});

test('a follow-up is late when answered after its due day, or unanswered once it passed', () => {
  const today = '2016-03-01';
  expect(answeredLate({ dueDate: '2016-01-31', respondedAt: '2016-01-31T23:00:00Z' }, today)).toBe(false);
  expect(answeredLate({ dueDate: '2016-01-31', respondedAt: '2016-02-01T08:00:00Z' }, today)).toBe(true);
  expect(answeredLate({ dueDate: '2016-02-28', respondedAt: null }, today)).toBe(true);
  expect(answeredLate({ dueDate: '2016-03-31', respondedAt: null }, today)).toBe(false);
  expect(answeredLate({ dueDate: null, respondedAt: null }, today)).toBe(false);
});

test('the kept rate counts confirmed commitments that are not withdrawn', () => {
  const counts = tallyStatuses(['achieved', 'overdue', 'withdrawn', 'unverified', 'on_track', 'achieved']);
  expect(keptRate(counts)).toBe(2 / 4);
  expect(keptRate(tallyStatuses(['withdrawn']))).toBeNull();
});
