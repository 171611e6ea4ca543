/**
 * Authentication, the caller proof and rate limits, end to end: the real
 * identity and organizations subgraphs on one test database, the real
 * gateway in front, every request over HTTP as a client would send it.
 */
import { loadGatewayConfig, startGateway, type GatewayOptions } from '@lantoa/gateway';
import { DEMO_PASSWORD, JWT_AUDIENCE, JWT_ISSUER } from '@lantoa/identity';
import {
  ANONYMOUS,
  CALLER_HEADER,
  createLogger,
  Role,
  signCallerProof,
  verifyCallerProof,
  type Logger,
  type RunningServer,
  type RunningSubgraph,
} from '@lantoa/kit';
import { createTestDatabase, freePort, gql, type TestDatabase } from '@lantoa/kit/testing';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraphs, type Subgraphs } from './support/subgraphs.js';

// ---------- helpers ----------

interface LogEntry {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

/** Every gateway of this file logs here, so the last test can check that no secret was ever written. */
const logged: LogEntry[] = [];
function recordingLogger(): Logger {
  const real = createLogger('gateway-auth-test');
  const keep = (level: keyof Logger) => (msg: string, fields?: Record<string, unknown>) => {
    logged.push({ level, msg, fields });
    if (process.env.TEST_VERBOSE) real[level](msg, fields);
  };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** Secrets used in this file; none may appear in a log line or an error message. */
const secrets = new Set<string>([DEMO_PASSWORD]);
const remember = <T extends string>(s: T): T => (secrets.add(s), s);

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** An HS256 JWT, built by hand so the test controls every claim (and the key). */
function jwt(claims: Record<string, unknown>, key: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64url(header)}.${b64url(claims)}`;
  return remember(`${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The committed supergraph (tests/schema.test.ts keeps it in step with the code), as the gateway serves it. */
async function composeSupergraph(): Promise<string> {
  return readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
}

/** A transparent HTTP proxy in front of a subgraph that counts credential checks and records what the gateway sends. */
async function countingProxy(target: string) {
  const counts = { authenticate: 0 };
  const graphql: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    if (req.url === '/internal/authenticate') counts.authenticate++;
    if (req.url === '/graphql') graphql.push(req.headers);
    const up = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    counts,
    graphql,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP relay to Redis that the test can cut and restore, to play a Redis outage without touching Redis. */
async function tcpRelay(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    get port() {
      return port;
    },
    async cut() {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: open,
  };
}

/** Whether a Redis answers PING at this URL (no client library needed). */
async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port || 6379), hostname);
    const done = (ok: boolean) => (s.destroy(), resolve(ok));
    s.setTimeout(500, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await redisAnswers(REDIS_URL);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` passes or `ms` elapse (then its last failure is thrown). */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(100);
    }
  }
}

const SESSION = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { email roles }';
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${SESSION} } }`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${SESSION} } }`;
const SIGN_OUT = 'mutation ($t: String!) { signOut(refreshToken: $t) }';
const ME = '{ me { email roles organizationId } }';
const ORGS = '{ organizations(first: 1) { totalCount nodes { id } } }';
const CREATE_ORG = 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
const CREATE_TOKEN = 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }';
const REVOKE_TOKEN = 'mutation ($id: ID!) { revokeApiToken(id: $id) { id active } }';

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { email: string; roles: string[] };
}

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

/** The refusal every gateway-level 401 must look like. */
function expectUnauthenticated(res: Awaited<ReturnType<typeof gql>>, message?: RegExp) {
  expect(res.status).toBe(401);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  if (message) expect(res.errors![0]!.message).toMatch(message);
}

// ---------- the stack ----------

let db: TestDatabase;
let subgraphs: Subgraphs;
let identity: RunningSubgraph;
let organizations: RunningSubgraph;
let proxy: Awaited<ReturnType<typeof countingProxy>>; // in front of identity
let orgProxy: Awaited<ReturnType<typeof countingProxy>>; // in front of organizations
let supergraphSdl: string;
const gatewaySecret = remember(randomBytes(32).toString('base64url'));
const jwtSecret = remember(randomBytes(32).toString('base64url'));
const started: RunningServer[] = [];

/** A gateway over the shared subgraphs (identity through the counting proxy unless told otherwise). */
async function gateway(env: Record<string, string> = {}, opts: GatewayOptions = {}): Promise<RunningServer> {
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    GATEWAY_SECRET: gatewaySecret,
    // Every running subgraph (the gateway's /readyz needs each one ready), then the proxies under test.
    ...subgraphs.urlEnv,
    ORGANIZATIONS_URL: organizations.url,
    IDENTITY_URL: proxy.url,
    ...env,
  });
  const g = await startGateway(config, { supergraphSdl, log: recordingLogger(), readyTimeoutMs: 500, ...opts });
  started.push(g);
  return g;
}

let main: RunningServer; // default cache (AUTH_CACHE_TTL_MS=10000), generous limits
let fresh: RunningServer; // AUTH_CACHE_TTL_MS=0: asks identity on every request

async function signIn(email: string, via: RunningServer = main): Promise<Session> {
  const res = await gql<{ signIn: Session }>(via.url, SIGN_IN, { email, password: DEMO_PASSWORD });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const s = res.data!.signIn;
  remember(s.accessToken);
  remember(s.refreshToken);
  return s;
}

/** A fresh API token made by the admin through the gateway. */
async function apiToken(admin: Session, scopes: string[] = ['READ']): Promise<{ token: string; id: string }> {
  const orgs = await gql(main.url, ORGS, undefined, bearer(admin.accessToken));
  const organizationId = orgs.data!.organizations.nodes[0].id as string;
  const res = await gql(main.url, CREATE_TOKEN, { input: { name: `test ${randomUUID().slice(0, 8)}`, scopes, organizationId } }, bearer(admin.accessToken));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { token: remember(res.data!.createApiToken.token as string), id: res.data!.createApiToken.apiToken.id as string };
}

const subgraphRequests = async (url: string): Promise<number> => {
  // /metrics answers only the gateway's proof.
  const text = await (
    await fetch(new URL('/metrics', url), { headers: { [CALLER_HEADER]: await signCallerProof(ANONYMOUS, 'metrics', gatewaySecret) } })
  ).text();
  const count = Number(/lantoa_graphql_requests_total\{[^}]*\} (\d+)/.exec(text)?.[1]);
  if (!Number.isFinite(count)) throw new Error(`/metrics answered no request count: ${text.slice(0, 200)}`);
  return count;
};

beforeAll(async () => {
  db = await createTestDatabase('gateway_auth');
  subgraphs = await startSubgraphs(db.url, { GATEWAY_SECRET: gatewaySecret, JWT_SECRET: jwtSecret });
  ({ organizations, identity } = subgraphs.byName as Record<'organizations' | 'identity', RunningSubgraph>);
  proxy = await countingProxy(identity.url);
  orgProxy = await countingProxy(organizations.url);
  supergraphSdl = await composeSupergraph();
  main = await gateway({ RATE_LIMIT_PER_MINUTE: '100000', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000' });
  fresh = await gateway({ AUTH_CACHE_TTL_MS: '0', RATE_LIMIT_PER_MINUTE: '100000', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000' });
});

afterAll(async () => {
  for (const g of started.reverse()) await g.stop().catch(() => undefined);
  await proxy?.close();
  await orgProxy?.close();
  await subgraphs?.stop();
  await db?.drop();
});

// ---------- sessions ----------

describe('sessions over HTTP', () => {
  it('signs in, and the access token works through the gateway', async () => {
    const admin = await signIn('admin@lantoa.vn');
    expect(admin.user).toEqual({ email: 'admin@lantoa.vn', roles: ['ADMIN'] });
    const me = await gql(main.url, ME, undefined, bearer(admin.accessToken));
    expect(me.status).toBe(200);
    expect(me.data!.me).toMatchObject({ email: 'admin@lantoa.vn', roles: ['ADMIN'] });
    const orgs = await gql(main.url, ORGS, undefined, bearer(admin.accessToken));
    expect(orgs.errors).toBeUndefined();
    expect(orgs.data!.organizations.totalCount).toBeGreaterThan(0);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await gql(main.url, SIGN_IN, { email: 'admin@lantoa.vn', password: remember('LanToa@2025') });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toBe('E-mail or password is wrong.');
  });

  it('rotates the refresh token, and a reused one ends the session', async () => {
    const first = await signIn('bientap@lantoa.vn');
    const res = await gql<{ refreshSession: Session }>(main.url, REFRESH, { t: first.refreshToken });
    expect(res.errors).toBeUndefined();
    const second = res.data!.refreshSession;
    remember(second.accessToken);
    remember(second.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await gql(fresh.url, ME, undefined, bearer(second.accessToken))).data!.me.email).toBe('bientap@lantoa.vn');

    // The used-up token again: refused, and (theft detection) the whole session ends.
    const reused = await gql(main.url, REFRESH, { t: first.refreshToken });
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    expectUnauthenticated(await gql(fresh.url, ME, undefined, bearer(second.accessToken)), /session ended/i);
    expect(codeOf(await gql(main.url, REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('signs out: the refresh token and the session’s access token stop working', async () => {
    const s = await signIn('xem@lantoa.vn');
    expect((await gql(fresh.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
    const out = await gql(main.url, SIGN_OUT, { t: s.refreshToken });
    expect(out.data).toEqual({ signOut: true });
    expect(codeOf(await gql(main.url, REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    expectUnauthenticated(await gql(fresh.url, ME, undefined, bearer(s.accessToken)), /signed out/i);
  });
});

// ---------- API tokens and refused credentials ----------

describe('API tokens', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await signIn('admin@lantoa.vn');
  });

  it('read through the gateway, but are refused writes without the WRITE scope', async () => {
    const { token } = await apiToken(admin);
    const orgs = await gql(main.url, ORGS, undefined, bearer(token));
    expect(orgs.errors).toBeUndefined();
    expect(orgs.data!.organizations.totalCount).toBeGreaterThan(0);
    expect((await gql(main.url, ME, undefined, bearer(token))).data).toEqual({ me: null });
    const write = await gql(main.url, CREATE_ORG, { input: { name: 'Chi bộ thử', type: 'PARTY_CELL', level: 'COMMUNE' } }, bearer(token));
    expect(codeOf(write)).toBe('FORBIDDEN');
  });

  it('a revoked token is refused at once when the cache is off (AUTH_CACHE_TTL_MS=0)', async () => {
    const { token, id } = await apiToken(admin);
    expect((await gql(fresh.url, ORGS, undefined, bearer(token))).status).toBe(200);
    const revoked = await gql(main.url, REVOKE_TOKEN, { id }, bearer(admin.accessToken));
    expect(revoked.data!.revokeApiToken).toEqual({ id, active: false });
    expectUnauthenticated(await gql(fresh.url, ORGS, undefined, bearer(token)), /revoked/);
  });

  it('a revoked token keeps working at most AUTH_CACHE_TTL_MS where it is cached', async () => {
    const short = await gateway({ AUTH_CACHE_TTL_MS: '3000' });
    const { token, id } = await apiToken(admin);
    expect((await gql(short.url, ORGS, undefined, bearer(token))).status).toBe(200);
    await gql(main.url, REVOKE_TOKEN, { id }, bearer(admin.accessToken));
    // Within the TTL the cached answer stands (the documented bound) …
    expect((await gql(short.url, ORGS, undefined, bearer(token))).status).toBe(200);
    // … and not a moment beyond it.
    await sleep(3_100);
    expectUnauthenticated(await gql(short.url, ORGS, undefined, bearer(token)), /revoked/);
  });
});

describe('refused credentials never reach the subgraphs', () => {
  let before: number;
  beforeAll(async () => {
    before = await subgraphRequests(organizations.url);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: JWT_ISSUER,
    aud: JWT_AUDIENCE,
    sub: randomUUID(),
    sid: randomUUID(),
    sva: 0,
    jti: randomUUID(),
    iat: now() - 60,
    exp: now() + 600,
    ...over,
  });

  it.each([
    ['garbage', () => remember('not-a-token'), /invalid/i],
    ['an expired access token (signed with the real key)', () => jwt(claims({ iat: now() - 7200, exp: now() - 3600 }), jwtSecret), /expired/i],
    ['a forged access token (signed with another key)', () => jwt(claims(), randomBytes(32).toString('base64url')), /invalid/i],
    ['an unsigned access token (alg none)', () => remember(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`), /invalid/i],
    ['the gateway secret used as a JWT key', () => jwt(claims(), gatewaySecret), /invalid/i],
    ['an unknown API token', () => remember(`lt_abcdefgh_${randomBytes(32).toString('base64url')}`), /invalid/i],
  ])('401 UNAUTHENTICATED for %s', async (_name, make, message) => {
    const token = make();
    const res = await gql(main.url, ORGS, undefined, { ...bearer(token), 'x-request-id': 'refused-1' });
    expectUnauthenticated(res, message);
    // The gateway's own request id (a client's x-request-id is taken only from a trusted proxy).
    expect(res.errors![0]!.extensions!.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.headers.get('x-request-id')).not.toBe('refused-1');
    expect(JSON.stringify(res)).not.toContain(token);
  });

  it.each([['Basic YWRtaW46cGFzcw=='], ['Bearer'], ['Bearer two tokens'], ['token abc']])('401 for a malformed header: %s', async (header) => {
    expectUnauthenticated(await gql(main.url, ORGS, undefined, { authorization: header }), /Bearer/);
  });

  it('— none of them reached the organizations subgraph', async () => {
    expect(await subgraphRequests(organizations.url)).toBe(before);
  });
});

