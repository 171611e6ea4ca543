import type { RequestContext } from '@lantoa/kit';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What a running identity service knows beyond its database. */
export interface IdentitySettings {
  /** Signs and verifies access tokens (HS256). */
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Signs the caller proof when identity reads other subgraphs' audit logs. */
  gatewaySecret: string;
  /** Subgraph name → GraphQL URL, for auditEvents. */
  auditSources: Record<string, string>;
}

// Resolvers only see the request context; every fork of an ORM shares its
// Configuration, so it names the service instance (tests run several in one process).
const byConfig = new WeakMap<object, IdentitySettings>();

export function registerSettings(orm: MikroORM, settings: IdentitySettings): void {
  byConfig.set(orm.config, settings);
}

export function settingsOf(ctxOrEm: RequestContext | EntityManager): IdentitySettings {
  const em = 'em' in ctxOrEm ? ctxOrEm.em : ctxOrEm;
  const s = byConfig.get(em.config);
  if (!s) throw new Error('Identity settings were not registered for this ORM (start it with startSubgraph, which runs its start hook).');
  return s;
}
