import { CALLER_HEADER, Role, signCallerProof, type Caller } from '@lantoa/kit';
import { createTestDatabase, gql, gqlOk, type TestDatabase } from '@lantoa/kit/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { startOrganizationsService, type OrganizationsService } from '../index.js';

/** A signed-in admin of no particular organization: unscoped. */
export const TEST_ADMIN: Caller = { kind: 'user', id: randomUUID(), name: 'admin@test', organizationId: null, roles: [Role.ADMIN], scopes: [] };

export interface TestService {
  db: TestDatabase;
  service: OrganizationsService;
  url: string;
  secret: string;
  /** Headers the gateway would send for this caller. */
  headersFor(caller: Caller): Promise<Record<string, string>>;
  gql: (query: string, variables?: Record<string, unknown>, caller?: Caller) => ReturnType<typeof gql>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gqlOk: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller?: Caller) => Promise<T>;
  stop(): Promise<void>;
}

/** The real subgraph over HTTP on a fresh database of its own, called as the gateway would call it. */
export async function startTestService(label: string): Promise<TestService> {
  const db = await createTestDatabase(label);
  const secret = randomBytes(32).toString('base64url');
  const service = await startOrganizationsService({ databaseUrl: db.url, port: 0, gatewaySecret: secret });
  const headersFor = async (caller: Caller) => ({ [CALLER_HEADER]: await signCallerProof(caller, randomUUID(), secret) });
  return {
    db,
    service,
    url: service.url,
    secret,
    headersFor,
    gql: async (query, variables, caller = TEST_ADMIN) => gql(service.url, query, variables, await headersFor(caller)),
    gqlOk: async <T>(query: string, variables?: Record<string, unknown>, caller: Caller = TEST_ADMIN) => gqlOk<T>(service.url, query, variables, await headersFor(caller)),
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}
