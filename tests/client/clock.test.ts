/**
 * The client's "today" (a progress date input's max, its default, the printed date) is China's,
 * as the server judges it: at 07:00 in Beijing the browser's UTC date was still yesterday, so the
 * form offered and capped yesterday's date.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { clock, todayIso } from '../../client/lib/clock';

afterEach(() => {
  vi.useRealTimers();
});

test('at 07:00 on 1 January in Beijing the client is on the new day and year', () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-31T23:00:00Z'));
  expect(todayIso()).toBe('2027-01-01');
  expect(clock.year()).toBe(2027);
  vi.setSystemTime(new Date('2026-12-31T15:59:00Z'));
  expect(todayIso()).toBe('2026-12-31');
  expect(clock.year()).toBe(2026);
});
