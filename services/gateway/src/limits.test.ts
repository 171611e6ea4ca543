import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentialOf, UnauthenticatedError } from './auth.js';
import { ipKey, memoryRateLimiter, WINDOW_MS } from './rate-limit.js';

describe('credentialOf', () => {
  it('takes the token of a Bearer header, any scheme case', () => {
    expect(credentialOf(undefined)).toBeUndefined();
    expect(credentialOf('Bearer abc.def-ghi_jkl')).toBe('abc.def-ghi_jkl');
    expect(credentialOf('bearer lt_abcdefgh_xyz')).toBe('lt_abcdefgh_xyz');
    expect(credentialOf('Bearer dG9rZW4=')).toBe('dG9rZW4=');
  });

  it.each(['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Bearer a"b', `Bearer ${'x'.repeat(5000)}`])('refuses %j', (header) => {
    expect(() => credentialOf(header)).toThrow(UnauthenticatedError);
  });
});

describe('ipKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd:12::/64'],
    ['2001:db8:abcd:12:ffff:1:2:3', '2001:db8:abcd:12::/64'],
    ['2001:0db8:0000:0042:0000:8a2e:0370:7334', '2001:db8:0:42::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (ip, key) => {
    expect(ipKey(ip)).toBe(key);
  });
});

describe('memoryRateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts in fixed one-minute windows', async () => {
    vi.useFakeTimers();
    const limiter = memoryRateLimiter();
    expect(await limiter.hit('k', 2)).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 60 });
    expect((await limiter.hit('k', 2)).allowed).toBe(true);
    expect(await limiter.peek('k', 2)).toMatchObject({ allowed: false, remaining: 0 });
    vi.advanceTimersByTime(30_000);
    expect(await limiter.hit('k', 2)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 30 });
    vi.advanceTimersByTime(WINDOW_MS - 30_000);
    expect(await limiter.hit('k', 2)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
    await limiter.close();
  });

  it('stays within its bound, forgetting the oldest windows first', async () => {
    const limiter = memoryRateLimiter(100);
    for (let i = 0; i < 1_000; i++) await limiter.hit(`k${i}`, 10);
    expect(limiter.count('k0')).toBe(0);
    expect(limiter.count('k999')).toBe(1);
    let kept = 0;
    for (let i = 0; i < 1_000; i++) kept += limiter.count(`k${i}`);
    expect(kept).toBeLessThanOrEqual(100);
    await limiter.close();
  });
});
