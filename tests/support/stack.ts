import { loadGatewayConfig, startGateway } from '@lantoa/gateway';
import { DEMO_PASSWORD } from '@lantoa/identity';
import type { RunningServer, RunningSubgraph } from '@lantoa/kit';
import { createTestDatabase, gql, type TestDatabase } from '@lantoa/kit/testing';
import { randomBytes } from 'node:crypto';
import { startSubgraphs } from './subgraphs.js';

/** Every subgraph and the gateway, over real HTTP, on one fresh database with the demo data. */
export interface Stack {
  db: TestDatabase;
  /** Subgraph name → the running service. */
  subgraphs: Record<string, RunningSubgraph>;
  organizations: RunningSubgraph;
  identity: RunningSubgraph;
  gateway: RunningServer;
  gatewaySecret: string;
  jwtSecret: string;
  /** Signs in a demo user through the gateway; returns the Authorization header. */
  as(email: string): Promise<Record<string, string>>;
  /** Waits until an organization has reached a subgraph's directory replica (its follower polls the feed). */
  replicated(schema: string, organizationId: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(label: string, gatewayEnv: Record<string, string> = {}): Promise<Stack> {
  const db = await createTestDatabase(label);
  const gatewaySecret = randomBytes(32).toString('base64url');
  const jwtSecret = randomBytes(32).toString('base64url');
  const subgraphs = await startSubgraphs(db.url, { GATEWAY_SECRET: gatewaySecret, JWT_SECRET: jwtSecret });
  const gateway = await startGateway(
    loadGatewayConfig({
      GATEWAY_SECRET: gatewaySecret,
      PORT: '0',
      ...subgraphs.urlEnv,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
      ...gatewayEnv,
    }),
  );
  const sessions = new Map<string, Record<string, string>>();
  return {
    db,
    subgraphs: subgraphs.byName,
    organizations: subgraphs.byName.organizations!,
    identity: subgraphs.byName.identity!,
    gateway,
    gatewaySecret,
    jwtSecret,
    async as(email) {
      if (!sessions.has(email)) {
        const res = await gql<{ signIn: { accessToken: string } }>(
          gateway.url,
          'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
          {
            e: email,
            p: DEMO_PASSWORD,
          },
        );
        if (res.errors) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.errors)}`);
        sessions.set(email, { authorization: `Bearer ${res.data!.signIn.accessToken}` });
      }
      return sessions.get(email)!;
    },
    async replicated(schema, organizationId, timeoutMs = 15_000) {
      // Any subgraph's connection reaches every schema of the test database.
      const connection = subgraphs.byName.identity!.orm.em.fork().getConnection();
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const rows = await connection.execute(`select 1 from ${schema}.directory_organization where id = ?`, [organizationId]);
        if (rows.length) return;
      }
      throw new Error(`organization ${organizationId} did not reach the ${schema} replica within ${timeoutMs} ms`);
    },
    async stop() {
      await gateway.stop();
      await subgraphs.stop();
      await db.drop();
    },
  };
}
