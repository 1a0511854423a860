/** The CSRF verdict as a pure function: which requests count as coming from our own pages. */
import { expect, test } from 'vitest';
import { checkRequestOrigin, type RequestFacts } from '../../server/auth/csrf';
import { CSRF_HEADER_VALUE } from '../../shared/auth';

const ours: RequestFacts = {
  method: 'POST',
  host: 'promises.example.gov.cn',
  origin: 'https://promises.example.gov.cn',
  referer: undefined,
  csrfHeader: CSRF_HEADER_VALUE,
};

test('our own page, a script naming no origin, and any GET pass', () => {
  expect(checkRequestOrigin(ours)).toEqual({ ok: true });
  expect(checkRequestOrigin({ ...ours, origin: undefined })).toEqual({ ok: true });
  expect(
    checkRequestOrigin({ ...ours, origin: undefined, referer: 'https://promises.example.gov.cn/x' }),
  ).toEqual({
    ok: true,
  });
  expect(checkRequestOrigin({ ...ours, origin: 'https://PROMISES.example.gov.cn' })).toEqual({ ok: true });
  expect(
    checkRequestOrigin({ ...ours, method: 'GET', csrfHeader: undefined, origin: 'https://evil.example' }),
  ).toEqual({ ok: true });
});

test('a missing header or a foreign, opaque or malformed origin is refused', () => {
  expect(checkRequestOrigin({ ...ours, csrfHeader: undefined })).toEqual({
    ok: false,
    reason: 'missing-header',
  });
  expect(checkRequestOrigin({ ...ours, csrfHeader: 'something else' })).toEqual({
    ok: false,
    reason: 'missing-header',
  });
  for (const origin of [
    'https://evil.example',
    'null',
    'not a url',
    'https://promises.example.gov.cn.evil.example',
  ]) {
    expect(checkRequestOrigin({ ...ours, origin })).toEqual({ ok: false, reason: 'foreign-origin' });
  }
  expect(checkRequestOrigin({ ...ours, origin: undefined, referer: 'https://evil.example/' })).toEqual({
    ok: false,
    reason: 'foreign-origin',
  });
  // A different port is a different origin.
  expect(checkRequestOrigin({ ...ours, origin: 'https://promises.example.gov.cn:8443' })).toEqual({
    ok: false,
    reason: 'foreign-origin',
  });
  expect(checkRequestOrigin({ ...ours, host: undefined })).toEqual({ ok: false, reason: 'foreign-origin' });
});
