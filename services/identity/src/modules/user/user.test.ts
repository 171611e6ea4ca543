import { ANONYMOUS, buildSubgraphSchema, countSql, demoId, Role, seedSubgraph, startSubgraph } from '@lantoa/kit';
import { GraphQLObjectType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../index.js';
import { subgraph } from '../../subgraph.js';
import { demoCaller, demoUserId, startTestService, uniqueEmail, type TestService } from '../../testing/harness.js';

let t: TestService;

beforeAll(async () => {
  t = await startTestService('identity_users');
});

afterAll(async () => {
  await t?.stop();
});

const admin = demoCaller('admin');
const ORG = demoId('organization', 'btg-tu-bac-kan');
const USER_FIELDS = 'id email displayName organizationId organization { id } roles active lastSignInAt createdAt updatedAt version deletedAt';
const count = async (table: string) => Number((await t.sql.query(`select count(*) from ${table}`)).rows[0].count);

const createUser = (input: Record<string, unknown>, caller = admin) =>
  t.gql(caller, `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`, {
    input: { email: uniqueEmail('user'), displayName: 'Nguyễn Thị Hoa', organizationId: ORG, roles: ['EDITOR'], password: 'mật khẩu thật dài', ...input },
  });

describe('demo data', () => {
  it('has one user per role, and seeding again inserts nothing', async () => {
    const roles = (await t.sql.query('select roles from user_account where id = any($1)', [DEMO_USERS.map((u) => demoUserId(u.key))])).rows.flatMap(
      (r) => r.roles,
    );
    expect([...new Set(roles)].sort()).toEqual(Object.values(Role).sort());
    expect(await seedSubgraph(subgraph, t.db.url)).toBe(0);
    const { rows } = await t.sql.query('select password_hash from user_account where id = $1', [demoUserId('xem')]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(DEMO_USERS.every((u) => u.password === DEMO_PASSWORD)).toBe(true);
  });
});

describe('me', () => {
  it('is the signed-in user, null for API tokens, refused to anonymous callers', async () => {
    const me = await t.gql(demoCaller('kiemduyet'), `{ me { ${USER_FIELDS} } }`);
    expect(me.data!.me).toMatchObject({ email: 'kiemduyet@lantoa.vn', roles: ['REVIEWER'], organization: { id: ORG }, active: true, deletedAt: null });
    const token = { kind: 'token' as const, id: randomUUID(), name: 'Cổng', organizationId: ORG, roles: [Role.INTEGRATOR], scopes: [] };
    expect((await t.gql(token, '{ me { id } }')).data).toEqual({ me: null });
    expect((await t.gql(ANONYMOUS, '{ me { id } }')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('admin-only operations', () => {
  const ops: [string, Record<string, unknown>][] = [
    ['query($id: ID!) { user(id: $id) { id } }', { id: demoUserId('xem') }],
    ['{ users { totalCount } }', {}],
    [
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: 'x@lantoa.vn', displayName: 'X', organizationId: ORG, roles: ['ADMIN'], password: 'mật khẩu thật dài' } },
    ],
    ['mutation($id: ID!) { updateUser(id: $id, input: { roles: [ADMIN] }) { id } }', { id: demoUserId('bientap') }],
    ['mutation($id: ID!) { setUserPassword(id: $id, password: "mật khẩu thật dài") { id } }', { id: demoUserId('xem') }],
    ['mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: demoUserId('xem') }],
    ['mutation($id: ID!) { restoreUser(id: $id) { id } }', { id: demoUserId('xem') }],
  ];

  it('are FORBIDDEN to an editor, a reviewer and a token, UNAUTHENTICATED to anonymous, and change nothing', async () => {
    const before = [
      await count('user_account'),
      await count('audit_event'),
      (await t.sql.query("select md5(string_agg(t::text, '' order by id)) from user_account t")).rows[0].md5,
    ];
    const token = { kind: 'token' as const, id: randomUUID(), name: 'Cổng', organizationId: ORG, roles: [Role.INTEGRATOR], scopes: [] };
    for (const [query, variables] of ops) {
      for (const caller of [demoCaller('bientap'), demoCaller('kiemduyet'), token]) {
        const res = await t.gql(caller, query, variables);
        expect(res.errors?.[0]?.extensions?.code, `${caller.name}: ${query}`).toBe('FORBIDDEN');
      }
      expect((await t.gql(ANONYMOUS, query, variables)).errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
    }
    const after = [
      await count('user_account'),
      await count('audit_event'),
      (await t.sql.query("select md5(string_agg(t::text, '' order by id)) from user_account t")).rows[0].md5,
    ];
    expect(after).toEqual(before);
  });
});

describe('createUser', () => {
  it('creates the user and an audit event without the password or its hash', async () => {
    const password = 'một mật khẩu bí mật';
    const res = await createUser({ email: '  Hoa.Nguyen@LanToa.vn ', password, roles: ['REVIEWER', 'EDITOR', 'EDITOR'] });
    expect(res.errors).toBeUndefined();
    const u = res.data!.createUser;
    expect(u).toMatchObject({
      email: 'hoa.nguyen@lantoa.vn',
      displayName: 'Nguyễn Thị Hoa',
      organizationId: ORG,
      roles: ['EDITOR', 'REVIEWER'],
      active: true,
      version: 1,
      lastSignInAt: null,
    });
    const { rows } = await t.sql.query('select password_hash from user_account where id = $1', [u.id]);
    const hash = rows[0].password_hash as string;
    expect(hash).toMatch(/^\$argon2id\$/);
    const audit = await t.sql.query(`select * from audit_event where entity_type = 'User' and entity_id = $1`, [u.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'CREATE', actor_kind: 'user', actor_id: admin.id, actor_name: 'admin@lantoa.vn', organization_id: ORG });
    const changes = Object.fromEntries((audit.rows[0].changes as { field: string; before: unknown; after: unknown }[]).map((c) => [c.field, c]));
    expect(changes.email).toEqual({ field: 'email', before: null, after: 'hoa.nguyen@lantoa.vn' });
    expect(changes.roles!.after).toEqual(['EDITOR', 'REVIEWER']);
    const json = JSON.stringify(audit.rows);
    for (const secret of [password, hash, hash.split('$').at(-1)!]) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/password_?hash|argon2/i);
  });

  it('refuses a duplicate e-mail (any letter case) with CONFLICT', async () => {
    const res = await createUser({ email: 'XEM@lantoa.vn' });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'input.email' }] });
  });

  it('names every bad field, never echoes the password, and writes nothing', async () => {
    const before = [await count('user_account'), await count('audit_event')];
    const res = await createUser({ email: 'not-an-email', displayName: ' ', organizationId: 'nope', roles: [], password: 'short1' });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((res.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path)).toEqual([
      'input.email',
      'input.displayName',
      'input.organizationId',
      'input.roles',
      'input.password',
    ]);
    expect(JSON.stringify(res)).not.toContain('short1');
    const same = await createUser({ email: 'hai@lantoa.vn', password: 'HAI@lantoa.vn' });
    expect(same.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.password', message: 'must not be the e-mail address.' }],
    });
    const role = await createUser({ roles: ['SUPERUSER'] });
    expect(role.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect([await count('user_account'), await count('audit_event')]).toEqual(before);
  });
});

describe('updateUser', () => {
  it('records before and after, and refuses a stale version with CONFLICT', async () => {
    const u = (await createUser({ displayName: 'Trần Văn Bình' })).data!.createUser;
    const update = (input: Record<string, unknown>, expectedVersion?: number) =>
      t.gql(admin, `mutation($id: ID!, $input: UpdateUserInput!, $v: Int) { updateUser(id: $id, input: $input, expectedVersion: $v) { ${USER_FIELDS} } }`, {
        id: u.id,
        input,
        v: expectedVersion,
      });
    const ok = await update({ displayName: 'Trần Văn Bình (Ban Tuyên giáo)' }, 1);
    expect(ok.data!.updateUser).toMatchObject({ displayName: 'Trần Văn Bình (Ban Tuyên giáo)', version: 2 });
    const stale = await update({ displayName: 'Khác' }, 1);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const audit = await t.sql.query(`select action, changes from audit_event where entity_id = $1 and action = 'UPDATE'`, [u.id]);
    expect(audit.rows).toEqual([{ action: 'UPDATE', changes: [{ field: 'displayName', before: 'Trần Văn Bình', after: 'Trần Văn Bình (Ban Tuyên giáo)' }] }]);
    const cleared = await update({ displayName: null, roles: [] });
    expect((cleared.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path)).toEqual(['input.displayName', 'input.roles']);
    expect((await update({}, undefined)).data!.updateUser.version).toBe(2);
  });

  it('never leaves the service without an active admin', async () => {
    const self = await t.gql(admin, `mutation($id: ID!) { updateUser(id: $id, input: { roles: [EDITOR] }) { id } }`, { id: admin.id });
    expect(self.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect((await t.gql(admin, `mutation($id: ID!) { deleteUser(id: $id) { id } }`, { id: admin.id })).errors![0]!.extensions!.code).toBe('CONFLICT');
    const other = (await createUser({ roles: ['ADMIN'] })).data!.createUser;
    const demoted = await t.gql(admin, `mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }`, { id: other.id });
    expect(demoted.data!.updateUser.active).toBe(false);
  });

  it('answers NOT_FOUND for an unknown user and BAD_USER_INPUT for a malformed id', async () => {
    expect((await t.gql(admin, 'mutation($id: ID!) { updateUser(id: $id, input: {}) { id } }', { id: randomUUID() })).errors![0]!.extensions!.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(admin, 'mutation { deleteUser(id: "x") { id } }')).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'id' }],
    });
  });
});

