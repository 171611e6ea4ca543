import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../tests/support/stack';
import { insertTree } from '../../services/organizations/src/testing/tree';
import type { LanToaDataProvider } from '../src/dataProvider';
import { consoleAs } from './support';

// The data provider against the real gateway, subgraphs and PostgreSQL: no mocked GraphQL.
let stack: Stack;
let admin: Awaited<ReturnType<typeof consoleAs>>;
let dp: LanToaDataProvider;
let treeRoot: string;

const sort = { field: 'name', order: 'ASC' as const };
const byName = async (q: string) => (await dp.getList('organizations', { filter: { q }, pagination: { page: 1, perPage: 5 }, sort })).data[0]!;

beforeAll(async () => {
  stack = await startStack('admin_dp');
  // 1 + 3 + 3×80 = 244 organizations: more than one page of 200.
  treeRoot = (await insertTree(stack.db.url, 'Thử', [3, 80])).rootId;
  admin = await consoleAs(stack.gateway.url, 'admin@lantoa.vn');
  dp = admin.dp;
});
afterAll(() => stack?.stop());

describe('reading', () => {
  it('getList: q ignores diacritics, total comes from totalCount, offset pages and orderBy apply', async () => {
    const { data, total } = await dp.getList('organizations', { filter: { q: 'ba be' }, pagination: { page: 1, perPage: 10 }, sort });
    expect(data.map((o) => o.name)).toContain('Huyện ủy Ba Bể');
    expect(total).toBe(data.length);

    const filter = { parentId: treeRoot, includeDescendants: true };
    const p1 = await dp.getList('organizations', { filter, pagination: { page: 1, perPage: 50 }, sort });
    const p2 = await dp.getList('organizations', { filter, pagination: { page: 2, perPage: 50 }, sort });
    expect(p1.total).toBe(243);
    expect(p2.data).toHaveLength(50);
    expect(new Set([...p1.data, ...p2.data].map((o) => o.id)).size).toBe(100);
    const desc = await dp.getList('organizations', { filter, pagination: { page: 1, perPage: 3 }, sort: { field: 'name', order: 'DESC' } });
    const names = desc.data.map((o) => o.name as string);
    expect([...names].sort((a, b) => b.localeCompare(a, 'vi'))).toEqual(names);
  });

  it('getList drops filters the API does not know and keeps typed ones', async () => {
    const { data } = await dp.getList('organizations', { filter: { level: 'DISTRICT', nonsense: true, q: '' }, pagination: { page: 1, perPage: 50 }, sort });
    expect(data.length).toBeGreaterThanOrEqual(8);
    expect(data.every((o) => o.level === 'DISTRICT')).toBe(true);
  });

  it('getOne: ancestors, successions both ways; NOT_FOUND as 404', async () => {
    const babe = await byName('ba be');
    const { data } = await dp.getOne('organizations', { id: babe.id });
    expect(data.ancestors.map((a: { name: string }) => a.name)).toContain('Tỉnh ủy Bắc Kạn');
    expect(data.successors.map((s: { kind: string }) => s.kind)).toEqual(['DISSOLVE']);
    const merged = await byName('tinh uy thai nguyen');
    const { data: tn } = await dp.getOne('organizations', { id: merged.id });
    expect(tn.predecessors.length + tn.successors.length).toBeGreaterThan(0);
    await expect(dp.getOne('organizations', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      status: 404,
      message: 'lantoa.error.NOT_FOUND',
    });
  });

  it('getMany: ids in chunks of at most 200', async () => {
    const all = await dp.getAll('organizations', { filter: { parentId: treeRoot, includeDescendants: true }, sort });
    const ids = all.map((o) => o.id);
    admin.calls.length = 0;
    const { data } = await dp.getMany('organizations', { ids });
    expect(new Set(data.map((o) => o.id))).toEqual(new Set(ids));
    expect(admin.calls.filter((c) => c === 'List')).toHaveLength(2);
  });

  it('getAll pages with cursors through the whole filtered list', async () => {
    admin.calls.length = 0;
    const rows = await dp.getAll('organizations', { filter: { parentId: treeRoot, includeDescendants: true }, sort });
    expect(rows).toHaveLength(243);
    expect(new Set(rows.map((r) => r.id)).size).toBe(243);
    expect(admin.calls.filter((c) => c === 'List')).toHaveLength(2);
  });

  it('getManyReference: children by parentId, positions through their person', async () => {
    const babe = await byName('ba be');
    const { data: children } = await dp.getManyReference('organizations', {
      target: 'parentId',
      id: babe.id,
      pagination: { page: 1, perPage: 25 },
      sort,
      filter: {},
    });
    expect(children.map((c) => c.name)).toContain('Đảng ủy xã Nam Mẫu');
    const loc = (await dp.getList('people', { filter: { q: 'tran thi loc' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'fullName', order: 'ASC' } }))
      .data[0]!;
    const { data: positions, total } = await dp.getManyReference('positions', {
      target: 'personId',
      id: loc.id,
      pagination: { page: 1, perPage: 25 },
      sort,
      filter: {},
    });
    expect(total).toBe(2);
    expect(positions.map((p) => p.title)).toContain('Trưởng Ban Tuyên giáo Tỉnh ủy');
  });
});

