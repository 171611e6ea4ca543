import { CALLER_HEADER, demoId, migrateSubgraph, Role, seedSubgraph, signCallerProof, type Caller } from '@lantoa/kit';
import { DEMO_PASSWORD, DEMO_USERS, subgraph as identity } from '@lantoa/identity';
import { randomBytes } from 'node:crypto';
import { queryData } from './graphql.js';

/**
 * Subgraphs serve only requests that carry the gateway's signed caller proof,
 * and the gateway only requests that carry a bearer token identity issued.
 * The benchmark starts the services with secrets of its own, signs in through
 * the gateway as a demo reader, and signs the proof itself for the requests it
 * sends to a subgraph directly.
 */
export const GATEWAY_SECRET = randomBytes(48).toString('base64');
/** Signs access tokens; identity refuses one equal to GATEWAY_SECRET. */
export const JWT_SECRET = randomBytes(48).toString('base64');
/**
 * Lifetime of the access tokens identity issues here (its default is 10 min);
 * a run longer than this signs in again between rows (see tokenFor).
 */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** The demo reader (xem@lantoa.vn): what a console user browsing the tree is. */
const BENCH_USER = DEMO_USERS.find((u) => u.role === Role.VIEWER)!;

/** The same caller identity vouches for, so direct and gateway rows measure the same user. */
const BENCH_CALLER: Caller = {
  kind: 'user',
  id: demoId('user', BENCH_USER.key),
  name: BENCH_USER.email,
  organizationId: demoId('organization', BENCH_USER.organization),
  roles: [BENCH_USER.role],
  scopes: [],
};

/** Identity's tables and demo users (password DEMO_PASSWORD) in the benchmark database. */
export async function prepareIdentity(url: string, say: (msg: string) => void): Promise<void> {
  await migrateSubgraph(identity, url);
  const inserted = await seedSubgraph(identity, url);
  say(`Identity: ${inserted} demo users inserted.`);
}

/** Headers for direct subgraph requests; the proof lives `ttlSeconds`, so sign one per run. */
export async function subgraphHeaders(ttlSeconds: number): Promise<Record<string, string>> {
  return { [CALLER_HEADER]: await signCallerProof(BENCH_CALLER, 'bench', GATEWAY_SECRET, ttlSeconds) };
}

export interface GatewaySession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** signIn through the gateway, as a console does. */
export async function signIn(gatewayUrl: string): Promise<GatewaySession> {
  const data = await queryData<{ signIn: { accessToken: string; accessTokenExpiresAt: string } }>(gatewayUrl, {
    query: 'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken accessTokenExpiresAt } }',
    variables: { email: BENCH_USER.email, password: DEMO_PASSWORD },
  });
  return { accessToken: data.signIn.accessToken, expiresAt: Date.parse(data.signIn.accessTokenExpiresAt) };
}

/**
 * Headers for gateway requests during the next `seconds`: the session's token,
 * or a new session's when the current token would expire before then (so a
 * run of any length never measures 401s).
 */
export async function tokenFor(session: GatewaySession, gatewayUrl: string, seconds: number): Promise<GatewaySession> {
  return session.expiresAt - Date.now() > seconds * 1000 ? session : signIn(gatewayUrl);
}

export const bearer = (session: GatewaySession): Record<string, string> => ({ authorization: `Bearer ${session.accessToken}` });

/** Who the benchmark signs in as, for the report. */
export const BENCH_ACCOUNT = `${BENCH_USER.email} (${BENCH_USER.role})`;