describe('setUserPassword', () => {
  it('audits the change without the password or either hash', async () => {
    const u = (await createUser({})).data!.createUser;
    const oldHash = (await t.sql.query('select password_hash from user_account where id = $1', [u.id])).rows[0].password_hash as string;
    const password = 'mật khẩu được đặt lại';
    const res = await t.gql(admin, 'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }', { id: u.id, p: password });
    expect(res.errors).toBeUndefined();
    const newHash = (await t.sql.query('select password_hash from user_account where id = $1', [u.id])).rows[0].password_hash as string;
    expect(newHash).not.toBe(oldHash);
    const audit = await t.sql.query(`select changes from audit_event where entity_id = $1 and action = 'UPDATE'`, [u.id]);
    expect(audit.rows).toHaveLength(1);
    expect((audit.rows[0].changes as { field: string }[]).map((c) => c.field).sort()).toEqual(['passwordChangedAt', 'sessionsValidAfter']);
    const json = JSON.stringify(audit.rows);
    for (const secret of [password, oldHash, newHash]) expect(json).not.toContain(secret);
    const short = await t.gql(admin, 'mutation($id: ID!) { setUserPassword(id: $id, password: "ngắn") { id } }', { id: u.id });
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'password' }] });
  });
});

describe('deleteUser and restoreUser', () => {
  it('soft-delete hides the user; restore brings them back', async () => {
    const u = (await createUser({})).data!.createUser;
    const del = await t.gql(admin, 'mutation($id: ID!) { deleteUser(id: $id) { deletedAt } }', { id: u.id });
    expect(del.data!.deleteUser.deletedAt).not.toBeNull();
    expect((await t.gql(admin, 'query($id: ID!) { user(id: $id) { id } }', { id: u.id })).data).toEqual({ user: null });
    expect((await t.gql(admin, 'query($ids: [ID!]) { users(filter: { ids: $ids }) { totalCount } }', { ids: [u.id] })).data!.users.totalCount).toBe(0);
    const restored = await t.gql(admin, 'mutation($id: ID!) { restoreUser(id: $id) { deletedAt } }', { id: u.id });
    expect(restored.data!.restoreUser.deletedAt).toBeNull();
    const actions = (await t.sql.query('select action from audit_event where entity_id = $1 order by occurred_at, id', [u.id])).rows.map((r) => r.action);
    expect(actions).toEqual(['CREATE', 'DELETE', 'RESTORE']);
  });
});