// ---------- the caller proof ----------

describe('a client cannot forge the caller', () => {
  const adminCaller = { kind: 'user' as const, id: randomUUID(), name: 'forger@evil.example', organizationId: null, roles: [Role.ADMIN], scopes: [] };

  it('a client’s own x-lantoa-caller is ignored by the gateway, whatever key signed it', async () => {
    for (const key of [randomBytes(32).toString('base64url'), gatewaySecret]) {
      const forged = remember(await signCallerProof(adminCaller, 'forged', key));
      const res = await gql(main.url, ORGS, undefined, { [CALLER_HEADER]: forged });
      // The gateway forwarded the request as anonymous, and the subgraph refused it.
      expect(res.status).toBe(200);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      // Root lists are nullable (a subgraph that cannot answer leaves the rest): nothing of the list came back.
      expect(res.data?.organizations ?? null).toBeNull();
    }
  });

  it('a signed-in viewer stays a viewer even with an admin proof attached', async () => {
    const viewer = await signIn('xem@lantoa.vn');
    const forged = await signCallerProof(adminCaller, 'forged', gatewaySecret);
    const headers = { ...bearer(viewer.accessToken), [CALLER_HEADER]: forged };
    expect((await gql(main.url, ME, undefined, headers)).data!.me.email).toBe('xem@lantoa.vn');
    const write = await gql(main.url, CREATE_ORG, { input: { name: 'Chi bộ giả mạo', type: 'PARTY_CELL', level: 'COMMUNE' } }, headers);
    expect(codeOf(write)).toBe('FORBIDDEN');
  });

  it('the subgraphs answer 401 to anything without the gateway’s proof', async () => {
    const viewer = await signIn('xem@lantoa.vn');
    const wrongKey = await signCallerProof(adminCaller, 'forged', randomBytes(32).toString('base64url'));
    for (const url of [organizations.url, identity.url]) {
      const attempts: Record<string, string>[] = [{}, { [CALLER_HEADER]: wrongKey }, bearer(viewer.accessToken), { [CALLER_HEADER]: 'not.a.jwt' }];
      for (const headers of attempts) {
        const res = await gql(url, ORGS, undefined, headers);
        expect(res.status, `${url} ${JSON.stringify(Object.keys(headers))}`).toBe(401);
        expect(codeOf(res)).toBe('UNAUTHENTICATED');
      }
    }
    // identity's credential check too: only the gateway may ask it.
    const direct = await fetch(new URL('/internal/authenticate', identity.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: wrongKey },
      body: JSON.stringify({ credential: viewer.accessToken }),
    });
    expect(direct.status).toBe(401);
  });
});

