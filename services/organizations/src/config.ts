import { commonEnv, gatewaySecret, loadConfig, port, postgresUrl, SUBGRAPHS } from '@lantoa/kit';
import { z } from 'zod';

const self = SUBGRAPHS.find((s) => s.name === 'organizations')!;

/** Every variable the organizations subgraph reads (docker-compose and .env.example are checked against it). */
export const organizationsEnv = {
  ...commonEnv,
  PORT: port(self.port),
  DATABASE_URL: postgresUrl,
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  GATEWAY_SECRET: gatewaySecret,
};

export const loadOrganizationsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(organizationsEnv, env);

export type OrganizationsConfig = ReturnType<typeof loadOrganizationsConfig>;
