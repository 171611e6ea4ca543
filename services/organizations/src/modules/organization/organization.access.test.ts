import { AUDIT_EVENTS_PATH, CALLER_HEADER, Role, signCallerProof, TokenScope, type Caller } from '@lantoa/kit';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../testing/harness.js';
import { insertTree } from '../../testing/tree.js';

let t: TestService;
let sql: pg.Client;
let districtA: string;
let districtB: string;
let province: string;

const user = (roles: Role[], organizationId: string | null, name = 'someone@test'): Caller => ({
  kind: 'user',
  id: randomUUID(),
  name,
  organizationId,
  roles,
  scopes: [],
});

beforeAll(async () => {
  t = await startTestService('access');
  sql = new pg.Client({ connectionString: t.db.url });
  await sql.connect();
  await sql.query('set search_path to organizations');
  const tree = await insertTree(t.db.url, 'Phạm vi', [2, 1]);
  [province, districtA, districtB] = tree.ids as [string, string, string];
});

afterAll(async () => {
  await sql?.end();
  await t?.stop();
});

async function createPerson(): Promise<string> {
  const data = await t.gqlOk(`mutation { createPerson(input: { familyName: "Nông", middleName: "Văn", givenName: "Dền", phone: "0209 3870 000" }) { id } }`);
  return data.createPerson.id;
}