describe('users', () => {
  it('filters by text (diacritic-insensitive), role, organization and active', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await t.gql(admin, 'query($f: UserFilter) { users(filter: $f, first: 200) { totalCount nodes { email } } }', { f: filter })).data!.users;
    const editors = await names({ q: 'bien tap' });
    expect(editors.nodes.map((n: { email: string }) => n.email)).toEqual(['bientap.babe@lantoa.vn', 'bientap.bao@lantoa.vn', 'bientap@lantoa.vn']);
    expect(await names({ q: 'BIÊN TẬP ba bể' })).toEqual({ totalCount: 1, nodes: [{ email: 'bientap.babe@lantoa.vn' }] });
    expect((await names({ role: 'INTEGRATOR' })).nodes).toEqual([{ email: 'tichhop@lantoa.vn' }]);
    expect((await names({ organizationId: demoId('organization', 'hu-ba-be') })).nodes).toEqual([
      { email: 'bientap.babe@lantoa.vn' },
      { email: 'kiemduyet.babe@lantoa.vn' },
    ]);
    const inactive = await names({ active: false });
    expect(inactive.nodes.every((n: { email: string }) => n.email.endsWith('@example.vn'))).toBe(true);
  });

  it('pages with keyset cursors and offsets, in a total order', async () => {
    const q =
      'query($a: String, $o: Int, $f: Int) { users(first: $f, after: $a, offset: $o, orderBy: [{ field: DISPLAY_NAME, direction: DESC }]) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    const all = (await t.gql(admin, q, { f: 200 })).data!.users;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await t.gql(admin, q, { f: 3, a: after })).data!.users;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
    expect((await t.gql(admin, q, { f: 2, o: 3 })).data!.users.nodes).toEqual(all.nodes.slice(3, 5));
    expect((await t.gql(admin, q, { f: 201 })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
  });
});

