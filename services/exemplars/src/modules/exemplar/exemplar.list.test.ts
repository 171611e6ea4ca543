/**
 * The exemplar list on a few thousand rows, against plain SQL: in every
 * order the console offers (and a mixed one), a keyset page deep in the list
 * is the same slice as the offset page there, and walking the whole list by
 * cursor visits every live row once, in order — with ties in every sort key
 * (the id breaks them). Also a district-like subtree with totalCount, read
 * through the late row lookup. And who reads what (EXEMPLAR_READ): viewers,
 * READ tokens, integrators and an editor of a subtree, against plain SQL.
 */
import { Loaders, migrateSubgraph, openSubgraphOrm, Role, SortDirection, TokenScope, type Caller, type Orm, type RequestContext } from '@lantoa/kit';
import { createTestDatabase, type TestDatabase } from '@lantoa/kit/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../subgraph.js';
import { generateExemplars } from '../../testing/generate.js';
import { ExemplarQueries, filteredExemplars } from './exemplar.queries.js';
import { ExemplarOrderField, type ExemplarOrder, type ExemplarsArgs } from './exemplar.inputs.js';

let db: TestDatabase;
let orm: Orm;
let sql: pg.Client;
const ADMIN: Caller = { kind: 'user', id: randomUUID(), name: 'admin@example.vn', organizationId: null, roles: [Role.ADMIN], scopes: [] };
// A small tree in the replica: root → a → c, root → b.
const [root, a, b, c] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

beforeAll(async () => {
  db = await createTestDatabase('exemplar_list');
  await migrateSubgraph(subgraph, db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  await sql.query('set search_path to exemplars');
  const path = { [root]: `/${root}/`, [a]: `/${root}/${a}/`, [b]: `/${root}/${b}/`, [c]: `/${root}/${a}/${c}/` };
  for (const [i, id] of [root, a, b, c].entries())
    await sql.query(
      `insert into directory_organization (id, parent_id, path, depth, level, type, name, search_text, version, updated_at, seq)
       values ($1, $2, $3, $4, 'DISTRICT', 'PARTY_COMMITTEE', $5, $5, 1, now(), $6)`,
      [id, id === root ? null : id === c ? a : root, path[id], path[id]!.split('/').length - 3, `Tổ chức ${i}`, i + 1],
    );
  await generateExemplars(db.url, { organizationIds: [root, a, b, c], count: 3000, label: 'keyset' });
  // Ties in every key: 60 per created_at, about 10 per name, most recognised_on null (one shared value); some rows deleted.
  await sql.query(`update exemplar set created_at = date_trunc('hour', created_at), name = left(name, length(name) - 1)`);
  await sql.query(`update exemplar set deleted_at = now() where name_key like '%7'`);
  await sql.query('analyze exemplar');
  orm = await openSubgraphOrm(subgraph, db.url, 2);
}, 120_000);

afterAll(async () => {
  await orm?.close();
  await sql?.end();
  await db?.drop();
});

const queries = (caller = ADMIN) => {
  const ctx: RequestContext = { requestId: randomUUID(), em: orm.em.fork(), caller, loaders: new Loaders() };
  return new ExemplarQueries(ctx);
};
const ids = async (args: ExemplarsArgs) => {
  const page = await queries().list(args);
  return { ids: page.nodes.map((n) => n.id), endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage, total: page.totalCount };
};

type Order = ExemplarOrder[];
const SQL_ORDER: Record<ExemplarOrderField, string> = {
  CREATED_AT: 'created_at',
  NAME: 'name collate "vi-x-icu"',
  RECOGNISED_ON: "coalesce(recognised_on, date '1900-01-01')",
};
/** The list in this order as plain SQL says it is: every term, then the id in the first term's direction. */
const expected = async (order: Order, where = 'true') => {
  const by = [...order.map((o) => `${SQL_ORDER[o.field]} ${o.direction}`), `id ${order[0]!.direction}`].join(', ');
  return (await sql.query(`select id from exemplar where deleted_at is null and ${where} order by ${by}`)).rows.map((r) => r.id as string);
};

const ORDERS: Order[] = [
  [{ field: ExemplarOrderField.CREATED_AT, direction: SortDirection.DESC }],
  [{ field: ExemplarOrderField.CREATED_AT, direction: SortDirection.ASC }],
  [{ field: ExemplarOrderField.NAME, direction: SortDirection.ASC }],
  [{ field: ExemplarOrderField.NAME, direction: SortDirection.DESC }],
  [{ field: ExemplarOrderField.RECOGNISED_ON, direction: SortDirection.ASC }],
  [{ field: ExemplarOrderField.RECOGNISED_ON, direction: SortDirection.DESC }],
  // Mixed directions: the keyset condition is the OR form.
  [
    { field: ExemplarOrderField.RECOGNISED_ON, direction: SortDirection.DESC },
    { field: ExemplarOrderField.NAME, direction: SortDirection.ASC },
  ],
];
const label = (o: Order) => o.map((t) => `${t.field} ${t.direction}`).join(', ');

describe.each(ORDERS.map((o) => [label(o), o] as const))('exemplars ordered by %s', (_label, orderBy) => {
  it('gives the same page deep in the list by keyset as by offset', async () => {
    const all = await expected(orderBy);
    expect(all.length).toBeGreaterThan(2_500);
    const before = await ids({ orderBy, first: 50, offset: 2_150 });
    const byOffset = await ids({ orderBy, first: 50, offset: 2_200 });
    const byKeyset = await ids({ orderBy, first: 50, after: before.endCursor });
    expect(byOffset.ids).toEqual(all.slice(2_200, 2_250));
    expect(byKeyset.ids).toEqual(byOffset.ids);
    expect(byKeyset.hasNextPage).toBe(true);
  });

  it('visits every live exemplar once, in order, walking by cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await ids({ orderBy, first: 200, after });
      seen.push(...page.ids);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(await expected(orderBy));
  });
});

