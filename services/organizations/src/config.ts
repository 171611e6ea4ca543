import { commonEnv, loadConfig, port, postgresUrl, SUBGRAPHS } from '@lantoa/kit';
import { z } from 'zod';

const self = SUBGRAPHS.find((s) => s.name === 'organizations')!;

export const loadOrganizationsConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(
    {
      ...commonEnv,
      PORT: port(self.port),
      DATABASE_URL: postgresUrl,
      DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    },
    env,
  );

export type OrganizationsConfig = ReturnType<typeof loadOrganizationsConfig>;
