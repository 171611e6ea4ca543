/**
 * A subtree's exemplars are read from `ancestor_ids` (kept by triggers from
 * the directory replica), or from the replica's path range for organizations
 * deeper than the indexed depths. Here the replica changes as the follower
 * changes it (applyFeedChanges): organizations arriving after their
 * exemplars, a merger moving a subtree, a removal; exemplars move and are
 * deleted and restored. After each change, every organization's subtree
 * list and totalCount (live and deleted) equal plain SQL over the paths.
 */
import { Loaders, migrateSubgraph, openSubgraphOrm, Role, type Caller, type Orm, type RequestContext } from '@lantoa/kit';
import { applyFeedChanges, type FeedChange } from '@lantoa/kit/directory';
import { createTestDatabase, type TestDatabase } from '@lantoa/kit/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCESTOR_INDEXED_DEPTHS } from '../../migrations/Migration20261205000000_organization_ancestors.js';
import { subgraph } from '../../subgraph.js';
import { generateExemplars } from '../../testing/generate.js';
import { ExemplarQueries } from './exemplar.queries.js';

let db: TestDatabase;
let orm: Orm;
let sql: pg.Client;
const ADMIN: Caller = { kind: 'user', id: randomUUID(), name: 'admin@example.vn', organizationId: null, roles: [Role.ADMIN], scopes: [] };

// root → a → c → x1 → x2 → x3 (depth 5: past the indexed depths), root → b.
const ids = { root: randomUUID(), a: randomUUID(), b: randomUUID(), c: randomUUID(), x1: randomUUID(), x2: randomUUID(), x3: randomUUID() };
const parents: Record<string, string | null> = { root: null, a: 'root', b: 'root', c: 'a', x1: 'c', x2: 'x1', x3: 'x2' };
let seq = 0;

const pathOf = (name: string): string => (parents[name] ? pathOf(parents[name]!) : '/') + ids[name as keyof typeof ids] + '/';
/** The feed's change for each named organization, as it stands in `parents`. */
const changes = (names: string[]): FeedChange[] =>
  names.map((name) => {
    const path = pathOf(name);
    const id = ids[name as keyof typeof ids];
    return {
      seq: ++seq,
      organizationId: id,
      state: {
        id,
        parentId: parents[name] ? ids[parents[name] as keyof typeof ids] : null,
        path,
        depth: path.split('/').length - 3,
        level: 'COMMUNE',
        type: 'PARTY_COMMITTEE',
        name: `Tổ chức ${name}`,
        shortName: null,
        searchText: `to chuc ${name}`,
        validFrom: null,
        validTo: null,
        deletedAt: null,
        version: seq,
        updatedAt: new Date().toISOString(),
      },
    };
  });
const apply = (c: FeedChange[]) => applyFeedChanges(orm.em.getKnex(), c, seq);

beforeAll(async () => {
  db = await createTestDatabase('exemplar_subtree');
  await migrateSubgraph(subgraph, db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  await sql.query('set search_path to exemplars');
  orm = await openSubgraphOrm(subgraph, db.url, 2);
  // Exemplars first, their organizations in the replica after: as when a subgraph's replica is rebuilt.
  await generateExemplars(db.url, { organizationIds: Object.values(ids), count: 700, label: 'subtree' });
  await apply(changes(Object.keys(ids)));
}, 120_000);

afterAll(async () => {
  await orm?.close();
  await sql?.end();
  await db?.drop();
});

/** The whole subtree list, walked by cursor 200 at a time, and its totalCount. */
async function list(organizationId: string, deleted: boolean): Promise<{ ids: string[]; total: number }> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const ctx: RequestContext = { requestId: randomUUID(), em: orm.em.fork(), caller: ADMIN, loaders: new Loaders() };
    const page = await new ExemplarQueries(ctx).list({ filter: { organizationId, includeDescendants: true, deleted }, first: 200, after });
    seen.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return { ids: seen, total: await page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

/** Every organization's subtree, live and deleted, from the list and from plain SQL over the replica's paths. */
async function expectSubtreesAsSql(): Promise<void> {
  for (const [name, id] of Object.entries(ids)) {
    for (const deleted of [false, true]) {
      const { rows } = await sql.query(
        `select e.id from exemplar e
          where e.deleted_at is ${deleted ? 'not ' : ''}null
            and e.organization_id in (select d.id from directory_organization d, directory_organization o where o.id = $1 and d.path like o.path || '%')
          order by e.created_at desc, e.id desc`,
        [id],
      );
      const subtree = await list(id, deleted);
      expect(subtree.ids, `${name}, deleted ${deleted}`).toEqual(rows.map((r) => r.id));
      expect(subtree.total).toBe(rows.length);
    }
  }
}

describe('a subtree’s exemplars follow the directory replica', () => {
  it('takes in exemplars whose organizations reached the replica after them, at every depth', async () => {
    await sql.query(`update exemplar set deleted_at = now() where name_key like '%3'`);
    const { rows } = await sql.query(
      `select count(*)::int as wrong from exemplar e join directory_organization d on d.id = e.organization_id
        where e.ancestor_ids is distinct from string_to_array(trim(both '/' from d.path), '/')::uuid[]`,
    );
    expect(rows[0].wrong).toBe(0);
    const { rows: depths } = await sql.query('select max(depth)::int as deepest from directory_organization');
    expect(depths[0].deepest).toBeGreaterThanOrEqual(ANCESTOR_INDEXED_DEPTHS);
    await expectSubtreesAsSql();
    expect((await list(ids.root, false)).ids.length).toBeGreaterThan(500);
  });

  it('moves exemplars, deleted ones included, with a merger that moves their organization’s subtree', async () => {
    parents.c = 'b';
    await apply(changes(['c', 'x1', 'x2', 'x3']));
    expect((await sql.query('select path from directory_organization where id = $1', [ids.x3])).rows[0].path).toBe(pathOf('x3'));
    await expectSubtreesAsSql();
    // A deleted exemplar of the moved subtree, restored: in its organization's new subtree.
    await sql.query(`update exemplar set deleted_at = null where organization_id = $1`, [ids.x1]);
    await expectSubtreesAsSql();
  });

  it('moves an exemplar whose organization changes, and leaves out those of an organization removed from the replica', async () => {
    await sql.query(`update exemplar set organization_id = $1 where id in (select id from exemplar where organization_id = $2 limit 20)`, [ids.x2, ids.a]);
    await expectSubtreesAsSql();
    await apply([{ seq: ++seq, organizationId: ids.x2, state: null }]);
    expect((await sql.query('select count(*)::int as n from exemplar where organization_id = $1 and ancestor_ids is not null', [ids.x2])).rows[0].n).toBe(0);
    await expectSubtreesAsSql();
  });
});