describe('a subtree page (the console’s main list)', () => {
  it('matches SQL at every offset, with totalCount, for the organization and its descendants', async () => {
    const orderBy = ORDERS[0]!;
    const all = await expected(orderBy, `organization_id in ('${a}', '${c}')`);
    expect(all.length).toBeGreaterThan(1_000);
    for (const offset of [0, 50, 150, all.length - 30]) {
      const page = await ids({ filter: { organizationId: a, includeDescendants: true }, first: 50, offset });
      expect(page.ids).toEqual(all.slice(offset, offset + 50));
      expect(await page.total).toBe(all.length);
    }
  });
});

const user = (roles: Role[], organizationId: string | null): Caller => ({
  kind: 'user',
  id: randomUUID(),
  name: 'x@example.vn',
  organizationId,
  roles,
  scopes: [],
});

describe('read boundaries (EXEMPLAR_READ)', () => {
  const VIEWER_SEES = `status in ('VERIFIED', 'RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED')`;
  const PUBLIC = `status in ('RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED')`;
  const CASES: [string, Caller, string][] = [
    ['a viewer', user([Role.VIEWER], a), VIEWER_SEES],
    ['a READ token', { kind: 'token', id: randomUUID(), name: 'portal', organizationId: root, roles: [Role.INTEGRATOR], scopes: [TokenScope.READ] }, PUBLIC],
    ['an integrator account', user([Role.INTEGRATOR], root), PUBLIC],
    // Everything of a's subtree (a and c), what a viewer reads elsewhere.
    ['an editor of a', user([Role.EDITOR], a), `(${VIEWER_SEES} or organization_id in ('${a}', '${c}'))`],
    ['an editor without an organization', user([Role.EDITOR], null), VIEWER_SEES],
  ];
  it.each(CASES)('%s reads what plain SQL says, in pages and in totalCount, and each row by id likewise', async (_who, caller, where) => {
    const all = await expected(ORDERS[0]!, where);
    expect(all.length).toBeGreaterThan(500);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page = await queries(caller).list({ first: 200, after });
      seen.push(...page.nodes.map((n) => n.id));
      total = await page.totalCount;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(total).toBe(all.length);
    const hidden = (await sql.query(`select id from exemplar where deleted_at is null and not ${where} limit 20`)).rows.map((r) => r.id as string);
    const q = queries(caller);
    expect(await Promise.all(hidden.map((id) => q.readable(id)))).toEqual(hidden.map(() => null));
    expect((await q.readable(all[0]!))?.id).toBe(all[0]);
  });
});

describe('a district page under the read boundary', () => {
  it('is still read from the district index alone, for a viewer and for an editor (the status is in the index)', async () => {
    const knex = orm.em.getKnex();
    await sql.query('begin');
    try {
      // Only the plan's shape is asked: could the index alone answer? (On 3,000 rows a sequential scan would be cheaper.)
      await sql.query('set local enable_seqscan = off');
      await sql.query('set local enable_bitmapscan = off');
      for (const caller of [user([Role.VIEWER], b), user([Role.EDITOR], c)]) {
        const filtered = filteredExemplars(knex, { organizationId: a, includeDescendants: true }, caller, 1);
        for (const q of [filtered.clone().count('* as count'), filtered.clone().select('id').orderByRaw('created_at desc, id desc').limit(51)]) {
          const { sql: text, bindings } = q.toSQL().toNative();
          const plan = (await sql.query(`explain ${text}`, bindings as unknown[])).rows.map((r) => r['QUERY PLAN'] as string).join('\n');
          expect(plan, `${caller.roles[0]}: ${text}`).toMatch(/Index Only Scan using exemplar_ancestor_1_idx/);
        }
      }
    } finally {
      await sql.query('rollback');
    }
  });
});