describe('what the subgraphs receive', () => {
  it('one proof per request, for the verified caller, and none of the client’s headers', async () => {
    const admin = await signIn('admin@lantoa.vn');
    const g = await gateway({ ORGANIZATIONS_URL: orgProxy.url });
    const [i0, o0] = [proxy.graphql.length, orgProxy.graphql.length];
    const res = await gql(g.url, `{ me { email } ${ORGS.slice(1, -1)} }`, undefined, {
      ...bearer(admin.accessToken),
      'x-request-id': 'proof-once-1',
      cookie: 'session=client-cookie',
      [CALLER_HEADER]: 'client-sent',
    });
    expect(res.errors).toBeUndefined();
    const sent = [...proxy.graphql.slice(i0), ...orgProxy.graphql.slice(o0)];
    expect(sent).toHaveLength(2); // one fetch to each subgraph
    const proofs = new Set(sent.map((h) => h[CALLER_HEADER]));
    expect(proofs.size).toBe(1); // signed once, reused
    const proof = await verifyCallerProof([...proofs][0] as string, gatewaySecret);
    // The gateway's request id, not the client's (taken only from a trusted proxy).
    expect(proof.requestId).toBe(res.headers.get('x-request-id'));
    expect(proof.requestId).not.toBe('proof-once-1');
    expect(proof.caller).toMatchObject({ kind: 'user', name: 'admin@lantoa.vn', roles: ['ADMIN'] });
    for (const h of sent) {
      expect(h.authorization).toBeUndefined();
      expect(h.cookie).toBeUndefined();
      expect(h['x-request-id']).toBe(proof.requestId);
    }
  });
});

