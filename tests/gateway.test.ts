import { gatewayVariables, loadGatewayConfig, startGateway } from '@lantoa/gateway';
import { ConfigError, createLogger, type Logger, type RunningServer } from '@lantoa/kit';
import { createTestDatabase, freePort, gql, gqlOk, type TestDatabase } from '@lantoa/kit/testing';
import { DEMO_PASSWORD, subgraph as identitySubgraph } from '@lantoa/identity';
import { seedSubgraph, type RunningSubgraph } from '@lantoa/kit';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { gunzipSync } from 'node:zlib';
import { isAbsolute } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraphs } from './support/subgraphs.js';
import { loadDescriptor } from '../scripts/lib/subgraphs.js';

const ALLOWED_ORIGIN = 'http://localhost:5173';
const SECRET = randomBytes(32).toString('base64');

interface LogEntry {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

/** A real logger that also keeps what it wrote, to find a masked error's request id in the log. */
function recordingLogger(entries: LogEntry[]): Logger {
  const quiet = createLogger('gateway-test');
  const keep = (level: keyof Logger) => (msg: string, fields?: Record<string, unknown>) => {
    entries.push({ level, msg, fields });
    if (level === 'error' && process.env.TEST_VERBOSE) quiet.error(msg, fields);
  };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Plain node:http, so nothing decompresses or hides headers behind our back. */
function raw(url: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const originOf = (graphqlUrl: string) => new URL(graphqlUrl).origin;

let identityUrl = 'http://127.0.0.1:1/graphql'; // set once identity runs
/** Every running subgraph's URL variable: the gateway's /readyz needs all of them ready. */
let subgraphUrls: Record<string, string> = {};
const gatewayEnv = (organizationsUrl: string, extra: Record<string, string> = {}) =>
  loadGatewayConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: '0',
    GATEWAY_SECRET: SECRET,
    ...subgraphUrls,
    ORGANIZATIONS_URL: organizationsUrl,
    IDENTITY_URL: identityUrl,
    // Limits are tested in gateway-auth.test.ts; here they must not get in the way.
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...extra,
  });

/** The committed supergraph (tests/schema.test.ts keeps it in step with the code), as the gateway serves it. */
async function composeSupergraph(): Promise<string> {
  return readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
}
let supergraphSdl: string;
const start = (config: Parameters<typeof startGateway>[0], opts: Parameters<typeof startGateway>[1] = {}) => startGateway(config, { supergraphSdl, ...opts });

/** Headers of the signed-in admin. */
let asAdmin: Record<string, string> = {};

const CREATE = `mutation Create($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name type level version }
}`;

describe('loadGatewayConfig', () => {
  it('has defaults for every variable but GATEWAY_SECRET', () => {
    const c = loadGatewayConfig({ GATEWAY_SECRET: SECRET });
    expect(c).toMatchObject({
      PORT: 4000,
      CORS_ORIGINS: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      SUBGRAPH_TIMEOUT_MS: 10_000,
      SUBGRAPH_MAX_SOCKETS: 64,
      MAX_DEPTH: 12,
      MAX_ALIASES: 15,
      MAX_COST: 5_000,
      MAX_TOKENS: 3_000,
      MAX_DIRECTIVES: 50,
      BODY_LIMIT: '1300kb',
      AUTH_CACHE_TTL_MS: 10_000,
      AUTH_TIMEOUT_MS: 3_000,
      RATE_LIMIT_PER_MINUTE: 600,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: 60,
      TRUST_PROXY: false,
      subgraphUrls: { organizations: 'http://127.0.0.1:4001/graphql', identity: 'http://127.0.0.1:4002/graphql' },
      identityUrl: 'http://127.0.0.1:4002/graphql',
    });
    expect(c.REDIS_URL).toBeUndefined();
    expect(isAbsolute(c.SUPERGRAPH_PATH) && c.SUPERGRAPH_PATH.endsWith('schema/supergraph.graphql')).toBe(true);
    expect(gatewayVariables).toEqual(expect.arrayContaining(['GATEWAY_SECRET', 'REDIS_URL', 'TRUST_PROXY', 'IDENTITY_URL', 'ORGANIZATIONS_URL']));
  });

  it('reads the auth and rate-limit variables', () => {
    const c = loadGatewayConfig({
      GATEWAY_SECRET: SECRET,
      AUTH_CACHE_TTL_MS: '0',
      REDIS_URL: 'redis://cache.internal:6379/2',
      RATE_LIMIT_PER_MINUTE: '1200',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '30',
      TRUST_PROXY: 'true',
      IDENTITY_URL: 'http://identity:4002/graphql',
    });
    expect(c).toMatchObject({
      AUTH_CACHE_TTL_MS: 0,
      REDIS_URL: 'redis://cache.internal:6379/2',
      RATE_LIMIT_PER_MINUTE: 1200,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: 30,
      TRUST_PROXY: true,
      identityUrl: 'http://identity:4002/graphql',
    });
    expect(loadGatewayConfig({ GATEWAY_SECRET: SECRET, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('refuses bad values, naming each variable', () => {
    const bad = {
      ORGANIZATIONS_URL: 'not a url',
      MAX_DEPTH: 'deep',
      SUBGRAPH_TIMEOUT_MS: '0',
      CORS_ORIGINS: 'https://console.example.vn/',
      BODY_LIMIT: 'lots',
      GATEWAY_SECRET: 'too short',
      AUTH_CACHE_TTL_MS: '-1',
      REDIS_URL: 'http://cache:6379',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: 'maybe',
    };
    expect(() => loadGatewayConfig(bad)).toThrow(ConfigError);
    try {
      loadGatewayConfig(bad);
    } catch (err) {
      for (const name of Object.keys(bad)) expect((err as Error).message).toContain(name);
    }
  });

  it('refuses to start without GATEWAY_SECRET', () => {
    expect(() => loadGatewayConfig({})).toThrow(/GATEWAY_SECRET/);
  });
});

describe('gateway over real HTTP', () => {
  let db: TestDatabase;
  let organizations: RunningSubgraph;
  let identity: RunningSubgraph;
  let gateway: RunningServer;
  const log: LogEntry[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('gateway');
    const subgraphs = await startSubgraphs(db.url, { GATEWAY_SECRET: SECRET, JWT_SECRET: randomBytes(32).toString('base64') }, { seed: false });
    ({ organizations, identity } = subgraphs.byName as Record<'organizations' | 'identity', RunningSubgraph>);
    identityUrl = identity.url;
    subgraphUrls = subgraphs.urlEnv;
    await seedSubgraph(identitySubgraph, db.url);
    // Tasks to list while organizations is down (their demo data needs no organization rows).
    await seedSubgraph(await loadDescriptor('directives'), db.url);
    supergraphSdl = await composeSupergraph();
    gateway = await start(gatewayEnv(organizations.url), { log: recordingLogger(log) });
    const { signIn } = await gqlOk(gateway.url, 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', {
      e: 'admin@lantoa.vn',
      p: DEMO_PASSWORD,
    });
    asAdmin = { authorization: `Bearer ${signIn.accessToken}` };
  });

  afterAll(async () => {
    await gateway?.stop();
    await organizations?.stop().catch(() => undefined);
    await identity?.stop().catch(() => undefined);
    await db?.drop();
  });

  it('creates an organization through the gateway and reads it back', async () => {
    const input = { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', type: 'PARTY_ADVISORY', level: 'PROVINCE' };
    const { createOrganization: created } = await gqlOk(gateway.url, CREATE, { input }, asAdmin);
    expect(created).toMatchObject({ ...input, version: 1 });

    const read = await gqlOk(
      gateway.url,
      `query ($id: ID!) {
        organization(id: $id) { id name type level }
        organizations(filter: { ids: [$id] }) { totalCount nodes { id } }
      }`,
      { id: created.id },
      asAdmin,
    );
    expect(read.organization).toEqual({ id: created.id, ...input });
    expect(read.organizations).toEqual({ totalCount: 1, nodes: [{ id: created.id }] });
  });

  it('passes BAD_USER_INPUT from the subgraph through with its fields', async () => {
    const res = await gql(gateway.url, CREATE, { input: { name: '   ', type: 'PARTY_ADVISORY', level: 'PROVINCE', docAbbr: 'not valid' } }, asAdmin);
    expect(res.data).toBeNull();
    const err = res.errors?.[0];
    expect(err?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = err?.extensions?.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['input.name', 'input.docAbbr']));
    expect(err?.extensions).not.toHaveProperty('serviceName');
    expect(err?.extensions).not.toHaveProperty('stacktrace');
  });

  it('answers /healthz and /readyz', async () => {
    const origin = originOf(gateway.url);
    const health = await raw(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
    const ready = await raw(`${origin}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('makes its own x-request-id: a client’s is taken only from a trusted proxy (tests/hardening.test.ts)', async () => {
    const given = await postJson(gateway.url, { query: '{ __typename }' }, { 'x-request-id': 'test-req-0001' });
    expect(given.status).toBe(200);
    expect(given.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const made = await postJson(gateway.url, { query: '{ __typename }' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    // A header that could smuggle text into logs is replaced, not echoed.
    const hostile = await postJson(gateway.url, { query: '{ __typename }' }, { 'x-request-id': 'a b"c' });
    expect(hostile.headers['x-request-id']).not.toBe('a b"c');
  });

  it('sends CORS headers to allowed origins only', async () => {
    const allowed = await postJson(gateway.url, { query: '{ __typename }' }, { origin: ALLOWED_ORIGIN });
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-expose-headers']).toContain('x-request-id');

    const preflight = await raw(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);

    const foreign = await postJson(gateway.url, { query: '{ __typename }' }, { origin: 'https://evil.example.com' });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const foreignPreflight = await raw(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(foreignPreflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a query deeper than MAX_DEPTH with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ organizations { nodes { ${'parent { '.repeat(20)}id${' }'.repeat(20)} } } }`;
    const res = await gql(gateway.url, deep);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COMPLEX');
    expect(res.errors?.some((e) => /depth limit of 12/i.test(e.message))).toBe(true);
  });

  it('refuses a query with more than MAX_ALIASES aliases with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: organizations(first: 1) { totalCount }`).join('\n');
    const res = await gql(gateway.url, `{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a document with more than MAX_TOKENS tokens with QUERY_TOO_COMPLEX', async () => {
    const res = await gql(gateway.url, `{ ${'__typename '.repeat(3_100)}}`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses a body over BODY_LIMIT with 413 and a GraphQL-shaped error', async () => {
    const res = await postJson(gateway.url, { query: '{ __typename }', variables: { pad: 'x'.repeat(1_400_000) } }, { 'x-request-id': 'too-big-1' });
    expect(res.status).toBe(413);
    const body = JSON.parse(res.body.toString()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', requestId: res.headers['x-request-id'] });
    expect(body.errors[0]?.message).toMatch(/larger than the limit/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await raw(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('serves introspection in development, with field suggestions', async () => {
    const res = await gqlOk(gateway.url, '{ __schema { queryType { name } types { name } } }');
    expect(res.__schema.queryType.name).toBe('Query');
    expect(res.__schema.types.map((t: { name: string }) => t.name)).toContain('Organization');

    const typo = await gql(gateway.url, '{ organizationz { totalCount } }');
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('gzips a large response when asked', async () => {
    const query = '{ __schema { types { name description fields { name description } } } }';
    const res = await postJson(gateway.url, { query }, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(res.body).toString()) as { data: { __schema: { types: unknown[] } } };
    expect(json.data.__schema.types.length).toBeGreaterThan(10);
    expect(res.body.length).toBeLessThan(gunzipSync(res.body).length);

    const plain = await postJson(gateway.url, { query }, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  describe('in production', () => {
    let production: RunningServer;
    beforeAll(async () => {
      production = await start(gatewayEnv(organizations.url, { NODE_ENV: 'production' }), { log: recordingLogger([]) });
    });
    afterAll(() => production?.stop());

    it('refuses introspection', async () => {
      const res = await gql(production.url, '{ __schema { queryType { name } } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it('gives no field suggestions', async () => {
      const res = await gql(production.url, '{ organizationz { totalCount } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|organizations/);
    });

    it('still serves ordinary queries', async () => {
      const res = await gqlOk(production.url, '{ organizations(first: 1) { totalCount } }', undefined, asAdmin);
      expect(res.organizations.totalCount).toBeGreaterThanOrEqual(1);
    });
  });

  describe('with a subgraph that is not running', () => {
    let orphan: RunningServer;
    let deadUrl: string;
    const orphanLog: LogEntry[] = [];
    beforeAll(async () => {
      deadUrl = `http://127.0.0.1:${await freePort()}/graphql`;
      orphan = await start(gatewayEnv(deadUrl), { log: recordingLogger(orphanLog), readyTimeoutMs: 500 });
    });
    afterAll(() => orphan?.stop());

    it('answers SERVICE_UNAVAILABLE with the path of the missing part, and logs the cause under the request id', async () => {
      const res = await gql(orphan.url, '{ organizations { totalCount } }', undefined, { 'x-request-id': 'down-req-42' });
      expect(res.status).toBe(200);
      const err = res.errors?.[0];
      const requestId = res.headers.get('x-request-id');
      expect(err?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId });
      expect(err?.path).toEqual(['organizations']);
      const text = JSON.stringify(res);
      for (const leak of [new URL(deadUrl).port, '127.0.0.1', 'ECONNREFUSED', 'fetch failed', 'stack']) {
        expect(text).not.toContain(leak);
      }
      const logged = orphanLog.find((e) => e.level === 'warn' && e.fields?.requestId === requestId);
      expect(String(logged?.fields?.reason), 'the cause is logged under the request id').toContain('ECONNREFUSED');
    });

    it('says a change to a subgraph that refused the connection was not made', async () => {
      const res = await gql(orphan.url, 'mutation { createOrganization(input: { name: "Ban thử", type: PARTY_ADVISORY, level: PROVINCE }) { id } }');
      expect(res.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['SERVICE_UNAVAILABLE', ['createOrganization']]]);
      expect(res.errors?.[0]?.message).toMatch(/Try again shortly/);
    });

    it('keeps what the other subgraphs answered', async () => {
      // identity serves me and its email; the organization's name would come from the missing subgraph.
      const res = await gql(orphan.url, '{ me { email organization { id name } } }', undefined, asAdmin);
      expect(res.data).toEqual({ me: { email: 'admin@lantoa.vn', organization: null } });
      expect(res.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['SERVICE_UNAVAILABLE', ['me', 'organization']]]);
    });

    it('keeps the other subgraphs’ lists, and their rows whose organization cannot be named', async () => {
      const res = await gql(
        orphan.url,
        '{ organizations { totalCount } tasks(first: 3) { totalCount nodes { title leadOrganization { name } } } me { email } }',
        undefined,
        asAdmin,
      );
      expect(res.data!.organizations).toBeNull();
      expect(res.data!.me).toEqual({ email: 'admin@lantoa.vn' });
      const tasks = res.data!.tasks as { totalCount: number; nodes: { title: string; leadOrganization: unknown }[] };
      expect(tasks.nodes.length).toBeGreaterThan(0);
      expect(tasks.nodes.every((t) => t.title && t.leadOrganization === null)).toBe(true);
      expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(res.errors?.map((e) => e.path)).toEqual(expect.arrayContaining([['organizations']]));
    });

    it('is not ready', async () => {
      const res = await raw(`${originOf(orphan.url)}/readyz`);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body.toString())).toMatchObject({ status: 'unavailable', unavailable: ['organizations'] });
    });
  });

