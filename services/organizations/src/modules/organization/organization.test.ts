import { countSql, seedSubgraph } from '@lantoa/kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../subgraph.js';
import { startTestService, type TestService } from '../../testing/harness.js';
import { insertTree } from '../../testing/tree.js';

let t: TestService;
let sql: pg.Client;

beforeAll(async () => {
  t = await startTestService('orgs');
  await seedSubgraph(subgraph, t.db.url);
  sql = new pg.Client({ connectionString: t.db.url });
  await sql.connect();
  await sql.query('set search_path to organizations');
});

afterAll(async () => {
  await sql?.end();
  await t?.stop();
});

const ORG_FIELDS = 'id name shortName docAbbr type level parentId validFrom validTo version deletedAt';
const rowCount = async () => Number((await sql.query('select count(*) from organization')).rows[0].count);

async function createOrg(input: Record<string, unknown>) {
  const data = await t.gqlOk(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORG_FIELDS} } }`, { input });
  return data.createOrganization;
}

describe('search', () => {
  it('finds the same organizations for "bac kan", "BẮC KẠN" and "Bắc Kạn"', async () => {
    const names = async (q: string) => {
      const data = await t.gqlOk(`query($q: String) { organizations(filter: { q: $q }, first: 200) { totalCount nodes { name } } }`, { q });
      return data.organizations;
    };
    const plain = await names('bac kan');
    expect(plain.totalCount).toBeGreaterThan(10);
    expect(plain.nodes.map((n: { name: string }) => n.name)).toContain('Tỉnh ủy Bắc Kạn');
    expect(await names('BẮC KẠN')).toEqual(plain);
    expect(await names('Bắc Kạn')).toEqual(plain);
    // NFD input (macOS, Word) finds the same.
    expect(await names('Bắc Kạn'.normalize('NFD'))).toEqual(plain);
  });

  it('matches every word, in any order, and the issuer code', async () => {
    const data = await t.gqlOk(
      `{ a: organizations(filter: { q: "tuyen giao kan" }) { nodes { name } } b: organizations(filter: { q: "BTGDVTW" }) { nodes { name } } }`,
    );
    expect(data.a.nodes.map((n: { name: string }) => n.name)).toEqual(['Ban Tuyên giáo Tỉnh ủy Bắc Kạn', 'Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Kạn']);
    expect(data.b.nodes).toEqual([{ name: 'Ban Tuyên giáo và Dân vận Trung ương' }]);
  });

  it('sorts names in Vietnamese order (Đ after D, Ủ after U)', async () => {
    const data = await t.gqlOk(`{ organizations(filter: { level: DISTRICT }, first: 50) { nodes { name } } }`);
    const names = data.organizations.nodes.map((n: { name: string }) => n.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(names[0]).toBe('Huyện ủy Ba Bể');
    expect(names.at(-1)).toBe('Thành ủy Bắc Kạn');
  });
});

describe('demo data', () => {
  it('records the 2025 merger as history, not as a rename', async () => {
    const data = await t.gqlOk(
      `{ organizations(filter: { q: "tinh uy thai nguyen", type: PARTY_COMMITTEE, activeOn: "2025-07-01" }) { nodes { name validFrom predecessors { kind effectiveOn from { name validTo } } } } }`,
    );
    expect(data.organizations.nodes).toHaveLength(1);
    const merged = data.organizations.nodes[0];
    expect(merged).toMatchObject({ name: 'Tỉnh ủy Thái Nguyên', validFrom: '2025-07-01' });
    expect(merged.predecessors.map((p: { from: { name: string } }) => p.from.name).sort()).toEqual(['Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Thái Nguyên (trước hợp nhất)']);
    expect(merged.predecessors[0]).toMatchObject({ kind: 'MERGE', effectiveOn: '2025-07-01', from: { validTo: '2025-06-30' } });
  });

  it('gives Phương Thị Thanh two positions at once', async () => {
    const data = await t.gqlOk(`{ people(filter: { q: "phuong thi thanh" }) { nodes { fullName positions { title organization { name } } } } }`);
    expect(data.people.nodes).toEqual([
      {
        fullName: 'Phương Thị Thanh',
        positions: expect.arrayContaining([
          { title: 'Phó Bí thư Thường trực Tỉnh ủy', organization: { name: 'Tỉnh ủy Bắc Kạn' } },
          { title: 'Chủ tịch Hội đồng nhân dân tỉnh', organization: { name: 'Hội đồng nhân dân tỉnh Bắc Kạn' } },
        ]),
      },
    ]);
  });

  it('loads once: seeding again inserts nothing', async () => {
    expect(await seedSubgraph(subgraph, t.db.url)).toBe(0);
  });
});

describe('keyset pagination', () => {
  let tree: Awaited<ReturnType<typeof insertTree>>;
  beforeAll(async () => {
    tree = await insertTree(t.db.url, 'Phân trang', [10, 10, 12]); // 1 + 10 + 100 + 1,200 organizations
  });

  it('visits every row of a 1,300-organization subtree exactly once, in order', async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: { organizations: { totalCount: number; nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        await t.gqlOk(
          `query($p: ID, $after: String) { organizations(filter: { parentId: $p, includeDescendants: true }, first: 97, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`,
          { p: tree.rootId, after },
        );
      pages++;
      expect(data.organizations.totalCount).toBe(tree.ids.length - 1);
      seen.push(...data.organizations.nodes.map((n) => n.id));
      names.push(...data.organizations.nodes.map((n) => n.name));
      if (!data.organizations.pageInfo.hasNextPage) break;
      after = data.organizations.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil((tree.ids.length - 1) / 97));
    expect(seen).toHaveLength(tree.ids.length - 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(tree.ids.slice(1)));
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });

  it('pages descending by creation time without skipping ties', async () => {
    // Every generated row shares one created_at: only the id breaks the ties.
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const data: { organizations: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await t.gqlOk(
        `query($p: ID, $after: String) { organizations(filter: { parentId: $p, includeDescendants: true }, orderBy: [{ field: CREATED_AT, direction: DESC }], first: 200, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { p: tree.rootId, after },
      );
      ids.push(...data.organizations.nodes.map((n) => n.id));
      after = data.organizations.pageInfo.hasNextPage ? data.organizations.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(ids).size).toBe(tree.ids.length - 1);
  });

  it('offset pages agree with keyset pages', async () => {
    const q = `query($p: ID, $after: String, $offset: Int) { organizations(filter: { parentId: $p, includeDescendants: true }, first: 50, after: $after, offset: $offset) { nodes { id } pageInfo { endCursor } } }`;
    const first = await t.gqlOk(q, { p: tree.rootId });
    const byCursor = await t.gqlOk(q, { p: tree.rootId, after: first.organizations.pageInfo.endCursor });
    const byOffset = await t.gqlOk(q, { p: tree.rootId, offset: 50 });
    expect(byOffset.organizations.nodes).toEqual(byCursor.organizations.nodes);
  });

  it('refuses page sizes over 200, negative offsets, after with offset, and foreign cursors', async () => {
    const res = await t.gql(`{ organizations(first: 201, offset: -1, after: "bm90IGEgY3Vyc29y") { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path).sort()).toEqual(['after', 'first', 'offset', 'offset']);
  });

  it('costs a constant number of SQL statements per page, whatever the nested fields', async () => {
    const q = `query($p: ID) { organizations(filter: { parentId: $p }, first: 10) { totalCount nodes { name parent { name } ancestors { name } descendantCount children(first: 3) { totalCount nodes { name } } successors { kind } } } }`;
    const { statements, result } = await countSql(() => t.gqlOk(q, { p: tree.rootId }));
    expect(result.organizations.nodes).toHaveLength(10);
    expect(result.organizations.nodes[0].children.totalCount).toBe(10);
    expect(result.organizations.nodes[0].descendantCount).toBe(130);
    // list, count, parent+ancestors (one batch), descendant counts, children, child counts, successions
    expect(statements).toBeLessThanOrEqual(7);
  });
});

describe('federation', () => {
  it('resolves 100 Organization representations with one SQL statement', async () => {
    const tree = await insertTree(t.db.url, 'Liên kết', [99]);
    const representations = tree.ids.map((id) => ({ __typename: 'Organization', id }));
    const { statements, result } = await countSql(() =>
      t.gqlOk(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } } }`, { r: representations }),
    );
    expect(result._entities).toHaveLength(100);
    expect(result._entities.map((e: { id: string }) => e.id)).toEqual(tree.ids);
    expect(statements).toBe(1);
  });
});

