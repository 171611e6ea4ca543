import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, parsePageArgs, toConnection } from './pagination.js';

describe('cursors', () => {
  it('round-trip sort values and are opaque base64url', () => {
    const values = ['Tỉnh ủy Bắc Kạn', '2026-01-01T00:00:00.000Z', 'c30ffa47-2aa2-5453-b4c5-deba4054af41'];
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(values);
  });

  it('rejects garbage', () => {
    expect(decodeCursor('%%%')).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});

describe('parsePageArgs', () => {
  it('defaults to 25 from the start', () => {
    expect(parsePageArgs({})).toEqual({ first: 25, offset: 0, after: null });
  });

  it('names every bad argument', () => {
    try {
      parsePageArgs({ first: 500, offset: -2 });
      expect.unreachable();
    } catch (err) {
      expect((err as { extensions: { code: string; fields: { path: string }[] } }).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'first' }, { path: 'offset' }],
      });
    }
  });
});

describe('toConnection', () => {
  it('uses the extra row only to tell that more follow, and counts lazily', async () => {
    let counted = 0;
    const c = toConnection([1, 2, 3], { first: 2, offset: 0, after: null }, (n) => [n], async () => ++counted && 42);
    expect(c.nodes).toEqual([1, 2]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(counted).toBe(0);
    expect(await c.totalCount).toBe(42);
    expect(await c.totalCount).toBe(42);
    expect(counted).toBe(1);
  });
});
