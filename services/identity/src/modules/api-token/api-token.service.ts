import { InputCheck, notFound, searchKey, TokenScope, type RequestContext } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import { formatApiToken, newApiTokenPrefix, newSecret, sha256Hex } from '../../credentials.js';
import { isUniqueViolation } from '../../database-errors.js';
import { ApiToken } from './api-token.entity.js';
import type { CreateApiTokenInput, CreatedApiToken } from './api-token.inputs.js';

const DAY = 86_400_000;
const DEFAULT_LIFETIME_DAYS = 365;
const MAX_LIFETIME_DAYS = 3 * 365 + 1;

export class ApiTokenService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateApiTokenInput): Promise<CreatedApiToken> {
    const check = new InputCheck('create');
    const name = check.text('input.name', input.name, { required: true, max: 100 });
    if (!input.scopes?.length) check.add('input.scopes', 'must name at least one scope.');
    const known = new Set<string>(Object.values(TokenScope));
    input.scopes?.forEach((s, i) => known.has(s) || check.add(`input.scopes.${i}`, `is not a scope (one of ${[...known].join(', ')}).`));
    if (!input.organizationId) check.add('input.organizationId', 'is required.');
    check.uuid('input.organizationId', input.organizationId);
    const now = Date.now();
    const expiresAt = input.expiresAt ?? new Date(now + DEFAULT_LIFETIME_DAYS * DAY);
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now) check.add('input.expiresAt', 'must be in the future.');
    else if (expiresAt.getTime() > now + MAX_LIFETIME_DAYS * DAY) check.add('input.expiresAt', 'must be at most 3 years ahead; issue a new token then.');
    check.done();
    await new Directory(this.ctx).requireLive(input.organizationId, 'input.organizationId');
    const caller = this.ctx.caller;
    // 40 random bits of prefix: a collision is rare, and the unique index turns it into one retry.
    for (let attempt = 1; ; attempt++) {
      const prefix = newApiTokenPrefix();
      const secret = newSecret();
      try {
        const apiToken = await this.ctx.em.transactional(async (em) => {
          const t = em.create(ApiToken, {
            name: name!,
            prefix,
            tokenHash: sha256Hex(secret),
            scopes: [...new Set(input.scopes)].sort(),
            organizationId: input.organizationId,
            createdById: caller.kind === 'user' ? caller.id : null,
            expiresAt,
            revokedAt: null,
            lastUsedAt: null,
            searchText: searchKey(`${name} ${prefix}`),
          });
          await em.flush();
          return t;
        });
        return { token: formatApiToken(prefix, secret), apiToken };
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }

  /** Idempotent: revoking a revoked token changes nothing. */
  async revoke(id: string): Promise<ApiToken> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    return this.ctx.em.transactional(async (em) => {
      const t = await em.findOne(ApiToken, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!t) throw notFound('ApiToken', id, 'id');
      if (!t.revokedAt) {
        t.revokedAt = new Date();
        await em.flush();
      }
      return t;
    });
  }
}
