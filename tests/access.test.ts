/**
 * The access matrix of issue #3: every principal — no credentials, each role,
 * API tokens of each scope, an expired access token, a revoked API token,
 * garbage, a forged caller header — against every query and mutation that
 * exists, through the gateway and directly against each subgraph, each cell
 * checked against the rule table in tests/access/rules.ts.
 *
 * The operations come from the schema, not from a list kept here: the
 * committed supergraph (what the gateway serves) and each running subgraph's
 * own SDL (`_service { sdl }`, what it answers directly). A new query or
 * mutation without a rule fails the first test below.
 *
 * The whole matrix is printed (TEST_VERBOSE is not needed), and a failure
 * lists every wrong cell at once.
 */
import { loadGatewayConfig, startGateway } from '@lantoa/gateway';
import { DEMO_PASSWORD, JWT_AUDIENCE, JWT_ISSUER } from '@lantoa/identity';
import { ANONYMOUS, CALLER_HEADER, createLogger, Role, signCallerProof, TokenScope, type Caller, type Logger, type RunningServer } from '@lantoa/kit';
import { createTestDatabase, gql, type TestDatabase } from '@lantoa/kit/testing';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, pool, renderMatrix, verdict, type Column, type Got, type Row } from './access/matrix.js';
import { subgraphOperations, supergraphOperations, type SchemaOperation } from './access/operations.js';
import { startSubgraphs, type Subgraphs } from './support/subgraphs.js';
import { expectedOutcome, mutations, queries, ruleFor, type AccessRule, type Expected, type Fixtures, type Identity, type TreatedAs } from './access/rules.js';

// ---------- principals ----------

interface Principal extends Column {
  as: TreatedAs;
  headers: Record<string, string>;
  /** HTTP 401 cells: what the refusal must say (so that it is refused for the right reason). */
  reason?: RegExp;
  /** Signed-in users: a new session, for cells that end the principal's own sessions. */
  freshHeaders?: () => Promise<Record<string, string>>;
}

const USERS: { key: string; label: string; email: string; identity: Identity; role: Role }[] = [
  { key: 'admin', label: 'adm', email: 'admin@lantoa.vn', identity: 'ADMIN', role: Role.ADMIN },
  { key: 'editor', label: 'edit', email: 'bientap@lantoa.vn', identity: 'EDITOR', role: Role.EDITOR },
  { key: 'reviewer', label: 'rev', email: 'kiemduyet@lantoa.vn', identity: 'REVIEWER', role: Role.REVIEWER },
  { key: 'viewer', label: 'view', email: 'xem@lantoa.vn', identity: 'VIEWER', role: Role.VIEWER },
  { key: 'integrator', label: 'intg', email: 'tichhop@lantoa.vn', identity: 'INTEGRATOR', role: Role.INTEGRATOR },
];
/** A demo user who is none of the principals: the sign-in samples use this account. */
const THROWAWAY = 'bientap.babe@lantoa.vn';

const SIGN_IN =
  'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken refreshToken user { id email organizationId roles } } }';
const CREATE_TOKEN = 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }';
const REVOKE_TOKEN = 'mutation ($id: ID!) { revokeApiToken(id: $id) { active } }';

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; organizationId: string | null; roles: Role[] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const proofHeader = async (caller: Caller, requestId: string, secret: string, ttlSeconds = 600) => ({
  [CALLER_HEADER]: await signCallerProof(caller, requestId, secret, ttlSeconds),
});

/** Errors only: 401s and refusals are the point of this file, not news. */
const quiet = (): Logger => {
  const real = createLogger('access-test');
  return { debug: () => undefined, info: () => undefined, warn: () => undefined, error: real.error };
};

// ---------- the stack ----------

const gatewaySecret = randomBytes(32).toString('base64url');
const jwtSecret = randomBytes(32).toString('base64url');

let db: TestDatabase;
let subgraphs: Subgraphs;
let gateway: RunningServer;
let subgraphUrls: Record<string, string>;