  describe('with a subgraph that accepts connections but never answers', () => {
    let hung: RunningServer;
    const silent = net.createServer(() => undefined);
    let graphqlRequests = 0;
    const sockets: net.Socket[] = [];
    beforeAll(async () => {
      silent.on('connection', (s) => {
        sockets.push(s);
        s.on('data', (chunk: Buffer) => void (chunk.toString().startsWith('POST /graphql') && graphqlRequests++));
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as net.AddressInfo;
      hung = await start(gatewayEnv(`http://127.0.0.1:${port}/graphql`, { SUBGRAPH_TIMEOUT_MS: '300' }), {
        log: recordingLogger([]),
        readyTimeoutMs: 300,
        // Long enough that the circuit cannot close again during the test.
        subgraphBreaker: { threshold: 3, coolDownMs: 60_000 },
      });
    });
    afterAll(async () => {
      await hung?.stop();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up after SUBGRAPH_TIMEOUT_MS with SERVICE_UNAVAILABLE', async () => {
      const started = Date.now();
      const res = await gql(hung.url, '{ organizations { totalCount } }');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await raw(`${originOf(hung.url)}/readyz`)).status).toBe(503);
    });

    it('says a change sent before the timeout may or may not have been made', async () => {
      const res = await gql(hung.url, 'mutation { createOrganization(input: { name: "Ban thử", type: PARTY_ADVISORY, level: PROVINCE }) { id } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.errors?.[0]?.path).toEqual(['createOrganization']);
      expect(res.errors?.[0]?.message).toMatch(/may or may not have been made/);
    });

    it('stops sending requests to it after three timeouts in a row, and refuses at once', async () => {
      // Two timeouts so far (above); the third opens the circuit.
      expect((await gql(hung.url, '{ organizations { totalCount } }')).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const reached = graphqlRequests;
      const res = await gql(hung.url, '{ organizations { totalCount } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(graphqlRequests, 'no request reaches it while the circuit is open').toBe(reached);
      expect(JSON.parse((await raw(`${originOf(hung.url)}/readyz`)).body.toString())).toMatchObject({ circuits: { organizations: 'open' } });
    });
  });

  // Last: these break the subgraph the other tests use.
  describe('when the subgraph fails', () => {
    it('answers SERVICE_UNAVAILABLE with the path, not an internal error, while a subgraph’s database is unavailable', async () => {
      await organizations.orm.close(true);
      const res = await gql(gateway.url, '{ organizations { totalCount } }', undefined, { ...asAdmin, 'x-request-id': 'fwd-req-7' });
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId: res.headers.get('x-request-id') });
      expect(res.errors?.[0]?.path).toEqual(['organizations']);
      expect(res.errors?.[0]?.message).toBe('The database is unavailable right now. Try again shortly.');
    });

    it('is not ready while a subgraph’s database is unavailable, though every process is up', async () => {
      const res = await raw(`${originOf(gateway.url)}/readyz`);
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body.toString())).toMatchObject({ status: 'unavailable', unavailable: ['organizations'] });
      expect((await raw(`${new URL(organizations.url).origin}/healthz`)).status).toBe(200);
    });

    it('reports 503 on /readyz once the subgraph is stopped', async () => {
      await organizations.stop().catch(() => undefined);
      const res = await raw(`${originOf(gateway.url)}/readyz`);
      expect(res.status).toBe(503);
      expect((await raw(`${originOf(gateway.url)}/healthz`)).status).toBe(200);
    });
  });
});