describe('writing', () => {
  it('update sends only changed editable fields with expectedVersion; a stale version is a 409 CONFLICT', async () => {
    const org = await byName('ba be');
    const { data: before } = await dp.getOne('organizations', { id: org.id });
    admin.calls.length = 0;
    const { data: after } = await dp.update('organizations', {
      id: org.id,
      data: { ...before, shortName: 'HU Ba Bể', __typename: 'Organization', depth: 99 },
      previousData: before,
    });
    expect(after.shortName).toBe('HU Ba Bể');
    expect(after.version).toBe(before.version + 1);
    await expect(dp.update('organizations', { id: org.id, data: { ...before, shortName: 'Cũ' }, previousData: before })).rejects.toMatchObject({
      status: 409,
      message: 'lantoa.error.CONFLICT',
      body: { code: 'CONFLICT' },
    });
    const { data: history, total } = await dp.getManyReference('history/organizations', {
      target: 'id',
      id: org.id,
      pagination: { page: 1, perPage: 5 },
      sort,
      filter: {},
    });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(history[0]!.changes).toEqual([{ field: 'shortName', before: before.shortName ?? null, after: 'HU Ba Bể' }]);
  });

  it('BAD_USER_INPUT becomes a 400 with a translated message on each field', async () => {
    const org = await byName('ba be');
    const { data } = await dp.getOne('organizations', { id: org.id });
    await expect(dp.update('organizations', { id: org.id, data: { ...data, name: '   ' }, previousData: data })).rejects.toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', errors: { name: 'lantoa.field_error.empty' } },
    });
  });

  it('delete is soft and restore undoes it; deleteMany and updateMany are one aliased document per chunk', async () => {
    const made = await Promise.all(
      ['Một', 'Hai', 'Ba'].map((g) => dp.create('people', { data: { familyName: 'Thử', givenName: g, middleName: '', phone: '' } })),
    );
    const ids = made.map((m) => m.data.id);
    admin.calls.length = 0;
    await dp.updateMany('people', { ids, data: { address: 'Bắc Kạn' } });
    expect(admin.calls).toEqual(['UpdateMany']);
    const { data: updated } = await dp.getMany('people', { ids });
    expect(updated.map((p) => p.address)).toEqual(['Bắc Kạn', 'Bắc Kạn', 'Bắc Kạn']);

    await dp.delete('people', { id: ids[0]!, previousData: made[0]!.data });
    await expect(dp.getOne('people', { id: ids[0]! })).rejects.toMatchObject({ status: 404 });
    await dp.restore('people', { id: ids[0]! });
    expect((await dp.getOne('people', { id: ids[0]! })).data.fullName).toBe('Thử Một');

    admin.calls.length = 0;
    await dp.deleteMany('people', { ids });
    expect(admin.calls).toEqual(['DeleteMany']);
    expect((await dp.getMany('people', { ids })).data).toEqual([]);
  });

  it('move refuses the own subtree; recordSuccession records both ways', async () => {
    const babe = await byName('ba be');
    const nam = await byName('nam mau');
    await expect(dp.move({ id: babe.id, parentId: nam.id })).rejects.toMatchObject({ status: 400, body: { errors: { parentId: 'lantoa.field_error.cycle' } } });
    const a = await dp.create('organizations', { data: { name: 'Ban Thử A', type: 'OTHER', level: 'COMMUNE', parentId: treeRoot, shortName: '' } });
    const b = await dp.create('organizations', { data: { name: 'Ban Thử B', type: 'OTHER', level: 'COMMUNE', parentId: treeRoot } });
    const { data: moved } = await dp.move({ id: a.data.id, parentId: babe.id, expectedVersion: a.data.version });
    expect(moved.parentId).toBe(babe.id);
    await dp.recordSuccession({ fromIds: [a.data.id], toId: b.data.id, kind: 'RENAME', effectiveOn: '2025-07-01' });
    const { data: to } = await dp.getOne('organizations', { id: b.data.id });
    expect(to.predecessors.map((s: { from: { name: string } }) => s.from.name)).toEqual(['Ban Thử A']);
  });

  it('an editor out of scope is refused with 403 FORBIDDEN and nothing changes', async () => {
    const editor = await consoleAs(stack.gateway.url, 'bientap.babe@lantoa.vn');
    const loc = (await editor.dp.getList('people', { filter: { q: 'tran thi loc' }, pagination: { page: 1, perPage: 1 }, sort })).data[0]!;
    const { data: positions } = await editor.dp.getManyReference('positions', {
      target: 'personId',
      id: loc.id,
      pagination: { page: 1, perPage: 5 },
      sort,
      filter: {},
    });
    const pos = positions[0]!;
    await expect(editor.dp.update('positions', { id: pos.id, data: { ...pos, title: 'Đổi' }, previousData: pos })).rejects.toMatchObject({
      status: 403,
      message: 'lantoa.error.FORBIDDEN',
    });
    const { data: again } = await dp.getManyReference('positions', { target: 'personId', id: loc.id, pagination: { page: 1, perPage: 5 }, sort, filter: {} });
    expect(again.find((p) => p.id === pos.id)!.title).toBe(pos.title);
  });
});