describe('gateway proof', () => {
  it('refuses a request without proof, or with a proof signed by another secret, with HTTP 401', async () => {
    const none = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
    });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const forged = await signCallerProof(user([Role.ADMIN], null), 'r', 'not-the-gateway-secret-but-long-enough-to-sign');
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: forged },
      body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses anonymous callers everything but public operations', async () => {
    const res = await t.gql('{ organizations { totalCount } }', {}, { kind: 'anonymous', id: null, name: null, organizationId: null, roles: [], scopes: [] });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles', () => {
  it('lets viewers read but not write', async () => {
    const viewer = user([Role.VIEWER], province);
    expect((await t.gqlOk('{ organizations { totalCount } }', {}, viewer)).organizations.totalCount).toBeGreaterThan(0);
    const res = await t.gql('mutation { createOrganization(input: { name: "Không được", type: OTHER, level: PROVINCE }) { id } }', {}, viewer);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a read-only API token read, and a write-scoped one edit people but never administer', async () => {
    const reader: Caller = { kind: 'token', id: randomUUID(), name: 'báo cáo', organizationId: province, roles: [Role.INTEGRATOR], scopes: [TokenScope.READ] };
    const writer: Caller = { ...reader, scopes: [TokenScope.WRITE] };
    expect((await t.gql('{ people { totalCount } }', {}, reader)).errors).toBeUndefined();
    expect((await t.gql('mutation { createPerson(input: { familyName: "A", givenName: "B" }) { id } }', {}, reader)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql('mutation { createPerson(input: { familyName: "A", givenName: "B" }) { id } }', {}, writer)).errors).toBeUndefined();
    expect(
      (await t.gql('mutation { createOrganization(input: { name: "X", type: OTHER, level: PROVINCE }) { id } }', {}, writer)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('organization scope', () => {
  it('lets a district editor record positions in the district, and refuses another district, changing nothing', async () => {
    const editorA = user([Role.EDITOR], districtA);
    const person = await createPerson();
    const q = `mutation($input: CreatePositionInput!) { createPosition(input: $input) { id title } }`;
    const own = await t.gqlOk(q, { input: { personId: person, organizationId: districtA, title: 'Bí thư' } }, editorA);
    expect(own.createPosition.title).toBe('Bí thư');

    const before = (await sql.query('select count(*) from position')).rows[0].count;
    const other = await t.gql(q, { input: { personId: person, organizationId: districtB, title: 'Bí thư' } }, editorA);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sql.query('select count(*) from position')).rows[0].count).toBe(before);

    // A position of district B, made by an admin, cannot be edited or deleted by A's editor.
    const theirs = await t.gqlOk(q, { input: { personId: person, organizationId: districtB, title: 'Phó Bí thư' } });
    const edit = await t.gql(
      `mutation($id: ID!) { updatePosition(id: $id, input: { title: "Đổi trộm" }) { title } }`,
      { id: theirs.createPosition.id },
      editorA,
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const del = await t.gql(`mutation($id: ID!) { deletePosition(id: $id) { id } }`, { id: theirs.createPosition.id }, editorA);
    expect(del.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const row = (await sql.query('select title, deleted_at, version from position where id = $1', [theirs.createPosition.id])).rows[0];
    expect(row).toEqual({ title: 'Phó Bí thư', deleted_at: null, version: 1 });

    // A province editor covers both districts.
    const editorProvince = user([Role.EDITOR], province);
    expect((await t.gql(q, { input: { personId: person, organizationId: districtB, title: 'Ủy viên' } }, editorProvince)).errors).toBeUndefined();
  });
});

describe('personal data', () => {
  it('shows contact details to editors, reviewers and admins only', async () => {
    const person = await createPerson();
    const read = (caller: Caller) => t.gqlOk(`query($id: ID!) { person(id: $id) { fullName phone } }`, { id: person }, caller);
    expect((await read(user([Role.EDITOR], districtA))).person.phone).toBe('0209 3870 000');
    expect((await read(user([Role.REVIEWER], districtA))).person.phone).toBe('0209 3870 000');
    expect((await read(user([Role.VIEWER], province))).person).toEqual({ fullName: 'Nông Văn Dền', phone: null });
    const token: Caller = { kind: 'token', id: randomUUID(), name: 'tích hợp', organizationId: null, roles: [Role.INTEGRATOR], scopes: [TokenScope.WRITE] };
    expect((await read(token)).person.phone).toBeNull();
  });
});

describe('audit log', () => {
  it('records who changed what, before and after, with the request id, in the same transaction', async () => {
    const admin = user([Role.ADMIN], null, 'quantri@lantoa.vn');
    const created = await t.gqlOk(`mutation { createOrganization(input: { name: "Báo Nhật ký", type: PRESS, level: PROVINCE }) { id } }`, {}, admin);
    const id = created.createOrganization.id;
    const requestId = randomUUID();
    const headers = { [CALLER_HEADER]: await signCallerProof(admin, requestId, t.gatewaySecret), 'content-type': 'application/json' };
    await fetch(t.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: `mutation { updateOrganization(id: "${id}", input: { name: "Báo Nhật ký mới", shortName: "BNK" }) { id } }` }),
    });

    const events = (await sql.query('select * from audit_event where entity_id = $1 order by occurred_at, id', [id])).rows;
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(events[1]).toMatchObject({
      actor_kind: 'user',
      actor_id: admin.id,
      actor_name: 'quantri@lantoa.vn',
      request_id: requestId,
      entity_type: 'Organization',
      organization_id: id,
    });
    expect(events[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: 'Báo Nhật ký', after: 'Báo Nhật ký mới' },
        { field: 'shortName', before: null, after: 'BNK' },
      ]),
    );
    expect(JSON.stringify(events[1].changes)).not.toMatch(/searchText|version|path/);

    // A refused write leaves no event.
    await t.gql(`mutation { updateOrganization(id: "${id}", input: { name: "" }) { id } }`, {}, admin);
    expect((await sql.query('select count(*) from audit_event where entity_id = $1', [id])).rows[0].count).toBe('2');

    const history = await t.gqlOk(
      `query($id: ID!) { organization(id: $id) { history(first: 1) { totalCount nodes { action requestId changes { field before after } } } } }`,
      { id },
      admin,
    );
    expect(history.organization.history.totalCount).toBe(2);
    expect(history.organization.history.nodes[0]).toMatchObject({ action: 'UPDATE', requestId });
  });

  it('is append-only', async () => {
    await expect(sql.query(`update audit_event set action = 'FORGED'`)).rejects.toThrow(/append-only/);
    await expect(sql.query('delete from audit_event')).rejects.toThrow(/append-only/);
  });

  it('shows reviewers the history of their subtree only', async () => {
    const q = `query($id: ID!) { organization(id: $id) { history { totalCount } } }`;
    await t.gqlOk(`mutation($id: ID!) { updateOrganization(id: $id, input: { shortName: "HU A" }) { id } }`, { id: districtA });
    const reviewerA = user([Role.REVIEWER], districtA);
    expect((await t.gqlOk(q, { id: districtA }, reviewerA)).organization.history.totalCount).toBe(1);
    expect((await t.gql(q, { id: districtB }, reviewerA)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(q, { id: districtA }, user([Role.EDITOR], districtA))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const internal = async (caller: Caller) => {
      const res = await fetch(t.url.replace('/graphql', AUDIT_EVENTS_PATH), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await t.headersFor(caller)) },
        body: JSON.stringify({ filter: { entityType: 'Organization' }, first: 200 }),
      });
      return (await res.json()) as { nodes: { entityId: string }[]; totalCount: number };
    };
    const mine = await internal(reviewerA);
    expect(mine.nodes.map((e: { entityId: string }) => e.entityId)).toEqual([districtA]);
    expect((await internal(user([Role.VIEWER], province))).totalCount).toBe(0);
    expect((await internal(user([Role.ADMIN], null))).totalCount).toBeGreaterThan(1);
  });
});

describe('entity lookups', () => {
  it('answer signed-in callers only, with the same field rules', async () => {
    const person = await createPerson();
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName phone } } }`;
    const r = [{ __typename: 'Person', id: person }];
    const anonymous = await t.gql(q, { r }, { kind: 'anonymous', id: null, name: null, organizationId: null, roles: [], scopes: [] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gqlOk(q, { r }, user([Role.VIEWER], province)))._entities).toEqual([{ fullName: 'Nông Văn Dền', phone: null }]);
    expect((await t.gqlOk(q, { r }, user([Role.EDITOR], province)))._entities).toEqual([{ fullName: 'Nông Văn Dền', phone: '0209 3870 000' }]);
  });
});
