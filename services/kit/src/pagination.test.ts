import { describe, expect, it } from 'vitest';
import { afterCursorSql, decodeCursor, encodeCursor, INVALID_CURSOR, pageRequest, toConnection, type SortTerm } from './pagination.js';

type Row = { name: string; createdAt: Date; id: string };
const BY_NAME: SortTerm<Row>[] = [
  { sql: 'name', direction: 'ASC', type: 'text', collate: true, value: (r) => r.name },
  { sql: 'created_at', direction: 'DESC', type: 'timestamp', value: (r) => r.createdAt },
  { sql: 'id', direction: 'ASC', type: 'uuid', value: (r) => r.id },
];
const ID = 'c30ffa47-2aa2-5453-b4c5-deba4054af41';
const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

const badInput = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as { message: string; extensions: { code: string; fields: { path: string }[] } };
  }
  throw new Error('expected BAD_USER_INPUT');
};

describe('cursors', () => {
  it('round-trip sort values and are opaque base64url', () => {
    const values = ['Tỉnh ủy Bắc Kạn', '2026-01-01T00:00:00.000Z', ID];
    const c = encodeCursor(values);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, BY_NAME)).toEqual(values);
  });

  it.each([
    ['not base64url', '%%%'],
    ['an object', cursor({ a: 1 })],
    ['truncated', encodeCursor(['Tỉnh ủy', '2026-01-01T00:00:00.000Z', ID]).slice(0, 30)],
    ['too few values', cursor(['Tỉnh ủy', ID])],
    ['a forged id', cursor(['x', '2026-01-01T00:00:00.000Z', 'y'])],
    ['an id as a number', cursor(['x', '2026-01-01T00:00:00.000Z', 42])],
    ['a timestamp that is no time', cursor(['x', '2026-13-45T99:00:00Z', ID])],
    ['a timestamp as text', cursor(['x', 'yesterday', ID])],
    ['a NUL in text', cursor(['a\u0000b', '2026-01-01T00:00:00.000Z', ID])],
    ['text as an object', cursor([{ $ne: 1 }, '2026-01-01T00:00:00.000Z', ID])],
    ['null values', cursor([null, null, null])],
    ['empty', ''],
    ['huge', 'A'.repeat(5000)],
  ])('refuses %s', (_what, c) => {
    expect(decodeCursor(c, BY_NAME)).toBeNull();
  });

  it('checks integers and dates by type', () => {
    expect(decodeCursor(cursor([3, ID]), [{ type: 'integer' }, { type: 'uuid' }])).toEqual([3, ID]);
    expect(decodeCursor(cursor([3.5, ID]), [{ type: 'integer' }, { type: 'uuid' }])).toBeNull();
    expect(decodeCursor(cursor(['2024-02-29', ID]), [{ type: 'date' }, { type: 'uuid' }])).not.toBeNull();
    expect(decodeCursor(cursor(['2024-02-30', ID]), [{ type: 'date' }, { type: 'uuid' }])).toBeNull();
  });
});

describe('pageRequest', () => {
  it('defaults to 25 from the start', () => {
    expect(pageRequest({}, BY_NAME)).toEqual({ first: 25, offset: 0, after: null });
  });

  it('names every bad argument', () => {
    expect(badInput(() => pageRequest({ first: 500, offset: -2 }, BY_NAME)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first' }, { path: 'offset' }],
    });
  });

  it('refuses a forged cursor before any SQL is built: "This cursor is not valid for this list"', () => {
    const err = badInput(() => pageRequest({ after: cursor(['x', '2026-01-01T00:00:00.000Z', 'not-a-uuid']) }, BY_NAME));
    expect(err.message).toBe(INVALID_CURSOR);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
  });

  it('refuses a cursor of another ordering', () => {
    const byCreated = [BY_NAME[1]!, BY_NAME[2]!];
    const fromNameList = encodeCursor(['Tỉnh ủy', '2026-01-01T00:00:00.000Z', ID]);
    expect(badInput(() => pageRequest({ after: fromNameList }, byCreated)).message).toBe(INVALID_CURSOR);
  });
});

describe('afterCursorSql', () => {
  it('compares term by term, collating Vietnamese text', () => {
    const { sql, bindings } = afterCursorSql(BY_NAME as SortTerm<never>[], ['a', 't', ID]);
    expect(sql).toBe(
      '(((name collate "vi-x-icu") > (? collate "vi-x-icu")) or ((name collate "vi-x-icu") = (? collate "vi-x-icu") and created_at < ?) or ((name collate "vi-x-icu") = (? collate "vi-x-icu") and created_at = ? and id > ?))',
    );
    expect(bindings).toEqual(['a', 'a', 't', 'a', 't', ID]);
  });

  it('is one row comparison when every term has one direction, spelled like the index expressions', () => {
    const asc = [BY_NAME[0]!, BY_NAME[2]!] as SortTerm<never>[];
    expect(afterCursorSql(asc, ['a', ID])).toEqual({ sql: '((name collate "vi-x-icu"), id) > ((? collate "vi-x-icu"), ?)', bindings: ['a', ID] });
    const desc = [
      { sql: "coalesce(recognised_on, date '1900-01-01')", direction: 'DESC', type: 'date', value: () => null },
      { sql: 'id', direction: 'DESC', type: 'uuid', value: () => null },
    ] as SortTerm<never>[];
    expect(afterCursorSql(desc, ['2024-01-01', ID])).toEqual({
      sql: "(coalesce(recognised_on, date '1900-01-01'), id) < (?, ?)",
      bindings: ['2024-01-01', ID],
    });
  });
});

describe('toConnection', () => {
  it('uses the extra row only to tell that more follow, and counts lazily', async () => {
    let counted = 0;
    const c = toConnection(
      [1, 2, 3],
      { first: 2, offset: 0, after: null },
      (n) => [n],
      async () => ++counted && 42,
    );
    expect(c.nodes).toEqual([1, 2]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(counted).toBe(0);
    expect(await c.totalCount).toBe(42);
    expect(await c.totalCount).toBe(42);
    expect(counted).toBe(1);
  });
});