describe('writes', () => {
  it('stores NFC and trims: text sent in NFD comes back NFC', async () => {
    const o = await createOrg({ name: '  Đảng ủy xã   Bằng Vân '.normalize('NFD'), type: 'PARTY_COMMITTEE', level: 'COMMUNE' });
    expect(o.name).toBe('Đảng ủy xã Bằng Vân');
    expect(o.name).toBe(o.name.normalize('NFC'));
    const stored = await sql.query('select name from organization where id = $1', [o.id]);
    expect(stored.rows[0].name).toBe('Đảng ủy xã Bằng Vân'.normalize('NFC'));
  });

  it.each([
    ['an empty name', { name: '   ' }, 'input.name', 'BAD_USER_INPUT'],
    ['an over-long name', { name: 'x'.repeat(301) }, 'input.name', 'BAD_USER_INPUT'],
    ['an invalid parent id', { parentId: 'not-a-uuid' }, 'input.parentId', 'BAD_USER_INPUT'],
    ['an unknown parent', { parentId: '00000000-0000-4000-8000-000000000000' }, 'input.parentId', 'NOT_FOUND'],
    ['a range ending before it starts', { validFrom: '2025-07-01', validTo: '2025-06-30' }, 'input.validTo', 'BAD_USER_INPUT'],
    ['TCVN3 text', { name: 'Uû ban nh©n d©n tØnh' }, 'input.name', 'BAD_USER_INPUT'],
    ['VNI text', { name: 'UÛy ban nhaân daân tænh' }, 'input.name', 'BAD_USER_INPUT'],
    ['a bad issuer code', { docAbbr: 'tu/x' }, 'input.docAbbr', 'BAD_USER_INPUT'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, change, path, code) => {
    const before = await rowCount();
    const res = await t.gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: 'Đảng ủy thử nghiệm', type: 'PARTY_COMMITTEE', level: 'COMMUNE', ...change },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect((res.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path)).toContain(path);
    expect(res.errors?.[0]?.message).not.toMatch(/at .*\.ts:\d+/);
    expect(await rowCount()).toBe(before);
  });

  it('refuses a child placed above its parent’s level', async () => {
    const parent = await createOrg({ name: 'Đảng ủy xã Thượng Giáo', type: 'PARTY_COMMITTEE', level: 'COMMUNE' });
    const res = await t.gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: 'Tỉnh ủy sai cấp', type: 'PARTY_COMMITTEE', level: 'PROVINCE', parentId: parent.id },
    });
    expect(res.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: 'input.level' })]);
  });

  it('refuses a stale expectedVersion with CONFLICT and keeps the newer change', async () => {
    const o = await createOrg({ name: 'Báo điện tử thử', type: 'PRESS', level: 'PROVINCE' });
    const update = (name: string, expectedVersion: number) =>
      t.gql(`mutation($id: ID!, $v: Int, $name: String) { updateOrganization(id: $id, input: { name: $name }, expectedVersion: $v) { name version } }`, {
        id: o.id,
        v: expectedVersion,
        name,
      });
    const first = await update('Báo điện tử thử (mới)', 1);
    expect((first.data as Record<string, unknown>)?.updateOrganization).toEqual({ name: 'Báo điện tử thử (mới)', version: 2 });
    const stale = await update('Bản cũ ghi đè', 1);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const now = await t.gqlOk(`query($id: ID!) { organization(id: $id) { name version } }`, { id: o.id });
    expect(now.organization).toEqual({ name: 'Báo điện tử thử (mới)', version: 2 });
  });

  it('soft-deletes: the record disappears from every read and comes back on restore', async () => {
    const parent = await createOrg({ name: 'Huyện ủy Xóa Thử', type: 'PARTY_COMMITTEE', level: 'DISTRICT' });
    const o = await createOrg({ name: 'Đảng ủy xã Xóa Thử', type: 'PARTY_COMMITTEE', level: 'COMMUNE', parentId: parent.id });
    const read = () =>
      t.gqlOk(
        `query($id: ID!, $p: ID!) { organization(id: $id) { id } organizations(filter: { q: "xoa thu", ids: [$id] }) { totalCount nodes { id } } parent: organization(id: $p) { descendantCount children { totalCount } } }`,
        {
          id: o.id,
          p: parent.id,
        },
      );
    expect((await read()).organizations.totalCount).toBe(1);

    const refused = await t.gql(`mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: parent.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const deleted = await t.gqlOk(`mutation($id: ID!) { deleteOrganization(id: $id) { id deletedAt } }`, { id: o.id });
    expect(deleted.deleteOrganization.deletedAt).toBeTruthy();
    expect(await read()).toEqual({
      organization: null,
      organizations: { totalCount: 0, nodes: [] },
      parent: { descendantCount: 0, children: { totalCount: 0 } },
    });
    expect((await sql.query('select count(*) from organization where id = $1', [o.id])).rows[0].count).toBe('1');

    const restored = await t.gqlOk(`mutation($id: ID!) { restoreOrganization(id: $id) { id deletedAt } }`, { id: o.id });
    expect(restored.restoreOrganization.deletedAt).toBeNull();
    expect(await read()).toEqual({
      organization: { id: o.id },
      organizations: { totalCount: 1, nodes: [{ id: o.id }] },
      parent: { descendantCount: 1, children: { totalCount: 1 } },
    });
  });
});

describe('moving', () => {
  it('moves a subtree under another parent and refuses a cycle without changing anything', async () => {
    const tree = await insertTree(t.db.url, 'Di chuyển', [2, 2]);
    const [root, a, a1] = [tree.ids[0]!, tree.ids[1]!, tree.ids[3]!];
    const b = tree.ids[2]!;
    const pathsBefore = (await sql.query('select id, path from organization where path like $1 order by id', [`%${root}%`])).rows;

    const cycle = await t.gql(`mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p) { id } }`, { id: a, p: a1 });
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.parentId' })] });
    const self = await t.gql(`mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p) { id } }`, { id: a, p: a });
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sql.query('select id, path from organization where path like $1 order by id', [`%${root}%`])).rows).toEqual(pathsBefore);

    const moved = await t.gqlOk(
      `mutation($id: ID!, $p: ID) { moveOrganization(id: $id, parentId: $p) { parent { id } ancestors { id } descendantCount version } }`,
      { id: a, p: b },
    );
    expect(moved.moveOrganization).toMatchObject({ parent: { id: b }, ancestors: [{ id: root }, { id: b }], descendantCount: 2 });
    const child = await t.gqlOk(`query($id: ID!) { organization(id: $id) { ancestors { id } } }`, { id: a1 });
    expect(child.organization.ancestors.map((x: { id: string }) => x.id)).toEqual([root, b, a]);
  });
});

describe('successions', () => {
  it('records a merger, ends the predecessors and begins the successor', async () => {
    const x = await createOrg({ name: 'Đảng ủy xã Hợp Nhất A', type: 'PARTY_COMMITTEE', level: 'COMMUNE', validFrom: '2000-01-01' });
    const y = await createOrg({ name: 'Đảng ủy xã Hợp Nhất B', type: 'PARTY_COMMITTEE', level: 'COMMUNE' });
    const z = await createOrg({ name: 'Đảng ủy xã Hợp Nhất', type: 'PARTY_COMMITTEE', level: 'COMMUNE' });
    const q = `mutation($input: RecordSuccessionInput!) { recordSuccession(input: $input) { kind effectiveOn from { name validTo } to { name validFrom } } }`;
    const input = { fromIds: [x.id, y.id], toId: z.id, kind: 'MERGE', effectiveOn: '2025-07-01', basis: 'Nghị quyết thử nghiệm' };
    const data = await t.gqlOk(q, { input });
    expect(data.recordSuccession).toHaveLength(2);
    expect(data.recordSuccession[0]).toMatchObject({ kind: 'MERGE', from: { validTo: '2025-06-30' }, to: { validFrom: '2025-07-01' } });
    const again = await t.gql(q, { input });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const dissolveWithSuccessor = await t.gql(q, { input: { ...input, kind: 'DISSOLVE' } });
    expect(dissolveWithSuccessor.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: 'input.toId' })]);
    const tooEarly = await t.gql(q, { input: { fromIds: [x.id], kind: 'DISSOLVE', effectiveOn: '1999-01-01' } });
    expect(tooEarly.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: 'input.fromIds.0' })]);
  });
});
