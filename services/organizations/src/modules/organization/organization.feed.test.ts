import { migrate, openSubgraphOrm, withOrm, type Orm } from '@lantoa/kit';
import type { FeedChange } from '@lantoa/kit/directory';
import { createTestDatabase } from '@lantoa/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../subgraph.js';
import { startTestService, type TestService } from '../../testing/harness.js';
import { insertTree } from '../../testing/tree.js';
import { readFeedPage } from './organization.feed.js';

/** Every change after `after`, read the way a follower does (page by page). */
async function changesAfter(orm: Orm, after: number, limit = 1000): Promise<FeedChange[]> {
  const all: FeedChange[] = [];
  for (let page = await readFeedPage(orm, after, limit); ; page = await readFeedPage(orm, page.lastSeq, limit)) {
    all.push(...page.changes);
    if (!page.hasMore) return all;
  }
}

const head = async (orm: Orm) =>
  Number((await orm.em.getConnection().execute<{ s: string }[]>('select coalesce(max(seq), 0) as s from organization_change'))[0]!.s);

describe('the organization feed migration', () => {
  it('puts every organization already there (deleted ones too) into the feed, for a first full sync', async () => {
    const db = await createTestDatabase('feed_backfill');
    try {
      const FEED = 'Migration20261201200000_organization_feed';
      const before = {
        ...subgraph,
        migrations: subgraph.migrations.slice(
          0,
          subgraph.migrations.findIndex((m) => m.name === FEED),
        ),
      };
      await withOrm(() => openSubgraphOrm(before, db.url, 2), migrate);
      const tree = await insertTree(db.url, 'backfill', [3, 4]);
      await withOrm(
        () => openSubgraphOrm(before, db.url, 2),
        (orm) => orm.em.getConnection().execute('update organization set deleted_at = now() where id = ?', [tree.ids[5]]),
      );
      await withOrm(
        () => openSubgraphOrm(subgraph, db.url, 2),
        async (orm) => {
          expect(await migrate(orm)).toContain(FEED);
          const changes = await changesAfter(orm, 0, 7);
          expect(changes.map((c) => c.organizationId).sort()).toEqual([...tree.ids].sort());
          expect(changes.find((c) => c.organizationId === tree.ids[5])!.state!.deletedAt).not.toBeNull();
          expect(changes.find((c) => c.organizationId === tree.ids[1])!.state).toMatchObject({
            id: tree.ids[1],
            parentId: tree.rootId,
            depth: 1,
            level: 'DISTRICT',
          });
        },
      );
    } finally {
      await db.drop();
    }
  });
});