let gatewayPrincipals: Principal[];
let directPrincipals: Principal[];
let supergraphOps: SchemaOperation[];
let subgraphOps: Record<string, SchemaOperation[]>;
let fixtures: Fixtures;

async function signIn(email: string): Promise<Session> {
  const res = await gql<{ signIn: Session }>(gateway.url, SIGN_IN, { email, password: DEMO_PASSWORD });
  if (res.errors || !res.data) throw new Error(`signing in as ${email} failed: ${JSON.stringify(res.errors)}`);
  return res.data.signIn;
}

async function adminCall<T>(admin: Session, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(gateway.url, query, variables, bearer(admin.accessToken));
  if (res.errors || !res.data) throw new Error(`${query.slice(0, 40)}… failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

beforeAll(async () => {
  db = await createTestDatabase('access_matrix');
  subgraphs = await startSubgraphs(db.url, { GATEWAY_SECRET: gatewaySecret, JWT_SECRET: jwtSecret });
  subgraphUrls = Object.fromEntries(Object.entries(subgraphs.byName).map(([name, s]) => [name, s.url]));
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    GATEWAY_SECRET: gatewaySecret,
    ...subgraphs.urlEnv,
    // The matrix sends a few hundred requests per principal, and many refused credentials from one address.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const supergraphSdl = await readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
  gateway = await startGateway(config, { supergraphSdl, log: quiet(), readyTimeoutMs: 500 });

  // ----- who is who -----
  const sessions = new Map<string, Session>();
  await Promise.all(
    USERS.map(async (u) => {
      const s = await signIn(u.email);
      // The principal must be what its column says, or the whole row means nothing.
      if (JSON.stringify(s.user.roles) !== JSON.stringify([u.role])) throw new Error(`${u.email} has roles ${s.user.roles}, expected [${u.role}]`);
      sessions.set(u.key, s);
    }),
  );
  const admin = sessions.get('admin')!;
  const organizationId = admin.user.organizationId;
  if (!organizationId) throw new Error('the demo admin has no organization');
  const token = async (scopes: TokenScope[]) => {
    const name = `access matrix ${scopes.join('+')} ${randomUUID().slice(0, 8)}`;
    const { createApiToken } = await adminCall<{ createApiToken: { token: string; apiToken: { id: string } } }>(admin, CREATE_TOKEN, {
      input: { name, scopes, organizationId },
    });
    const caller: Caller = { kind: 'token', id: createApiToken.apiToken.id, name, organizationId, roles: [Role.INTEGRATOR], scopes };
    return { token: createApiToken.token, caller };
  };
  const [readToken, writeToken, revokedToken] = await Promise.all([token([TokenScope.READ]), token([TokenScope.WRITE]), token([TokenScope.READ])]);
  // Revoked before its first use, so no gateway cache can remember it as valid.
  const revoked = await adminCall<{ revokeApiToken: { active: boolean } }>(admin, REVOKE_TOKEN, { id: revokedToken.caller.id });
  expect(revoked.revokeApiToken.active).toBe(false);

  // The admin's own access token, as identity made it, but expired an hour ago (signed with identity's real key).
  const claims = decodeJwt(admin.accessToken);
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ sva: claims.sva, sid: claims.sid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setSubject(String(claims.sub))
    .setJti(randomUUID())
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 3600)
    .sign(new TextEncoder().encode(jwtSecret));

  const userCaller = (s: Session): Caller => ({
    kind: 'user',
    id: s.user.id,
    name: s.user.email,
    organizationId: s.user.organizationId,
    roles: s.user.roles,
    scopes: [],
  });
  // What a forger would claim: the real admin, with every role.
  const claimedAdmin: Caller = { ...userCaller(admin), roles: [Role.ADMIN] };
  const wrongKey = randomBytes(32).toString('base64url');

  const users = USERS.map((u) => ({ ...u, session: sessions.get(u.key)! }));
  gatewayPrincipals = [
    { key: 'anonymous', label: 'anon', title: 'anonymous (no Authorization)', as: 'anonymous', headers: {} },
    ...users.map((u): Principal => ({
      key: u.key,
      label: u.label,
      title: `${u.identity} user ${u.email}`,
      as: u.identity,
      headers: bearer(u.session.accessToken),
      freshHeaders: async () => bearer((await signIn(u.email)).accessToken),
    })),
    { key: 'tokenRead', label: 'tokR', title: 'API token [READ]', as: 'TOKEN_READ', headers: bearer(readToken.token) },
    { key: 'tokenWrite', label: 'tokW', title: 'API token [WRITE]', as: 'TOKEN_WRITE', headers: bearer(writeToken.token) },
    { key: 'expired', label: 'exp', title: 'expired access token of the admin', as: 'refused', headers: bearer(expired), reason: /expired/i },
    { key: 'revoked', label: 'rvkd', title: 'revoked API token', as: 'refused', headers: bearer(revokedToken.token), reason: /revoked/i },
    { key: 'garbage', label: 'junk', title: 'garbage bearer token', as: 'refused', headers: bearer('not-a-token'), reason: /invalid/i },
    {
      key: 'forged',
      label: 'forg',
      title: 'forged x-lantoa-caller (ADMIN, wrong key), no Authorization',
      as: 'anonymous',
      headers: await proofHeader(claimedAdmin, 'forged', wrongKey),
    },
    {
      key: 'forgedRealKey',
      label: 'forg*',
      title: 'forged x-lantoa-caller (ADMIN, signed with the real gateway secret), no Authorization',
      as: 'anonymous',
      headers: await proofHeader(claimedAdmin, 'forged', gatewaySecret),
    },
  ];

  directPrincipals = [
    { key: 'noProof', label: 'none', title: 'no proof, no Authorization', as: 'refused', headers: {} },
    { key: 'bearerOnly', label: 'bear', title: 'the admin’s valid access token, but no proof', as: 'refused', headers: bearer(admin.accessToken) },
    {
      key: 'forgedProof',
      label: 'forg',
      title: 'proof claiming ADMIN, signed with a wrong key',
      as: 'refused',
      headers: await proofHeader(claimedAdmin, 'forged', wrongKey),
    },
    {
      key: 'expiredProof',
      label: 'expP',
      title: 'proof claiming ADMIN, real key, expired',
      as: 'refused',
      headers: await proofHeader(claimedAdmin, 'expired', gatewaySecret, -60),
    },
    {
      key: 'anonymousProof',
      label: 'anonP',
      title: 'valid proof of an anonymous caller',
      as: 'anonymous',
      headers: await proofHeader(ANONYMOUS, 'anonymous', gatewaySecret),
    },
    ...(await Promise.all(
      users.map(async (u): Promise<Principal> => ({
        key: u.key,
        label: u.label,
        title: `valid proof of ${u.identity} user ${u.email}`,
        as: u.identity,
        headers: await proofHeader(userCaller(u.session), u.key, gatewaySecret),
      })),
    )),
    {
      key: 'tokenRead',
      label: 'tokR',
      title: 'valid proof of an API token [READ]',
      as: 'TOKEN_READ',
      headers: await proofHeader(readToken.caller, 'tokenRead', gatewaySecret),
    },
    {
      key: 'tokenWrite',
      label: 'tokW',
      title: 'valid proof of an API token [WRITE]',
      as: 'TOKEN_WRITE',
      headers: await proofHeader(writeToken.caller, 'tokenWrite', gatewaySecret),
    },
  ];

  fixtures = {
    throwaway: { email: THROWAWAY, password: DEMO_PASSWORD },
    freshRefreshToken: async () => (await signIn(THROWAWAY)).refreshToken,
  };

  // ----- what exists -----
  supergraphOps = supergraphOperations(supergraphSdl);
  const serviceProof = await proofHeader(userCaller(admin), 'sdl', gatewaySecret);
  subgraphOps = {};
  for (const [name, url] of Object.entries(subgraphUrls)) {
    const res = await gql<{ _service: { sdl: string } }>(url, '{ _service { sdl } }', undefined, serviceProof);
    if (!res.data?._service.sdl) throw new Error(`${name} did not serve its SDL: ${JSON.stringify(res.errors)}`);
    subgraphOps[name] = subgraphOperations(res.data._service.sdl, name);
  }
});

afterAll(async () => {
  await gateway?.stop().catch(() => undefined);
  await subgraphs?.stop();
  await db?.drop();
});

// ---------- the rule table covers the schema ----------

const opKey = (op: { type: string; name: string }) => `${op.type} ${op.name}`;

/** Every operation that exists anywhere: the supergraph's API and each subgraph's own root fields. */
function allOperations(): SchemaOperation[] {
  const all = new Map<string, SchemaOperation>();
  for (const op of [...supergraphOps, ...Object.values(subgraphOps).flat()]) {
    const seen = all.get(opKey(op));
    all.set(opKey(op), seen ? { ...seen, subgraphs: [...new Set([...seen.subgraphs, ...op.subgraphs])].sort() } : op);
  }
  return [...all.values()];
}

/** What is wrong with a rule's sample document, if anything. */
function documentProblem(op: SchemaOperation, rule: AccessRule): string | undefined {
  let definitions;
  try {
    definitions = parse(rule.document).definitions;
  } catch (err) {
    return `does not parse: ${(err as Error).message}`;
  }
  const ops = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1) return 'must hold exactly one operation';
  if (ops[0]!.operation !== op.type) return `is a ${ops[0]!.operation}, not a ${op.type}`;
  const fields = ops[0]!.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename');
  if (fields.length !== 1 || fields[0]!.kind !== Kind.FIELD || fields[0]!.name.value !== op.name) return `must select ${op.name} (and only it) at the root`;
  return undefined;
}

describe('the rule table', () => {
  it('has a rule for every query and mutation that exists, with a sample that calls it', () => {
    const problems: string[] = [];
    expect(supergraphOps.length, 'no operations found in schema/supergraph.graphql').toBeGreaterThan(10);
    for (const op of allOperations()) {
      const rule = ruleFor(op.type, op.name);
      if (!rule) {
        problems.push(`no access rule for ${op.type} ${op.name} (served by ${op.subgraphs.join(', ')}): add one to tests/access/rules.ts`);
        continue;
      }
      if (!op.subgraphs.includes(rule.subgraph))
        problems.push(`the rule for ${opKey(op)} says it is served by ${rule.subgraph}, but the schema has it in ${op.subgraphs.join(', ')}`);
      const bad = documentProblem(op, rule);
      if (bad) problems.push(`the sample document of ${opKey(op)} ${bad}`);
    }
    for (const op of supergraphOps) {
      for (const s of op.subgraphs)
        if (!subgraphUrls[s]) problems.push(`${opKey(op)} is served by subgraph "${s}", which tests/access.test.ts does not start: start it there`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has no rule for an operation that no longer exists', () => {
    const existing = new Set(allOperations().map(opKey));
    const stale = [...Object.keys(queries).map((name) => `query ${name}`), ...Object.keys(mutations).map((name) => `mutation ${name}`)].filter(
      (k) => !existing.has(k),
    );
    expect(stale, `rules in tests/access/rules.ts for operations the schema does not have: ${stale.join(', ')}`).toEqual([]);
  });
});

// ---------- the matrix ----------

interface Cell {
  via: string; // 'gateway' or a subgraph name
  op: SchemaOperation;
  rule: AccessRule;
  principal: Principal;
  expected: Expected;
  got?: Got;
  wrong?: string;
}

/**
 * Fixtures for cells that must be refused before anything runs: no sign-in is
 * spent on them (were such a cell let through, the bogus token would still
 * make it show up as wrong).
 */
const unusedFixtures = (): Fixtures => ({ throwaway: fixtures.throwaway, freshRefreshToken: async () => `not-a-refresh-token-${randomUUID()}` });

async function send(url: string, rule: AccessRule, headers: Record<string, string>, expected: Expected): Promise<Got> {
  try {
    const variables = typeof rule.variables === 'function' ? await rule.variables(expected === 'refused' ? unusedFixtures() : fixtures) : rule.variables;
    return classify(await gql(url, rule.document, variables, headers));
  } catch (err) {
    return { kind: 'broken', detail: `request failed: ${(err as Error).message}` };
  }
}

const sortOps = (ops: SchemaOperation[]) =>
  [...ops].sort(
    (a, b) => (a.type === b.type ? 0 : a.type === 'query' ? -1 : 1) || a.subgraphs.join().localeCompare(b.subgraphs.join()) || a.name.localeCompare(b.name),
  );

describe('the access matrix', () => {
  it('holds for every principal and operation, through the gateway and directly at each subgraph', { timeout: 120_000 }, async () => {
    const cells: Cell[] = [];
    const add = (via: string, ops: SchemaOperation[], principals: Principal[]) => {
      for (const op of ops) {
        const rule = ruleFor(op.type, op.name);
        if (!rule) continue; // reported by the rule-table test
        for (const principal of principals) cells.push({ via, op, rule, principal, expected: expectedOutcome(rule.access, principal.as) });
      }
    };
    add('gateway', supergraphOps, gatewayPrincipals);
    for (const [name, ops] of Object.entries(subgraphOps)) add(name, ops, directPrincipals);

    const urlOf = (c: Cell) => (c.via === 'gateway' ? gateway.url : subgraphUrls[c.via]!);
    const settle = (c: Cell, got: Got) => {
      c.got = got;
      c.wrong = verdict(c.expected, got, { allowedCode: c.rule.allowed, refusalReason: c.principal.reason });
    };

    // Everything but the calls that end the caller's own sessions, a few at a time …
    const ordinary = cells.filter((c) => !c.rule.endsOwnSessions);
    await pool(
      ordinary.map((c) => async () => settle(c, await send(urlOf(c), c.rule, c.principal.headers, c.expected))),
      6,
    );
    // … then those, one by one, each signed-in user with a session of its own.
    for (const c of cells.filter((c) => c.rule.endsOwnSessions)) {
      const headers = c.via === 'gateway' && c.principal.freshHeaders ? await c.principal.freshHeaders() : c.principal.headers;
      settle(c, await send(urlOf(c), c.rule, headers, c.expected));
    }

    // ----- the picture -----
    const labelOf = (op: SchemaOperation) => {
      const rule = ruleFor(op.type, op.name);
      return `${op.type === 'query' ? 'Q' : 'M'} ${op.name} · ${rule?.access ?? 'NO RULE'}`;
    };
    const table = (title: string, via: string, ops: SchemaOperation[], principals: Principal[]) => {
      const rows: Row[] = sortOps(ops).map((op) => ({
        label: via === 'gateway' ? `${labelOf(op)} (${op.subgraphs.join(', ')})` : labelOf(op),
        cells: new Map(principals.map((p) => [p.key, cells.find((c) => c.via === via && c.op === op && c.principal === p)])),
      }));
      return renderMatrix(title, principals, rows);
    };
    const legend = (principals: Principal[]) => principals.map((p) => `  ${p.label.padEnd(5)} ${p.title}`).join('\n');
    const wrong = cells.filter((c) => c.wrong);
    console.log(
      [
        table('THROUGH THE GATEWAY', 'gateway', supergraphOps, gatewayPrincipals),
        legend(gatewayPrincipals),
        ...Object.entries(subgraphOps).map(([name, ops]) => table(`DIRECTLY AT THE ${name.toUpperCase()} SUBGRAPH`, name, ops, directPrincipals)),
        legend(directPrincipals),
        '✓ allowed (ended as the rule’s sample should)   ✗ FORBIDDEN   U UNAUTHENTICATED in a 200   401 HTTP 401 UNAUTHENTICATED   ‼ broken answer   ! not what tests/access/rules.ts says   · not served there',
        `${cells.length} cells, ${wrong.length} wrong`,
      ].join('\n\n'),
    );

    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.got)).toBe(true);
    const report = wrong.map((c) => `${c.via} · ${c.op.type} ${c.op.name} [${c.rule.access}] · ${c.principal.title}: ${c.wrong}`);
    expect(report, `cells that do not match tests/access/rules.ts:\n${report.join('\n')}`).toEqual([]);
  });
});
