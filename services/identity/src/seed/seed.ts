import { demoId, type Logger } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../credentials.js';
import { userSearchText } from '../modules/user/user.rules.js';
import { DEMO_USERS } from './demo-users.js';

/**
 * Inserts the demo users that are not there yet (`on conflict do nothing`):
 * a user the admin changed, disabled or deleted is never reset. Returns rows inserted.
 * In production it inserts none, whoever calls it: their password is
 * published. A real deployment's only user at first is the ADMIN_EMAIL admin.
 */
export async function seedDemoUsers(em: EntityManager, o: { production?: boolean; log?: Logger } = {}): Promise<number> {
  if (o.production) {
    o.log?.info('production: no demo users are created (sign in as the ADMIN_EMAIL admin)');
    return 0;
  }
  const ids = DEMO_USERS.map((u) => demoId('user', u.key));
  const existing = new Set(
    (await em.execute<{ id: string }[]>('select id from user_account where id = any(?::uuid[])', [`{${ids.join(',')}}`])).map((r) => r.id),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(demoId('user', u.key)));
  // Hashed before the transaction: Argon2 is slow on purpose, and only missing users need it.
  const hashes = await Promise.all(missing.map((u) => hashPassword(u.password)));
  return em.transactional(async (tx) => {
    let inserted = 0;
    const now = new Date();
    for (const [i, u] of missing.entries()) {
      const res = await tx.execute(
        `insert into user_account (id, email, display_name, organization_id, roles, active, password_hash, password_changed_at, sessions_valid_after,
           failed_sign_ins, search_text, created_at, updated_at)
         values (?, ?, ?, ?, ?::text[], true, ?, ?, ?, 0, ?, ?, ?) on conflict do nothing`,
        [
          demoId('user', u.key),
          u.email,
          u.displayName,
          demoId('organization', u.organization),
          `{${u.role}}`,
          hashes[i]!,
          now,
          now,
          userSearchText(u),
          now,
          now,
        ],
        'run',
      );
      inserted += (res as { affectedRows?: number }).affectedRows ?? 0;
    }
    return inserted;
  });
}
