import { ANONYMOUS, demoId, Role } from '@lantoa/kit';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCaller, startTestService, type TestService } from '../../testing/harness.js';

let t: TestService;

beforeAll(async () => {
  t = await startTestService('identity_tokens');
});

afterAll(async () => {
  await t?.stop();
});

const ORG = demoId('organization', 'tu-bac-kan');
const admin = demoCaller('admin');
const FIELDS = 'id name prefix scopes organizationId organization { id } expiresAt revokedAt lastUsedAt createdAt active createdBy { email }';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const count = async (table: string) => Number((await t.sql.query(`select count(*) from ${table}`)).rows[0].count);

async function create(input: Record<string, unknown>) {
  return t.gql(admin, `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { ${FIELDS} } } }`, {
    input: { name: 'Cổng thông tin điện tử tỉnh', scopes: ['READ'], organizationId: ORG, ...input },
  });
}

async function created(input: Record<string, unknown> = {}) {
  const res = await create(input);
  expect(res.errors).toBeUndefined();
  return res.data!.createApiToken as { token: string; apiToken: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('createApiToken', () => {
  it('returns the token once and stores only the hash of its secret', async () => {
    const { token, apiToken } = await created({ scopes: ['WRITE', 'READ'] });
    expect(token).toMatch(/^lt_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
    const [, prefix, secret] = /^lt_(.{8})_(.*)$/.exec(token)!;
    expect(apiToken).toMatchObject({
      prefix,
      scopes: ['READ', 'WRITE'],
      organizationId: ORG,
      organization: { id: ORG },
      revokedAt: null,
      lastUsedAt: null,
      active: true,
      createdBy: { email: 'admin@lantoa.vn' },
    });
    // One year by default.
    expect(new Date(apiToken.expiresAt).getTime()).toBeGreaterThan(Date.now() + 364 * 86_400_000);

    const { rows } = await t.sql.query('select * from api_token where id = $1', [apiToken.id]);
    expect(rows[0].token_hash).toBe(sha256(secret!));
    expect(JSON.stringify(rows)).not.toContain(secret);
    // No query can return it again.
    const again = await t.gql(admin, `query($id: ID!) { apiToken(id: $id) { ${FIELDS} } apiTokens { nodes { id prefix } } }`, { id: apiToken.id });
    expect(JSON.stringify(again)).not.toContain(secret);
    expect(again.data!.apiToken.prefix).toBe(prefix);

    // Audited, without the secret or its hash.
    const audit = await t.sql.query(`select * from audit_event where entity_type = 'ApiToken' and entity_id = $1`, [apiToken.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'CREATE', actor_id: admin.id, actor_name: 'admin@lantoa.vn', organization_id: ORG });
    const json = JSON.stringify(audit.rows[0]);
    expect(json).toContain(prefix);
    for (const secretish of [secret!, sha256(secret!), token]) expect(json).not.toContain(secretish);
  });

  it('names every bad field and writes nothing', async () => {
    const before = [await count('api_token'), await count('audit_event')];
    const past = await create({ expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.expiresAt', message: 'must be in the future.' }] });
    const many = await create({ name: '  ', scopes: [], organizationId: 'not-a-uuid', expiresAt: new Date(Date.now() + 10 * 365 * 86_400_000).toISOString() });
    expect((many.errors![0]!.extensions!.fields as { path: string }[]).map((f) => f.path)).toEqual([
      'input.name',
      'input.scopes',
      'input.organizationId',
      'input.expiresAt',
    ]);
    const unknownScope = await create({ scopes: ['DELETE'] });
    expect(unknownScope.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect([await count('api_token'), await count('audit_event')]).toEqual(before);
  });
});

describe('/internal/authenticate with API tokens', () => {
  it('answers an integrator caller with the token’s scopes, and records lastUsedAt at most once a minute', async () => {
    const { token, apiToken } = await created({ name: 'Báo Bắc Kạn điện tử', scopes: ['READ'] });
    const res = await t.authenticate(token);
    expect(res).toMatchObject({
      status: 200,
      body: {
        caller: { kind: 'token', id: apiToken.id, name: 'Báo Bắc Kạn điện tử', organizationId: ORG, roles: ['INTEGRATOR'], scopes: ['READ'] },
        expiresAt: apiToken.expiresAt,
      },
    });
    const first = (await t.sql.query('select last_used_at, version from api_token where id = $1', [apiToken.id])).rows[0];
    expect(first.last_used_at).not.toBeNull();
    expect(Date.now() - new Date(first.last_used_at).getTime()).toBeLessThan(60_000);
    await t.authenticate(token);
    const second = (await t.sql.query('select last_used_at, version from api_token where id = $1', [apiToken.id])).rows[0];
    expect(second).toEqual(first);
    // A minute later it moves again; bookkeeping does not bump the version or write an audit event.
    await t.sql.query(`update api_token set last_used_at = now() - interval '2 minutes' where id = $1`, [apiToken.id]);
    await t.authenticate(token);
    const third = (await t.sql.query('select last_used_at, version from api_token where id = $1', [apiToken.id])).rows[0];
    expect(new Date(third.last_used_at).getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(third.version).toBe(first.version);
    const gql = await t.gql(admin, 'query($id: ID!) { apiToken(id: $id) { lastUsedAt } }', { id: apiToken.id });
    expect(gql.data!.apiToken.lastUsedAt).not.toBeNull();
  });

  it('refuses revoked, expired, unknown and wrong-secret tokens', async () => {
    const revoked = await created();
    const rev = await t.gql(admin, 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt active } }', { id: revoked.apiToken.id });
    expect(rev.data!.revokeApiToken.active).toBe(false);
    expect(await t.authenticate(revoked.token)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'API token was revoked.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });

    const expired = await created();
    await t.sql.query(`update api_token set expires_at = now() - interval '1 second' where id = $1`, [expired.apiToken.id]);
    expect(await t.authenticate(expired.token)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'API token expired.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });

    const valid = await created();
    const [, prefix, secret] = /^lt_(.{8})_(.*)$/.exec(valid.token)!;
    const otherSecret = secret!.slice(0, -1) + (secret!.endsWith('A') ? 'B' : 'A');
    for (const credential of [`lt_zzzzzzzz_${secret}`, `lt_${prefix}_${otherSecret}`, `lt_${prefix}_short`, 'lt_', `lt_${prefix.toUpperCase()}_${secret}`]) {
      expect(await t.authenticate(credential), credential.slice(0, 14)).toMatchObject({
        status: 401,
        body: { errors: [{ message: 'API token is invalid.', extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
    expect((await t.authenticate(valid.token)).status).toBe(200);
  });
});

describe('reading and revoking', () => {
  it('lists tokens with filters and pages', async () => {
    const a = await created({ name: 'Trang tin Huyện ủy Ba Bể', organizationId: demoId('organization', 'hu-ba-be') });
    const b = await created({ name: 'Trang tin Huyện ủy Ba Bể (dự phòng)', organizationId: demoId('organization', 'hu-ba-be') });
    await t.gql(admin, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: b.apiToken.id });
    const list = async (filter: Record<string, unknown>) =>
      (await t.gql(admin, 'query($f: ApiTokenFilter) { apiTokens(filter: $f, orderBy: [{ field: NAME }]) { totalCount nodes { id } } }', { f: filter })).data!
        .apiTokens;
    expect(await list({ q: 'huyen uy ba be' })).toEqual({ totalCount: 2, nodes: [{ id: a.apiToken.id }, { id: b.apiToken.id }] });
    expect(await list({ q: 'BA BỂ', active: true })).toEqual({ totalCount: 1, nodes: [{ id: a.apiToken.id }] });
    expect(await list({ organizationId: demoId('organization', 'hu-ba-be'), active: false })).toEqual({ totalCount: 1, nodes: [{ id: b.apiToken.id }] });
    expect((await list({ q: a.apiToken.prefix })).nodes).toEqual([{ id: a.apiToken.id }]);

    const page1 = (await t.gql(admin, '{ apiTokens(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }')).data!.apiTokens;
    const page2 = (await t.gql(admin, 'query($a: String) { apiTokens(first: 2, after: $a) { nodes { id } } }', { a: page1.pageInfo.endCursor })).data!
      .apiTokens;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const all = (await t.gql(admin, '{ apiTokens(first: 4) { nodes { id } } }')).data!.apiTokens.nodes;
    expect([...page1.nodes, ...page2.nodes]).toEqual(all);
  });

  it('revoking is idempotent; unknown ids are NOT_FOUND', async () => {
    const { apiToken } = await created();
    const revoke = (id: string) => t.gql(admin, 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt version } }', { id });
    const first = (await revoke(apiToken.id)).data!.revokeApiToken;
    expect((await revoke(apiToken.id)).data!.revokeApiToken).toEqual(first);
    expect((await revoke(randomUUID())).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const audit = await t.sql.query(`select action, changes from audit_event where entity_id = $1 order by occurred_at`, [apiToken.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit.rows[1].changes).toEqual([{ field: 'revokedAt', before: null, after: first.revokedAt }]);
  });

  it('is for admins only: FORBIDDEN for an editor or a token, UNAUTHENTICATED for anonymous', async () => {
    const token = { kind: 'token' as const, id: randomUUID(), name: 'Cổng', organizationId: ORG, roles: [Role.INTEGRATOR], scopes: [] };
    const ops = [
      ['{ apiTokens { totalCount } }', {}],
      [`query($id: ID!) { apiToken(id: $id) { id } }`, { id: randomUUID() }],
      ['mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', { input: { name: 'x', scopes: ['READ'], organizationId: ORG } }],
      ['mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: randomUUID() }],
    ] as const;
    const before = await count('api_token');
    for (const [query, variables] of ops) {
      expect((await t.gql(demoCaller('bientap'), query, variables)).errors![0]!.extensions!.code, query).toBe('FORBIDDEN');
      expect((await t.gql(token, query, variables)).errors![0]!.extensions!.code, query).toBe('FORBIDDEN');
      expect((await t.gql(ANONYMOUS, query, variables)).errors![0]!.extensions!.code, query).toBe('UNAUTHENTICATED');
    }
    expect(await count('api_token')).toBe(before);
  });
});
