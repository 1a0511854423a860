import { expect, test } from 'vitest';
import { cityOfLetter } from '../../server/domain/letter-city';

test('a letter belongs to the city its agency names', () => {
  expect(cityOfLetter('厦门市民政局', '', ['厦门市'])).toBe('厦门市');
  expect(cityOfLetter('同江市住房和城乡建设局', '厦门市', ['厦门市'])).toBeNull();
});

test('without an agency, the city must be named more than once', () => {
  expect(cityOfLetter(null, '厦门市……厦门市', ['厦门市'])).toBe('厦门市');
  expect(cityOfLetter(null, '学习厦门市经验', ['厦门市'])).toBeNull();
});
