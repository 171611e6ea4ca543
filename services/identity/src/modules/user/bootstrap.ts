import { Role, type Logger, type Orm } from '@lantoa/kit';
import { hashPassword } from '../../credentials.js';
import { isUniqueViolation, scrubDatabaseError } from '../../database-errors.js';
import { newUser } from './user.rules.js';

/**
 * The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD: created once when no
 * user (not even a deleted one) has that address, so deleting or demoting it
 * later sticks across restarts. Audited as a "system" write.
 */
export async function ensureAdmin(orm: Orm, log: Logger, o: { email: string; password: string; organizationId?: string | null }): Promise<boolean> {
  const email = o.email.trim().normalize('NFC').toLowerCase();
  const em = orm.em.fork();
  const taken = await em.execute('select 1 from user_account where lower(email) = ?', [email]);
  if (taken.length) return false;
  const passwordHash = await hashPassword(o.password.normalize('NFC'));
  const admin = newUser(em, { email, displayName: 'Quản trị viên', organizationId: o.organizationId ?? null, roles: [Role.ADMIN], passwordHash });
  try {
    await em.flush();
  } catch (err) {
    if (isUniqueViolation(err)) return false; // another instance created it at the same moment
    throw scrubDatabaseError(err);
  }
  // By id: logs carry no e-mail addresses.
  log.info('created the first admin from ADMIN_EMAIL', { userId: admin.id });
  return true;
}
