import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../user/user.entity.js';

/**
 * Ends every session of a user, in the caller's transaction: refresh tokens
 * are revoked and access tokens minted before now are refused by
 * /internal/authenticate (through sessionsValidAfter).
 */
export async function endSessions(em: EntityManager, user: User): Promise<void> {
  // Strictly later than before, so even a token minted in this same millisecond is refused.
  user.sessionsValidAfter = new Date(Math.max(Date.now(), user.sessionsValidAfter.getTime() + 1));
  await em.execute('update refresh_token set revoked_at = ? where user_id = ? and revoked_at is null', [new Date(), user.id]);
}

/** Revokes one session (a refresh-token family). */
export async function revokeFamily(em: EntityManager, familyId: string): Promise<void> {
  await em.execute('update refresh_token set revoked_at = ? where family_id = ? and revoked_at is null', [new Date(), familyId]);
}