describe('session', () => {
  it('one refresh for concurrent 401s; the old refresh token is used up', async () => {
    const s = await consoleAs(stack.gateway.url, 'xem@lantoa.vn');
    // An access token the gateway refuses, as after expiry.
    (s.session as unknown as { data: { accessToken: string } }).data.accessToken = 'expired';
    s.calls.length = 0;
    const pages = await Promise.all([1, 2, 3].map((page) => s.dp.getList('organizations', { filter: {}, pagination: { page, perPage: 2 }, sort })));
    expect(pages.every((p) => p.data.length === 2)).toBe(true);
    expect(s.calls.filter((c) => c === 'Refresh')).toHaveLength(1);
    expect(s.session.accessToken).not.toBe('expired');
  });

  it('signed out everywhere: the other session ends at its next refresh', async () => {
    let ended = 0;
    const a = await consoleAs(stack.gateway.url, 'kiemduyet@lantoa.vn', { onEnded: () => void ended++ });
    const b = await consoleAs(stack.gateway.url, 'kiemduyet@lantoa.vn');
    await b.session.signOutEverywhere();
    expect(await a.session.refresh()).toBeNull();
    expect(ended).toBe(1);
    expect(a.session.user).toBeNull();
  });

  it('a wrong password is UNAUTHENTICATED, with a sentence to translate', async () => {
    await expect(consoleAs(stack.gateway.url, 'admin@lantoa.vn', {}).then((s) => s.session.signIn('admin@lantoa.vn', 'sai'))).rejects.toMatchObject({
      status: 401,
      message: 'lantoa.error.UNAUTHENTICATED',
    });
  });
});
