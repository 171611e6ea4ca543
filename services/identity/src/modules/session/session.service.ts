import { badUserInput, createLogger, forbidden, InputCheck, unauthenticated, type RequestContext } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { hashPassword, newSecret, PASSWORD_MAX, sha256Hex, signAccessToken, verifyDummyPassword, verifyPassword } from '../../credentials.js';
import { settingsOf } from '../../settings.js';
import { User } from '../user/user.entity.js';
import { checkPassword } from '../user/user.rules.js';
import { endSessions, revokeFamily } from './end-sessions.js';
import { beforeAttempt, recordFailure, recordSuccess, throttleKey, type ThrottleKey } from './sign-in-throttle.js';
import { RefreshToken } from './refresh-token.entity.js';
import type { Session } from './session.types.js';

const log = createLogger('identity');

/** One answer for every refused sign-in, so it does not tell which e-mails exist or are disabled. */
export const WRONG_CREDENTIALS = 'E-mail or password is wrong.';
const SESSION_ENDED = 'This session has ended; sign in again.';

interface SignInRow {
  id: string;
  password_hash: string;
  active: boolean;
}

/**
 * Bookkeeping of a wrong password on a known account, not an edit (no version bump, no audit event):
 * consecutive failures, and until when sign-ins to it are slowed (shown to admins as lockedUntil).
 */
const NOTE_FAILURE = `update user_account set failed_sign_ins = failed_sign_ins + 1, locked_until = coalesce(?::timestamptz, locked_until) where id = ?`;

/** Sign-in, refresh, sign-out and password change: the operations of a user on their own sessions. */
export class SessionService {
  constructor(private readonly ctx: RequestContext) {}

  /** A new refresh token in `familyId` (a new session when fresh) and an access token bound to it. */
  private async issue(em: EntityManager, user: User, familyId: string): Promise<Session> {
    const settings = settingsOf(this.ctx);
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + settings.refreshTokenTtlDays * 86_400_000);
    em.create(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: new Date(),
    });
    await em.flush();
    const access = await signAccessToken(settings.jwtSecret, settings.accessTokenTtlSeconds, {
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
    // Throttled per account and source before anything is checked (sign-in-throttle.ts): a lockout would end nothing
    // a guesser wants, but one anonymous source could lock anyone out.
    const key = throttleKey(address!, this.ctx.clientAddress);
    await beforeAttempt(this.ctx.em, key);
    const [row] = await this.ctx.em.execute<SignInRow[]>('select id, password_hash, active from user_account where lower(email) = ? and deleted_at is null', [
      address!.toLowerCase(),
    ]);
    if (!row || !(await verifyPassword(row.password_hash, password))) {
      // Every refusal costs one Argon2 verification, so timing tells nothing either.
      if (!row) await verifyDummyPassword(password);
      const slowedUntil = await recordFailure(this.ctx.em, key);
      if (row) await this.ctx.em.execute(NOTE_FAILURE, [slowedUntil, row.id]);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    if (!row.active) throw unauthenticated(WRONG_CREDENTIALS);
    await recordSuccess(this.ctx.em, key);
    return this.ctx.em.transactional(async (em) => {
      // Bookkeeping, not an edit: no version bump (an admin's pending edit stays valid) and no audit event.
      await em.execute('update user_account set failed_sign_ins = 0, last_sign_in_at = ? where id = ?', [new Date(), row.id]);
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
    const outcome = await this.ctx.em.transactional(async (em): Promise<ThrottleKey | 'ok'> => {
      const user = await em.findOne(User, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw unauthenticated();
      // The sign-in throttle applies: a stolen session must not become a faster way to guess the password.
      const key = throttleKey(user.email, this.ctx.clientAddress);
      await beforeAttempt(em, key);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) return key;
      const late = new InputCheck();
      checkPassword(late, 'newPassword', newPassword, user.email);
      late.done();
      user.passwordHash = newHash;
      user.passwordChangedAt = new Date();
      user.failedSignIns = 0;
      await endSessions(em, user);
      await recordSuccess(em, key);
      await em.flush();
      return 'ok';
    });
    if (outcome !== 'ok') {
      // After the transaction: its rollback must not undo the count.
      const slowedUntil = await recordFailure(this.ctx.em, outcome);
      await this.ctx.em.execute(NOTE_FAILURE, [slowedUntil, id]);
      throw badUserInput([{ path: 'currentPassword', message: 'is wrong.' }]);
    }
    return true;
  }
}
