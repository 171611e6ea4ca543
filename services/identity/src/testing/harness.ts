import { ANONYMOUS, demoId, seedSubgraph, signCallerProof, startSubgraph, type Caller, type Role } from '@lantoa/kit';
import { freePort, startTestSubgraph, type TestSubgraph } from '@lantoa/kit/testing';
// Identity checks organizationIds against its replica of the organization tree: its tests run the real
// organizations subgraph (with the demo tree) beside it, whose feed the replica follows.
import { subgraph as organizations } from '../../../organizations/src/subgraph.js';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { AUTHENTICATE_PATH } from '../internal/authenticate.js';
import { DEMO_USERS } from '../seed/demo-users.js';
import { subgraph } from '../subgraph.js';

export interface TestService extends TestSubgraph {
  jwtSecret: string;
  /** A client of the test database, search_path set to identity. */
  sql: pg.Client;
  /** POST /internal/authenticate with the gateway's proof. */
  authenticate(credential: unknown, opts?: { proof?: boolean }): Promise<{ status: number; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export const demoUserId = (key: string) => demoId('user', key);

/** The caller the gateway would pass for a demo user. */
export function demoCaller(key: string): Caller {
  const u = DEMO_USERS.find((d) => d.key === key)!;
  return { kind: 'user', id: demoUserId(key), name: u.email, organizationId: demoId('organization', u.organization), roles: [u.role], scopes: [] };
}

export const userCaller = (id: string, roles: Role[], organizationId: string | null = null, name = 'someone@lantoa.vn'): Caller => ({
  kind: 'user',
  id,
  name,
  organizationId,
  roles,
  scopes: [],
});

export { ANONYMOUS };

/** The real subgraph over HTTP on a fresh database, with the demo users. */
export async function startTestService(label: string, env: Record<string, string> = {}): Promise<TestService> {
  const jwtSecret = randomBytes(32).toString('base64url');
  const organizationsPort = await freePort();
  const t = await startTestSubgraph(subgraph, label, { JWT_SECRET: jwtSecret, ORGANIZATIONS_URL: `http://127.0.0.1:${organizationsPort}/graphql`, ...env });
  const organizationsService = await startSubgraph(organizations, {
    LOG_LEVEL: 'warn',
    DATABASE_URL: t.db.url,
    PORT: String(organizationsPort),
    GATEWAY_SECRET: t.gatewaySecret,
  });
  await seedSubgraph(organizations, t.db.url);
  await seedSubgraph(subgraph, t.db.url);
  const sql = new pg.Client({ connectionString: t.db.url });
  await sql.connect();
  await sql.query('set search_path to identity');
  // The replica has the demo tree before the first test (an N+1 test counting statements must not see it arrive).
  for (let caughtUp = false; !caughtUp; await new Promise((r) => setTimeout(r, 20))) {
    const { rows } = await sql.query(
      'select (select last_seq from directory_state) >= (select coalesce(max(seq), 0) from organizations.organization_change) as ok',
    );
    caughtUp = rows[0].ok;
  }
  const base = t.url.replace(/\/graphql$/, '');
  const proof = (caller: Caller) => signCallerProof(caller, randomUUID(), t.gatewaySecret);
  return {
    ...t,
    jwtSecret,
    sql,
    async authenticate(credential, { proof: withProof = true } = {}) {
      const res = await fetch(base + AUTHENTICATE_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(withProof ? { 'x-lantoa-caller': await proof(ANONYMOUS) } : {}) },
        body: typeof credential === 'string' && credential.startsWith('RAW:') ? credential.slice(4) : JSON.stringify({ credential }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async stop() {
      await sql.end();
      await t.service.stop();
      await organizationsService.stop();
      await t.db.drop();
    },
  };
}

export const SESSION_FIELDS = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email roles }';

export interface TestSession {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string; roles: string[] };
}

/** Signs in as a client would (through the gateway, anonymously); fails the test on errors. */
export async function signIn(t: TestService, email: string, password: string): Promise<TestSession> {
  const res = await t.gql(ANONYMOUS, `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ${SESSION_FIELDS} } }`, { e: email, p: password });
  if (res.errors?.length) throw new Error(`signIn failed: ${JSON.stringify(res.errors)}`);
  return res.data!.signIn as TestSession;
}

export async function refresh(t: TestService, refreshToken: string) {
  return t.gql(ANONYMOUS, `mutation($r: String!) { refreshSession(refreshToken: $r) { ${SESSION_FIELDS} } }`, { r: refreshToken });
}

/** Creates a user through the admin API; returns its id. */
export async function createUser(
  t: TestService,
  input: { email: string; password: string; roles?: string[]; displayName?: string; organizationId?: string },
): Promise<string> {
  const res = await t.gql(demoCaller('admin'), `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: { displayName: 'Người dùng thử', organizationId: demoId('organization', 'tu-bac-kan'), roles: ['EDITOR'], ...input },
  });
  if (res.errors?.length) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  return res.data!.createUser.id as string;
}

let counter = 0;
/** A unique address per call, so tests in one file do not share users. */
export const uniqueEmail = (label: string) => `${label}.${process.pid}.${++counter}@example.vn`;