describe('anonymous callers', () => {
  it('reach public operations only', async () => {
    expect((await gql(main.url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    for (const query of [ORGS, ME]) {
      const res = await gql(main.url, query);
      expect(res.status).toBe(200);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    }
  });
});

// ---------- the credential cache ----------

describe('credential cache', () => {
  it('asks identity once for concurrent and repeated requests with one credential', async () => {
    const s = await signIn('kiemduyet@lantoa.vn');
    const before = proxy.counts.authenticate;
    const results = await Promise.all(Array.from({ length: 10 }, () => gql(main.url, ME, undefined, bearer(s.accessToken))));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (let i = 0; i < 5; i++) await gql(main.url, ME, undefined, bearer(s.accessToken));
    expect(proxy.counts.authenticate - before).toBe(1);
  });

  it('asks identity on every request when AUTH_CACHE_TTL_MS=0', async () => {
    const s = await signIn('kiemduyet@lantoa.vn');
    const before = proxy.counts.authenticate;
    for (let i = 0; i < 3; i++) expect((await gql(fresh.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
    expect(proxy.counts.authenticate - before).toBe(3);
  });
});

// ---------- identity down ----------

describe('when identity cannot be reached', () => {
  let orphan: RunningServer;
  let deadPort: number;
  let hung: RunningServer;
  const silent = net.createServer(() => undefined);
  const sockets: net.Socket[] = [];
  let authRequests = 0;
  let viewer: Session;

  beforeAll(async () => {
    viewer = await signIn('xem@lantoa.vn');
    deadPort = await freePort();
    orphan = await gateway({ IDENTITY_URL: `http://127.0.0.1:${deadPort}/graphql` });
    silent.on('connection', (s) => {
      sockets.push(s);
      s.on('data', (chunk: Buffer) => void (chunk.toString().startsWith('POST /internal/authenticate') && authRequests++));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    hung = await gateway({ IDENTITY_URL: `http://127.0.0.1:${port}/graphql`, AUTH_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers 503 SERVICE_UNAVAILABLE, not UNAUTHENTICATED', async () => {
    const res = await gql(orphan.url, ORGS, undefined, { ...bearer(viewer.accessToken), 'x-request-id': 'idp-down-1' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    const requestId = res.headers.get('x-request-id');
    expect(res.errors![0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId });
    for (const leak of [String(deadPort), 'ECONNREFUSED', 'fetch failed', viewer.accessToken]) expect(JSON.stringify(res)).not.toContain(leak);
    expect(logged.some((e) => e.level === 'error' && e.fields?.requestId === requestId)).toBe(true);
  });

  it('gives up after AUTH_TIMEOUT_MS', async () => {
    const t0 = Date.now();
    const res = await gql(hung.url, ORGS, undefined, bearer(viewer.accessToken));
    expect(res.status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('stops asking identity after three timeouts in a row, and answers 503 at once', async () => {
    // One timeout above; two more (other credentials: failures are never cached) open the circuit.
    for (const token of ['lt_not-cached-1', 'lt_not-cached-2']) expect((await gql(hung.url, ORGS, undefined, bearer(token))).status).toBe(503);
    const asked = authRequests;
    const res = await gql(hung.url, ORGS, undefined, bearer('lt_not-cached-3'));
    expect(res.status).toBe(503);
    expect(res.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(authRequests, 'identity is not asked while the circuit is open').toBe(asked);
  });

  it('still serves anonymous requests, and /readyz names identity', async () => {
    expect((await gql(orphan.url, '{ __typename }')).status).toBe(200);
    const ready = await fetch(new URL('/readyz', orphan.url));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', unavailable: ['identity'] });
    expect((await fetch(new URL('/readyz', main.url))).status).toBe(200);
    expect((await fetch(new URL('/healthz', orphan.url))).status).toBe(200);
  });
});

// ---------- rate limits ----------

/** The rate-limit behaviour, run once per backend. */
function rateLimitSuite(backend: 'memory' | 'redis') {
  const redisEnv = (): Record<string, string> => (backend === 'redis' ? { REDIS_URL } : {});
  const prefix = () => ({ rateLimitKeyPrefix: `lantoa-test:${randomUUID()}:` });

  let limited: RunningServer;
  let editor: Session;
  let viewer: Session;
  let token: string;

  beforeAll(async () => {
    const admin = await signIn('admin@lantoa.vn');
    editor = await signIn('bientap@lantoa.vn');
    viewer = await signIn('xem@lantoa.vn');
    token = (await apiToken(admin)).token;
    limited = await gateway({ ...redisEnv(), RATE_LIMIT_PER_MINUTE: '3', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '2' }, prefix());
  });

  const expectLimited = (res: Awaited<ReturnType<typeof gql>>) => {
    expect(res.status).toBe(429);
    expect(codeOf(res)).toBe('RATE_LIMITED');
    expect(res.errors![0]!.extensions!.requestId).toEqual(expect.any(String));
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.errors![0]!.extensions!.retryAfter).toBe(retryAfter);
  };

  it(`uses the ${backend} backend`, async () => {
    const ready = await fetch(new URL('/readyz', limited.url));
    expect(await ready.json()).toMatchObject({ status: 'ready', rateLimits: backend });
  });

  it('limits each signed-in user on their own', async () => {
    for (const remaining of ['2', '1', '0']) {
      const ok = await gql(limited.url, ME, undefined, bearer(editor.accessToken));
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-remaining')).toBe(remaining);
    }
    expectLimited(await gql(limited.url, ME, undefined, bearer(editor.accessToken)));
    // Another user has a budget of their own.
    expect((await gql(limited.url, ME, undefined, bearer(viewer.accessToken))).status).toBe(200);
  });

  it('limits API tokens too', async () => {
    for (let i = 0; i < 3; i++) expect((await gql(limited.url, ORGS, undefined, bearer(token))).status).toBe(200);
    expectLimited(await gql(limited.url, ORGS, undefined, bearer(token)));
  });

  it('limits anonymous callers by IP, ignoring X-Forwarded-For unless TRUST_PROXY', async () => {
    for (let i = 0; i < 2; i++) expect((await gql(limited.url, '{ __typename }')).status).toBe(200);
    expectLimited(await gql(limited.url, '{ __typename }'));
    expectLimited(await gql(limited.url, '{ __typename }', undefined, { 'x-forwarded-for': '203.0.113.9' }));
  });

  it('with TRUST_PROXY, counts per forwarded client address', async () => {
    const proxied = await gateway({ ...redisEnv(), ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' }, prefix());
    const from = (ip: string) => gql(proxied.url, '{ __typename }', undefined, { 'x-forwarded-for': `198.51.100.1, ${ip}` });
    expect((await from('203.0.113.1')).status).toBe(200);
    expectLimited(await from('203.0.113.1'));
    expect((await from('203.0.113.2')).status).toBe(200);
  });

  it('refuses a flood of bad credentials from one address without asking identity', async () => {
    const guard = await gateway({ ...redisEnv(), ANONYMOUS_RATE_LIMIT_PER_MINUTE: '2' }, prefix());
    expect((await gql(guard.url, ME, undefined, bearer(viewer.accessToken))).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await gql(guard.url, ORGS, undefined, bearer(`bad-${i}`))).status).toBe(401);
    const before = proxy.counts.authenticate;
    expectLimited(await gql(guard.url, ORGS, undefined, bearer('bad-2')));
    // Past the limit, credentials the gateway would have to check are refused unchecked, valid or not, for the window …
    expectLimited(await gql(guard.url, ME, undefined, bearer(editor.accessToken)));
    expect(proxy.counts.authenticate).toBe(before);
    // … while one it has already verified (cached) goes on working on its own budget.
    expect((await gql(guard.url, ME, undefined, bearer(viewer.accessToken))).status).toBe(200);
  });

  if (backend === 'redis') {
    it('shares one budget across gateway instances', async () => {
      const shared = prefix();
      const [a, b] = [await gateway({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '3' }, shared), await gateway({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '3' }, shared)];
      const s = await signIn('kiemduyet@lantoa.vn');
      expect((await gql(a.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
      expect((await gql(a.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
      expect((await gql(b.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
      expectLimited(await gql(b.url, ME, undefined, bearer(s.accessToken)));
      expectLimited(await gql(a.url, ME, undefined, bearer(s.accessToken)));
    });

    it('falls back to memory while Redis is down, says so, and returns to Redis', async () => {
      const relay = await tcpRelay(Number(new URL(REDIS_URL).port || 6379));
      const g = await gateway({ REDIS_URL: `redis://127.0.0.1:${relay.port}`, RATE_LIMIT_PER_MINUTE: '3' }, prefix());
      const readyz = async () => ((await (await fetch(new URL('/readyz', g.url))).json()) as { rateLimits: string }).rateLimits;
      expect(await readyz()).toBe('redis');
      const s = await signIn('tichhop@lantoa.vn');
      expect((await gql(g.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);

      const warnings = logged.length;
      await relay.cut();
      // Still served, still limited (now per instance, from zero), and the log says why.
      for (let i = 0; i < 3; i++) expect((await gql(g.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
      expectLimited(await gql(g.url, ME, undefined, bearer(s.accessToken)));
      expect(logged.slice(warnings).some((e) => e.level === 'warn' && /Redis is unavailable/.test(e.msg))).toBe(true);
      expect(await readyz()).toBe('memory');

      await relay.restore();
      await eventually(async () => expect(await readyz()).toBe('redis'));
      // Back on the shared counter, which had seen one request this window.
      expect((await gql(g.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
      expect((await gql(g.url, ME, undefined, bearer(s.accessToken))).status).toBe(200);
      expectLimited(await gql(g.url, ME, undefined, bearer(s.accessToken)));
      await relay.cut();
    });
  }
}

describe('rate limits in memory', () => rateLimitSuite('memory'));
// A developer's machine without Redis skips the shared limits (vitest reports them skipped). CI must
// test them: there a missing Redis fails the run (.ci/run installs and starts one when none answers).
if (redisUp) describe(`rate limits in Redis (${REDIS_URL})`, () => rateLimitSuite('redis'));
else if (process.env.CI === 'true') {
  describe(`rate limits in Redis (${REDIS_URL})`, () => {
    it('has a Redis server to run against under CI', () => {
      expect.fail(`No Redis answers at ${REDIS_URL}: under CI=true the shared rate-limit code must be tested, not skipped.`);
    });
  });
} else describe.skip(`rate limits in Redis (${REDIS_URL}): no Redis answers`, () => rateLimitSuite('redis'));

// ---------- last: what was written down ----------

describe('secrets', () => {
  it('never appear in the gateway’s log', () => {
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    for (const s of secrets) expect(text.includes(s), 'a secret was logged').toBe(false);
    expect(logged.some((e) => e.msg === 'credential refused')).toBe(true);
  });
});
