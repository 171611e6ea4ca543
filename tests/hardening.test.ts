/**
 * Issue 7 §4 and §6 end to end, every service on real HTTP: wrong passwords
 * never lock anyone out or end a session; no personal data in any log;
 * request ids, /metrics, nosniff, production error messages; one bad row
 * does not blank a list.
 */
import { loadGatewayConfig, startGateway } from '@lantoa/gateway';
import { DEMO_PASSWORD } from '@lantoa/identity';
import { ANONYMOUS, CALLER_HEADER, demoId, setLogLevel, signCallerProof, SUBGRAPHS, type RunningServer } from '@lantoa/kit';
import { gql } from '@lantoa/kit/testing';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

// Every line any service writes in this file, kept here (not printed): the log test scans them.
const written: string[] = [];
const realWrites = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
const capture = (chunk: unknown) => {
  written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  return true;
};

let stack: Stack;
/** In front of the same subgraphs: a gateway with no trusted proxy, and one in production. */
let direct: RunningServer;
let production: RunningServer;
/** Statements straight to the database, around the API (the ORM of a running subgraph; tables named with their schema). */
const sql = (statement: string, params: unknown[] = []) => stack.identity.orm.em.fork().getConnection().execute(statement, params, 'run');

const ADMIN = 'admin@lantoa.vn';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
const from = (address: string, more: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...more });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function gatewayBeside(env: Record<string, string>): Promise<RunningServer> {
  const urls = Object.fromEntries(SUBGRAPHS.filter((s) => stack.subgraphs[s.name]).map((s) => [s.urlEnv, stack.subgraphs[s.name]!.url]));
  return startGateway(
    loadGatewayConfig({
      GATEWAY_SECRET: stack.gatewaySecret,
      PORT: '0',
      ...urls,
      RATE_LIMIT_PER_MINUTE: '100000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    }),
  );
}

beforeAll(async () => {
  // Debug level before anything starts: the ORMs then log every statement too.
  setLogLevel('debug');
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  // Behind a trusted proxy the client's address is the X-Forwarded-For entry; no auth cache, so identity decides every time.
  stack = await startStack('hardening', { TRUST_PROXY: 'true', AUTH_CACHE_TTL_MS: '0' });
  direct = await gatewayBeside({});
  production = await gatewayBeside({ NODE_ENV: 'production' });
}, 120_000);

afterAll(async () => {
  await production?.stop();
  await direct?.stop();
  await stack?.stop();
  process.stdout.write = realWrites.out;
  process.stderr.write = realWrites.err;
  setLogLevel('warn');
});

describe('wrong passwords', () => {
  it('ten from one network end no session of the victim, do not stop them signing in elsewhere, and slow that network down', async () => {
    const VICTIM = '192.0.2.10';
    const ATTACKER = '203.0.113.66';
    const victim = await gql(stack.gateway.url, SIGN_IN, { e: ADMIN, p: DEMO_PASSWORD }, from(VICTIM));
    expect(victim.errors).toBeUndefined();
    const codes = [];
    for (let i = 0; i < 10; i++)
      codes.push((await gql(stack.gateway.url, SIGN_IN, { e: ADMIN, p: `guess ${i}` }, from(ATTACKER))).errors![0]!.extensions!.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(Array(5).fill('RATE_LIMITED'));

    // The admin's access token still works, and so does the refresh token.
    const me = await gql(stack.gateway.url, '{ me { email } }', {}, bearer(victim.data!.signIn.accessToken));
    expect(me.status).toBe(200);
    expect(me.data).toEqual({ me: { email: ADMIN } });
    const refreshed = await gql(stack.gateway.url, REFRESH, { t: victim.data!.signIn.refreshToken }, from(VICTIM));
    expect(refreshed.errors).toBeUndefined();
    expect((await gql(stack.gateway.url, '{ me { email } }', {}, bearer(refreshed.data!.refreshSession.accessToken))).data).toEqual({ me: { email: ADMIN } });
    // The admin signs in again from their own network.
    expect((await gql(stack.gateway.url, SIGN_IN, { e: ADMIN, p: DEMO_PASSWORD }, from(VICTIM))).errors).toBeUndefined();

    // The attacker's network, even with the right password, gets the same answer as with a wrong one.
    const right = (await gql(stack.gateway.url, SIGN_IN, { e: ADMIN, p: DEMO_PASSWORD }, from(ATTACKER))).errors![0]!;
    const wrong = (await gql(stack.gateway.url, SIGN_IN, { e: ADMIN, p: 'one more guess' }, from(ATTACKER))).errors![0]!;
    const shape = (e: typeof right) => ({ message: e.message.replace(/\d+/g, 'N'), code: e.extensions!.code, keys: Object.keys(e.extensions!).sort() });
    expect(shape(right)).toEqual(shape(wrong));
    expect(right.extensions!.code).toBe('RATE_LIMITED');
  });

  it('from a client that names its own address in X-Forwarded-For, behind no trusted proxy, count against its real address', async () => {
    const email = 'xem@lantoa.vn';
    for (let i = 0; i < 5; i++) await gql(direct.url, SIGN_IN, { e: email, p: `guess ${i}` }, from(`198.51.100.${i}`));
    // Five failures from 127.0.0.1 whatever the header said: the sixth, from a "new" address, waits.
    expect((await gql(direct.url, SIGN_IN, { e: email, p: DEMO_PASSWORD }, from('198.51.100.200'))).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    // Through the proxy, the viewer's own network is unaffected.
    expect((await gql(stack.gateway.url, SIGN_IN, { e: email, p: DEMO_PASSWORD }, from('192.0.2.77'))).errors).toBeUndefined();
  });
});

describe('request ids', () => {
  const CREATE = 'mutation { createPerson(input: { familyName: "Lý", givenName: "Thu" }) { id } }';

  it('are the gateway’s own unless a trusted proxy sent one: two writes never share an audit request id', async () => {
    const admin = bearer((await gql(direct.url, SIGN_IN, { e: 'admin@lantoa.vn', p: DEMO_PASSWORD })).data!.signIn.accessToken);
    const writes = [];
    for (let i = 0; i < 2; i++) writes.push(await gql(direct.url, CREATE, {}, { ...admin, 'x-request-id': 'same-client-id' }));
    const answered = writes.map((w) => w.headers.get('x-request-id'));
    expect(answered[0]).not.toBe('same-client-id');
    expect(answered[0]).not.toBe(answered[1]);
    const audited = [];
    for (const w of writes) {
      const events = await gql(
        direct.url,
        'query($id: ID!) { auditEvents(filter: { entityId: $id }) { nodes { requestId action } } }',
        { id: w.data!.createPerson.id },
        admin,
      );
      audited.push(events.data!.auditEvents.nodes[0].requestId);
    }
    expect(audited).toEqual(answered);
    // Behind the trusted proxy, its id is taken, so one id follows the request through the proxy's logs and ours.
    const proxied = await gql(stack.gateway.url, CREATE, {}, { ...(await stack.as(ADMIN)), 'x-request-id': `proxy-${randomUUID()}` });
    expect(proxied.headers.get('x-request-id')).toMatch(/^proxy-/);
  });
});

describe('headers and internal endpoints', () => {
  it('mark every /graphql answer nosniff, of the gateway and of each subgraph', async () => {
    expect((await gql(stack.gateway.url, '{ me { email } }', {}, await stack.as(ADMIN))).headers.get('x-content-type-options')).toBe('nosniff');
    expect((await gql(stack.gateway.url, '{ nothing }')).headers.get('x-content-type-options')).toBe('nosniff');
    for (const s of Object.values(stack.subgraphs)) {
      const proof = { [CALLER_HEADER]: await signCallerProof(ANONYMOUS, randomUUID(), stack.gatewaySecret) };
      expect((await gql(s.url, '{ __typename }', {}, proof)).headers.get('x-content-type-options')).toBe('nosniff');
      expect((await gql(s.url, '{ __typename }')).headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answer a subgraph’s /metrics only with the gateway’s proof', async () => {
    for (const s of Object.values(stack.subgraphs)) {
      const metrics = new URL('/metrics', s.url);
      expect((await fetch(metrics)).status).toBe(401);
      const forged = await signCallerProof(ANONYMOUS, 'metrics', 'not the gateway secret, but long enough');
      expect((await fetch(metrics, { headers: { [CALLER_HEADER]: forged } })).status).toBe(401);
      const res = await fetch(metrics, { headers: { [CALLER_HEADER]: await signCallerProof(ANONYMOUS, 'metrics', stack.gatewaySecret) } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^lantoa_sql_statements_total\{/m);
    }
  });

  it('in production, name no enum value the client did not send ("Did you mean …")', async () => {
    const literal = '{ organizations(filter: { level: PROVINCEE }) { totalCount } }';
    const variable = ['query($l: OrganizationLevel) { organizations(filter: { level: $l }) { totalCount } }', { l: 'PROVINCEE' }] as const;
    // In development the hint helps, which shows what production must not say.
    expect((await gql(direct.url, literal)).errors![0]!.message).toMatch(/Did you mean the enum value "PROVINCE"/);
    for (const res of [await gql(production.url, literal), await gql(production.url, variable[0], variable[1])]) {
      expect(res.errors![0]!.message).toMatch(/PROVINCEE/);
      expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean|"PROVINCE"/);
    }
  });
});

describe('one bad row', () => {
  it('does not blank the admin’s list of API tokens or users: only that row’s organization is null', async () => {
    const unknownOrganization = randomUUID();
    const tokenId = randomUUID();
    const userId = randomUUID();
    await sql(
      `insert into identity.api_token (id, name, prefix, token_hash, scopes, organization_id, expires_at, search_text, created_at, updated_at)
       values (?, 'Hàng lạ', 'zzzzzzzz', ?, '{READ}', ?, now() + interval '1 day', 'hang la', now(), now())`,
      [tokenId, createHash('sha256').update('x').digest('hex'), unknownOrganization],
    );
    await sql(
      `insert into identity.user_account (id, email, display_name, organization_id, roles, password_hash, password_changed_at, sessions_valid_after, search_text, created_at, updated_at)
       values (?, 'la@example.vn', 'Người lạ', ?, '{VIEWER}', '$argon2id$v=19$m=19456,t=2,p=1$x$y', now(), now(), 'la', now(), now())`,
      [userId, unknownOrganization],
    );
    const admin = await stack.as(ADMIN);
    const tokens = await gql(stack.gateway.url, '{ apiTokens(first: 200) { totalCount nodes { id name organization { id name } } } }', {}, admin);
    expect(tokens.data).not.toBeNull();
    const bad = tokens.data!.apiTokens.nodes.find((n: { id: string }) => n.id === tokenId);
    expect(bad).toMatchObject({ name: 'Hàng lạ', organization: null });
    const users = await gql(stack.gateway.url, '{ users(first: 200) { nodes { id email organization { id name } } } }', {}, admin);
    expect(users.data).not.toBeNull();
    expect(users.data!.users.nodes.find((n: { id: string }) => n.id === userId)).toMatchObject({ email: 'la@example.vn', organization: null });
    expect(users.data!.users.nodes.find((n: { email: string }) => n.email === ADMIN).organization.name).toBeTruthy();
  });
});

describe('logs', () => {
  it('hold no contact data of people and no user’s e-mail, even at debug level and when PostgreSQL refuses a write', async () => {
    const phone = '0912 777 888';
    const email = 'tran.thi.mai@example.vn';
    // PostgreSQL refuses this one (a check the test adds, naming no value, so that the statement's own log line holds none).
    const failingPhone = '0913 000 111 22';
    const userEmail = 'canbo.moi@example.vn';
    const admin = await stack.as(ADMIN);
    const editor = await stack.as('bientap@lantoa.vn');
    const from = written.length;
    const created = await gql(
      stack.gateway.url,
      'mutation($i: CreatePersonInput!) { createPerson(input: $i) { id phone email } }',
      { i: { familyName: 'Trần', middleName: 'Thị', givenName: 'Mai', phone, email, address: '12 Trường Chinh, Bắc Kạn' } },
      editor,
    );
    expect(created.data!.createPerson).toMatchObject({ phone, email });
    const id = created.data!.createPerson.id;
    expect(
      (
        await gql(
          stack.gateway.url,
          'mutation($id: ID!) { updatePerson(id: $id, input: { phone: "0912 777 999", email: "mai.tran@example.vn" }) { id } }',
          { id },
          admin,
        )
      ).errors,
    ).toBeUndefined();
    const user = await gql(
      stack.gateway.url,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          email: userEmail,
          displayName: 'Cán bộ mới',
          password: 'một mật khẩu đủ dài',
          roles: ['VIEWER'],
          organizationId: demoId('organization', 'tu-bac-kan'),
        },
      },
      admin,
    );
    expect(user.errors).toBeUndefined();
    // A write PostgreSQL refuses: its error (statement, values, "Failing row contains (…)") is what subgraphs log.
    await sql(`alter table organizations.person add constraint hardening_test_phone check (length(phone) <> ${failingPhone.length}) not valid`);
    const refused = await gql(
      stack.gateway.url,
      'mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }',
      { i: { familyName: 'Lò', givenName: 'Văn', phone: failingPhone, email } },
      editor,
    );
    expect(refused.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    await sql('alter table organizations.person drop constraint hardening_test_phone');

    const lines = written.slice(from).join('');
    // The scan is not vacuous: statements and the failure were logged.
    expect(lines).toMatch(/insert into/i);
    expect(lines).toMatch(/request failed/);
    expect(lines).toMatch(/SQLSTATE 23514/);
    for (const secret of [phone, '0912 777 999', failingPhone, email, 'mai.tran@example.vn', userEmail, '12 Trường Chinh']) expect(lines).not.toContain(secret);
  });
});
