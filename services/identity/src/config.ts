import { defaultSubgraphUrl, SUBGRAPHS, type SubgraphConfig } from '@lantoa/kit';
import { z } from 'zod';
import { DEMO_USERS } from './seed/demo-users.js';
import type { IdentitySettings } from './settings.js';

const AUDIT_SOURCES = SUBGRAPHS.filter((s) => s.name !== 'identity');

/** The variables identity reads beyond those of every subgraph. */
export const identityEnv = {
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

export type IdentityConfig = SubgraphConfig<typeof identityEnv>;

/** What a zod shape cannot say about identity's variables. */
export function identityConfigProblems(config: IdentityConfig): string[] {
  const problems: string[] = [];
  // One leaked secret must not give both: forging caller proofs and forging access tokens.
  if (config.JWT_SECRET === config.GATEWAY_SECRET) problems.push('JWT_SECRET: must differ from GATEWAY_SECRET');
  if (!config.ADMIN_EMAIL !== !config.ADMIN_PASSWORD) {
    problems.push(`${config.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: ADMIN_EMAIL and ADMIN_PASSWORD go together (set both or neither)`);
  }
  if (config.ADMIN_ORGANIZATION_ID && !config.ADMIN_EMAIL) problems.push('ADMIN_ORGANIZATION_ID: needs ADMIN_EMAIL and ADMIN_PASSWORD');
  // The demo passwords are printed by `pnpm start` and written in the code: never an admin's, in any environment.
  const typed = config.ADMIN_PASSWORD?.normalize('NFC').trim().toLowerCase();
  if (typed && DEMO_USERS.some((u) => u.password.toLowerCase() === typed)) {
    problems.push('ADMIN_PASSWORD: is a published demo password; choose another (e.g. `openssl rand -base64 24`)');
  }
  return problems;
}

export function settingsFromConfig(config: IdentityConfig): IdentitySettings {
  return {
    jwtSecret: config.JWT_SECRET,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    gatewaySecret: config.GATEWAY_SECRET,
    // The subgraphs whose audit logs auditEvents merges with identity's own.
    auditSources: Object.fromEntries(AUDIT_SOURCES.map((s) => [s.name, String((config as Record<string, unknown>)[s.urlEnv])])),
  };
}