describe('the organization feed', () => {
  let t: TestService;
  let orm: Orm;
  beforeAll(async () => {
    t = await startTestService('feed');
    orm = t.service.orm;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const create = async (name: string, parentId: string | null = null, level = 'PROVINCE') =>
    (
      await t.gqlOk<{ createOrganization: { id: string } }>('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
        i: { name, type: 'PARTY_COMMITTEE', level, parentId },
      })
    ).createOrganization.id;

  it('records create, update, move (every descendant), delete, restore and succession, each with the state it committed', async () => {
    const a = await create('Tỉnh ủy A');
    const b = await create('Tỉnh ủy B');
    const child = await create('Huyện ủy A1', a, 'DISTRICT');
    const grandchild = await create('Xã ủy A1a', child, 'COMMUNE');
    const after = await head(orm);
    await t.gqlOk('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Huyện ủy A-1" }) { id } }', { id: child });
    await t.gqlOk('mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p) { id } }', { id: child, p: b });
    await t.gqlOk('mutation($id: ID!) { deleteOrganization(id: $id) { id } }', { id: grandchild });
    await t.gqlOk('mutation($id: ID!) { restoreOrganization(id: $id) { id } }', { id: grandchild });
    await t.gqlOk('mutation($i: RecordSuccessionInput!) { recordSuccession(input: $i) { id } }', {
      i: { fromIds: [a], toId: b, kind: 'MERGE', effectiveOn: '2025-07-01' },
    });

    const changes = await changesAfter(orm, after);
    const seqs = changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const states = (id: string) => changes.filter((c) => c.organizationId === id).map((c) => c.state!);
    expect(states(child)[0]).toMatchObject({ name: 'Huyện ủy A-1', parentId: a });
    expect(states(child).at(-1)).toMatchObject({ parentId: b, path: expect.stringContaining(`/${b}/${child}/`) });
    // The descendant's path changed in the one-statement move: it is in the feed too.
    const moved = states(grandchild);
    expect(moved[0]!.path).toBe(`${states(child).at(-1)!.path}${grandchild}/`);
    expect(moved.map((s) => s.deletedAt === null)).toEqual([true, false, true]);
    // The succession ended A and began B (endPredecessors).
    expect(states(a).at(-1)).toMatchObject({ validTo: '2025-06-30' });
    expect(states(b).at(-1)).toMatchObject({ validFrom: '2025-07-01' });
  });

  it('numbers changes in commit order, so a reader past seq n never misses a later commit with a smaller number', async () => {
    const [x, y] = [await create('Tỉnh ủy X'), await create('Tỉnh ủy Y')];
    const knex = orm.em.getKnex();
    const after = await head(orm);
    const slow = await knex.transaction();
    await slow.raw("update organization set name = 'X (viết trước, ghi sau)' where id = ?", [x]);
    await knex.raw("update organization set name = 'Y (viết sau, ghi trước)' where id = ?", [y]);
    const seen = await changesAfter(orm, after);
    expect(seen.map((c) => c.organizationId)).toEqual([y]); // the open transaction has no number yet
    await slow.commit();
    const next = await changesAfter(orm, seen.at(-1)!.seq);
    expect(next.map((c) => c.organizationId)).toEqual([x]);
  });

  it('never splits a transaction across pages, and pages without gaps or repeats', async () => {
    const root = await create('Tỉnh ủy C');
    await insertTree(t.db.url, 'feed', [4, 5], root);
    const after = await head(orm);
    const other = await create('Tỉnh ủy D');
    // The generated subtree under C: 1 + 4 + 20 organizations, whose paths one move rewrites in one transaction.
    const subtree = (await orm.em.getConnection().execute<{ id: string }[]>('select id from organization where parent_id = ? limit 1', [root]))[0]!.id;
    await t.gqlOk('mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p) { id } }', { id: subtree, p: other });
    const first = await readFeedPage(orm, after, 2);
    const whole = await changesAfter(orm, after, 1000);
    const paged = await changesAfter(orm, after, 3);
    expect(paged.map((c) => c.seq)).toEqual(whole.map((c) => c.seq));
    expect(new Set(paged.map((c) => c.seq)).size).toBe(paged.length);
    expect(first.hasMore).toBe(true);
    // The move's 25 rows come in one page, even when pages of 3 are asked for.
    const movedIds = new Set(
      (
        await orm.em
          .getConnection()
          .execute<{ id: string }[]>("select id from organization where path like (select path from organization where id = ?) || '%'", [subtree])
      ).map((r) => r.id),
    );
    expect(movedIds.size).toBe(25);
    const pages: FeedChange[][] = [];
    for (let page = await readFeedPage(orm, after, 3); ; page = await readFeedPage(orm, page.lastSeq, 3)) {
      pages.push(page.changes);
      if (!page.hasMore) break;
    }
    const withMove = pages.filter((p) => p.some((c) => movedIds.has(c.organizationId) && c.state!.path.includes(other)));
    expect(withMove).toHaveLength(1);
    expect(new Set(withMove[0]!.filter((c) => movedIds.has(c.organizationId)).map((c) => c.organizationId))).toEqual(movedIds);
  });
});
