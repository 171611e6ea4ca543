import { badUserInput, createLogger, forbidden, InputCheck, unauthenticated, type RequestContext } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { hashPassword, newSecret, PASSWORD_MAX, sha256Hex, signAccessToken, verifyDummyPassword, verifyPassword } from '../../credentials.js';
import { settingsOf } from '../../settings.js';
import { User } from '../user/user.entity.js';
import { checkPassword } from '../user/user.rules.js';
import { endSessions, revokeFamily } from './end-sessions.js';
import { RefreshToken } from './refresh-token.entity.js';
import type { Session } from './session.types.js';

const log = createLogger('identity');

export const MAX_FAILED_SIGN_INS = 10;
export const LOCK_MINUTES = 15;

/** One answer for every refused sign-in, so it does not tell which e-mails exist, are locked or disabled. */
export const WRONG_CREDENTIALS = 'E-mail or password is wrong.';
const SESSION_ENDED = 'This session has ended; sign in again.';

// One statement, race-free: the counter is incremented by the database, and the lock resets it so 10 more tries follow.
const RECORD_FAILURE = `update user_account
  set failed_sign_ins = case when failed_sign_ins + 1 >= ${MAX_FAILED_SIGN_INS} then 0 else failed_sign_ins + 1 end,
      locked_until = case when failed_sign_ins + 1 >= ${MAX_FAILED_SIGN_INS} then now() + interval '${LOCK_MINUTES} minutes' else locked_until end
  where id = ? and (locked_until is null or locked_until <= now())`;

const isLocked = (lockedUntil: string | Date | null) => !!lockedUntil && new Date(lockedUntil).getTime() > Date.now();

interface SignInRow {
  id: string;
  password_hash: string;
  active: boolean;
  /** Text: the driver hands timestamps over as strings. */
  locked_until: string | Date | null;
}

/** Sign-in, refresh, sign-out and password change: the operations of a user on their own sessions. */
export class SessionService {
  constructor(private readonly ctx: RequestContext) {}

  /** A new refresh token in `familyId` (a new session when fresh) and an access token bound to it. */
  private async issue(em: EntityManager, user: User, familyId: string): Promise<Session> {
    const settings = settingsOf(this.ctx);
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + settings.refreshTokenTtlDays * 86_400_000);
    em.create(RefreshToken, { userId: user.id, familyId, tokenHash: sha256Hex(refreshToken), expiresAt: refreshTokenExpiresAt, usedAt: null, revokedAt: null, createdAt: new Date() });
    await em.flush();
    const access = await signAccessToken(settings.jwtKey, settings.accessTokenTtlSeconds, {
      userId: user.id,
      sessionEpoch: user.sessionsValidAfter.getTime(),
      sessionId: familyId,
    });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
  }

  async signIn(email: string, password: string): Promise<Session> {
    const check = new InputCheck();
    const address = check.text('email', email, { required: true, max: 254 });
    if (!password) check.add('password', 'is required.');
    else if (password.length > PASSWORD_MAX) check.add('password', `must be at most ${PASSWORD_MAX} characters.`);
    check.done();
    const [row] = await this.ctx.em.execute<SignInRow[]>(
      'select id, password_hash, active, locked_until from user_account where lower(email) = ? and deleted_at is null',
      [address!.toLowerCase()],
    );
    // Every refusal costs one Argon2 verification, so timing tells nothing either.
    if (!row || isLocked(row.locked_until)) {
      await verifyDummyPassword(password);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    if (!(await verifyPassword(row.password_hash, password))) {
      await this.ctx.em.execute(RECORD_FAILURE, [row.id]);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    if (!row.active) throw unauthenticated(WRONG_CREDENTIALS);
    return this.ctx.em.transactional(async (em) => {
      // Bookkeeping, not an edit: no version bump (an admin's pending edit stays valid) and no audit event.
      await em.execute('update user_account set failed_sign_ins = 0, locked_until = null, last_sign_in_at = ? where id = ?', [new Date(), row.id]);
      const user = await em.findOneOrFail(User, { id: row.id });
      return this.issue(em, user, randomUUID());
    });
  }

  async refresh(refreshToken: string): Promise<Session> {
    if (!refreshToken || refreshToken.length > 200) throw unauthenticated(SESSION_ENDED);
    const outcome = await this.ctx.em.transactional(async (em): Promise<Session | 'refused'> => {
      const rt = await em.findOne(RefreshToken, { tokenHash: sha256Hex(refreshToken) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!rt || rt.revokedAt || rt.expiresAt.getTime() <= Date.now()) return 'refused';
      if (rt.usedAt) {
        // A used token came back: someone holds a copy. End the session for both holders.
        log.warn('refresh token reused; session revoked', { requestId: this.ctx.requestId, userId: rt.userId, sessionId: rt.familyId });
        await revokeFamily(em, rt.familyId);
        return 'refused';
      }
      const user = await em.findOne(User, { id: rt.userId, deletedAt: null });
      if (!user || !user.active) {
        await revokeFamily(em, rt.familyId);
        return 'refused';
      }
      if (isLocked(user.lockedUntil)) return 'refused';
      rt.usedAt = new Date();
      return this.issue(em, user, rt.familyId);
    });
    // Thrown after the commit: the revocation above must persist.
    if (outcome === 'refused') throw unauthenticated(SESSION_ENDED);
    return outcome;
  }

  /** Ends the session the refresh token belongs to. False when the token is unknown. */
  async signOut(refreshToken: string): Promise<boolean> {
    if (!refreshToken || refreshToken.length > 200) return false;
    const [row] = await this.ctx.em.execute<{ family_id: string }[]>('select family_id from refresh_token where token_hash = ?', [sha256Hex(refreshToken)]);
    if (!row) return false;
    await revokeFamily(this.ctx.em, row.family_id);
    return true;
  }

  private signedInUserId(): string {
    const { caller } = this.ctx;
    if (caller.kind !== 'user' || !caller.id) throw forbidden('Only a signed-in user can do this; API tokens have no sessions or password.');
    return caller.id;
  }

  async signOutEverywhere(): Promise<boolean> {
    const id = this.signedInUserId();
    await this.ctx.em.transactional(async (em) => {
      const user = await em.findOne(User, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw unauthenticated();
      await endSessions(em, user);
      await em.flush();
    });
    return true;
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<boolean> {
    const id = this.signedInUserId();
    const check = new InputCheck();
    if (!currentPassword) check.add('currentPassword', 'is required.');
    else if (currentPassword.length > PASSWORD_MAX) check.add('currentPassword', 'is wrong.');
    checkPassword(check, 'newPassword', newPassword);
    if (newPassword && newPassword === currentPassword) check.add('newPassword', 'must differ from the current password.');
    check.done();
    const newHash = await hashPassword(newPassword);
    const outcome = await this.ctx.em.transactional(async (em): Promise<'ok' | 'wrong'> => {
      const user = await em.findOne(User, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw unauthenticated();
      // A stolen session must not become a way around the lockout.
      if (isLocked(user.lockedUntil) || !(await verifyPassword(user.passwordHash, currentPassword))) return 'wrong';
      const late = new InputCheck();
      checkPassword(late, 'newPassword', newPassword, user.email);
      late.done();
      user.passwordHash = newHash;
      user.passwordChangedAt = new Date();
      user.failedSignIns = 0;
      await endSessions(em, user);
      await em.flush();
      return 'ok';
    });
    if (outcome === 'wrong') {
      await this.ctx.em.execute(RECORD_FAILURE, [id]);
      throw badUserInput([{ path: 'currentPassword', message: 'is wrong.' }]);
    }
    return true;
  }
}
