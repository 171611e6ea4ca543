import { randomBytes, randomUUID } from 'node:crypto';
import { CALLER_HEADER, signCallerProof, type Caller } from '../auth/index.js';
import { startSubgraph, type AnyDescriptor, type RunningSubgraph } from '../subgraph/start.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { gql, gqlOk, type GraphQLResponse } from './graphql.js';

export interface TestSubgraph {
  db: TestDatabase;
  service: RunningSubgraph;
  url: string;
  /** GATEWAY_SECRET of this service: signs the caller proofs below. */
  gatewaySecret: string;
  /** Headers the gateway would send for this caller. */
  headersFor(caller: Caller): Promise<Record<string, string>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<T = Record<string, any>>(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T> & { status: number; headers: Headers }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gqlOk<T = Record<string, any>>(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * One real subgraph over HTTP on a fresh database of its own, called as the
 * gateway would call it (with a signed caller proof). `env` adds or overrides
 * variables (a subgraph's own secrets, the URLs of the services it calls).
 */
export async function startTestSubgraph(d: AnyDescriptor, label: string, env: Record<string, string> = {}): Promise<TestSubgraph> {
  const db = await createTestDatabase(label);
  const gatewaySecret = env.GATEWAY_SECRET ?? randomBytes(32).toString('base64url');
  let service: RunningSubgraph;
  try {
    service = await startSubgraph(d, { LOG_LEVEL: 'warn', DATABASE_URL: db.url, PORT: '0', ...env, GATEWAY_SECRET: gatewaySecret });
  } catch (err) {
    await db.drop();
    throw err;
  }
  const headersFor = async (caller: Caller) => ({ [CALLER_HEADER]: await signCallerProof(caller, randomUUID(), gatewaySecret) });
  return {
    db,
    service,
    url: service.url,
    gatewaySecret,
    headersFor,
    gql: async (caller, query, variables, headers = {}) => gql(service.url, query, variables, { ...(await headersFor(caller)), ...headers }),
    gqlOk: async (caller, query, variables) => gqlOk(service.url, query, variables, await headersFor(caller)),
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}
