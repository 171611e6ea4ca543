import { commonEnv, ConfigError, defaultSubgraphUrl, gatewaySecret, loadConfig, port, postgresUrl, SUBGRAPHS } from '@lantoa/kit';
import { z } from 'zod';

// Until the launcher lists identity in SUBGRAPHS, its documented default port applies.
const DEFAULT_PORT = SUBGRAPHS.find((s) => s.name === 'identity')?.port ?? 4002;

const AUDIT_SOURCES = SUBGRAPHS.filter((s) => s.name !== 'identity');

/** The variables identity reads (exported so the docker-compose test can check their names). */
export const identityEnv = {
  ...commonEnv,
  PORT: port(DEFAULT_PORT),
  DATABASE_URL: postgresUrl,
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  GATEWAY_SECRET: gatewaySecret,
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(256).optional(),
  /** Organization of the first admin; admins are not limited to a subtree, so it may stay unset. */
  ADMIN_ORGANIZATION_ID: z.string().uuid('must be a UUID').optional(),
  // Where the other subgraphs are: auditEvents reads each one's audit log.
  ...Object.fromEntries(AUDIT_SOURCES.map((s) => [s.urlEnv, z.string().url().default(defaultSubgraphUrl(s))])),
};

/** The subgraphs whose audit logs auditEvents merges with identity's own. */
export function auditSourceUrls(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(AUDIT_SOURCES.map((s) => [s.name, String(config[s.urlEnv])]));
}

export function loadIdentityConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(identityEnv, env);
  const problems: string[] = [];
  // One leaked secret must not give both: forging caller proofs and forging access tokens.
  if (config.JWT_SECRET === config.GATEWAY_SECRET) problems.push('  JWT_SECRET: must differ from GATEWAY_SECRET');
  if (!config.ADMIN_EMAIL !== !config.ADMIN_PASSWORD) {
    problems.push(`  ${config.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: ADMIN_EMAIL and ADMIN_PASSWORD go together (set both or neither)`);
  }
  if (config.ADMIN_ORGANIZATION_ID && !config.ADMIN_EMAIL) problems.push('  ADMIN_ORGANIZATION_ID: needs ADMIN_EMAIL and ADMIN_PASSWORD');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return config;
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