describe('federation', () => {
  it('resolves many User references in one SQL statement, for signed-in callers only', async () => {
    const representations = DEMO_USERS.map((u) => ({ __typename: 'User', id: demoUserId(u.key) }));
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email organization { id } } } }';
    expect((await t.gql(ANONYMOUS, query, { r: representations })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { statements, result } = await countSql(() => t.gql(admin, query, { r: representations }));
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((e: { email: string }) => e.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(statements).toBe(1);
  });
});

describe('the schema', () => {
  let schema: GraphQLSchema;
  let sdl: string;
  beforeAll(async () => {
    ({ schema, sdl } = await buildSubgraphSchema(subgraph));
  });

  it('describes every type, field and argument of its own', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Federation's own types and the built-in scalars are not ours to describe.
      if (/^_|^link__|^federation__/.test(type.name) || ['String', 'Boolean', 'Int', 'ID', 'Float'].includes(type.name)) continue;
      if (!type.description && type.name !== 'Query' && type.name !== 'Mutation') missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no output field that could carry a secret, except the tokens handed out on purpose', () => {
    const secretish = /password|hash|secret|token/i;
    const outputs = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && t.name !== 'Mutation' && t.name !== 'Query',
    );
    const found = outputs.flatMap((t) =>
      Object.keys(t.getFields())
        .filter((f) => secretish.test(f))
        .map((f) => `${t.name}.${f}`),
    );
    expect(found.sort()).toEqual([
      'CreatedApiToken.apiToken',
      'CreatedApiToken.token',
      'Session.accessToken',
      'Session.accessTokenExpiresAt',
      'Session.refreshToken',
      'Session.refreshTokenExpiresAt',
      'User.passwordChangedAt',
    ]);
    expect(sdl).toContain('type Organization @key(fields: "id", resolvable: false)');
    expect(sdl).toContain('type User @key(fields: "id")');
  });
});

describe('the first admin from the environment', () => {
  it('is created once, audited as a system write, and not again after it is deleted', async () => {
    const email = uniqueEmail('first-admin');
    const start = () =>
      startSubgraph(subgraph, {
        DATABASE_URL: t.db.url,
        PORT: '0',
        GATEWAY_SECRET: t.gatewaySecret,
        JWT_SECRET: t.jwtSecret,
        ADMIN_EMAIL: email,
        ADMIN_PASSWORD: 'một mật khẩu quản trị',
      });
    const s1 = await start();
    await s1.stop();
    const { rows } = await t.sql.query('select id, roles, organization_id from user_account where email = $1', [email]);
    expect(rows).toEqual([{ id: expect.any(String), roles: ['ADMIN'], organization_id: null }]);
    const audit = await t.sql.query('select actor_kind, changes from audit_event where entity_id = $1', [rows[0].id]);
    expect(audit.rows[0].actor_kind).toBe('system');
    expect(JSON.stringify(audit.rows)).not.toContain('một mật khẩu quản trị');
    await t.sql.query('update user_account set deleted_at = now() where id = $1', [rows[0].id]);
    const s2 = await start();
    await s2.stop();
    expect((await t.sql.query('select count(*)::int as n from user_account where lower(email) = $1', [email])).rows[0].n).toBe(1);
  });

  it('refuses a JWT secret equal to the gateway secret', async () => {
    const same = 'x'.repeat(40);
    await expect(startSubgraph(subgraph, { DATABASE_URL: t.db.url, PORT: '0', GATEWAY_SECRET: same, JWT_SECRET: same })).rejects.toThrow(/differ/);
  });
});
