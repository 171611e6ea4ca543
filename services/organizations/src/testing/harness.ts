import { Role, type Caller } from '@lantoa/kit';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@lantoa/kit/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph.js';

/** A signed-in admin of no particular organization: unscoped. */
export const TEST_ADMIN: Caller = { kind: 'user', id: randomUUID(), name: 'admin@test', organizationId: null, roles: [Role.ADMIN], scopes: [] };

/** The kit's test subgraph, with the caller last and the unscoped admin by default (most tests here act as one). */
export interface TestService extends Omit<TestSubgraph, 'gql' | 'gqlOk'> {
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse & { status: number }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<T>;
}

/** The real organizations subgraph over HTTP on a fresh database of its own. */
export async function startTestService(label: string): Promise<TestService> {
  const t = await startTestSubgraph(subgraph, label);
  return {
    ...t,
    gql: (query, variables, caller = TEST_ADMIN) => t.gql(caller, query, variables),
    gqlOk: (query, variables, caller = TEST_ADMIN) => t.gqlOk(caller, query, variables),
  };
}
