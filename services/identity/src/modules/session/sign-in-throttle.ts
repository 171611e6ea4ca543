import { AppError, ErrorCode } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha256Hex } from '../../credentials.js';

/**
 * How wrong passwords are answered (OWASP Authentication Cheat Sheet): they
 * slow guessing down, and never lock anyone out or end a session.
 *
 * - Per account and source (the client's network as the gateway signed it):
 *   the first `freeFailures` wrong passwords cost nothing; the next one makes
 *   that source wait `firstBlockMs` for that account, and each failure after
 *   a wait doubles it, up to `maxBlockMs`. While it waits, the source's
 *   attempts on that account are refused with RATE_LIMITED before the
 *   password is checked, so a right password then tells nothing either. A
 *   success from the source clears its count; it is forgotten `forgetAfterMs`
 *   after its last failure.
 * - Per account, across all sources: past `accountCeiling` failures within
 *   `accountWindowMs`, every attempt on the account, from anywhere and right
 *   or wrong, first waits `accountDelayMs`. It slows a distributed guesser;
 *   it refuses no one.
 *
 * Accounts are keyed by the SHA-256 of the lower-cased e-mail as typed, known
 * or not, so an unknown address is throttled exactly like a known one.
 */
export const SIGN_IN_POLICY = Object.freeze({
  freeFailures: 5,
  firstBlockMs: 60_000,
  maxBlockMs: 15 * 60_000,
  accountCeiling: 10,
  accountWindowMs: 15 * 60_000,
  accountDelayMs: 1_000,
  forgetAfterMs: 24 * 3_600_000,
});

const P = SIGN_IN_POLICY;
/** The row counting an account's failures from every source. */
const ALL_SOURCES = '*';

export interface ThrottleKey {
  account: string;
  source: string;
}

export const throttleKey = (email: string, clientAddress: string | null | undefined): ThrottleKey => ({
  account: sha256Hex(email.trim().toLowerCase()),
  // Requests not made through the gateway for a client (none today) share one source.
  source: clientAddress || 'unknown',
});

const ms = (t: string | Date | null) => (t ? new Date(t).getTime() : 0);

interface Row {
  source: string;
  failures: number;
  blocked_until: string | Date | null;
  window_started_at: string | Date;
}

function tooMany(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(ErrorCode.RATE_LIMITED, `Too many failed sign-ins for this e-mail address from your network. Try again in ${seconds} s.`, {
    retryAfter: seconds,
  });
}

/**
 * Before a password is checked: throws RATE_LIMITED while this source must
 * wait for this account, and waits `accountDelayMs` while the account is
 * past its ceiling. One statement.
 */
export async function beforeAttempt(em: EntityManager, key: ThrottleKey): Promise<void> {
  const rows = await em.execute<Row[]>(
    'select source, failures, blocked_until, window_started_at from sign_in_throttle where account = ? and source in (?, ?)',
    [key.account, key.source, ALL_SOURCES],
  );
  const now = Date.now();
  const mine = rows.find((r) => r.source === key.source);
  if (mine && ms(mine.blocked_until) > now) throw tooMany(ms(mine.blocked_until) - now);
  const all = rows.find((r) => r.source === ALL_SOURCES);
  if (all && all.failures >= P.accountCeiling && ms(all.window_started_at) + P.accountWindowMs > now) await sleep(P.accountDelayMs);
}

/**
 * Counts a wrong password (or an unknown e-mail) for the source and for the
 * account. Returns until when the account is slowed down, or null.
 */
export async function recordFailure(em: EntityManager, key: ThrottleKey): Promise<Date | null> {
  // The source's count, restarted when it was forgotten; its wait grows once past the free failures.
  const count = `case when t.last_failure_at < now() - interval '${P.forgetAfterMs} milliseconds' then 1 else t.failures + 1 end`;
  await em.execute(
    `insert into sign_in_throttle as t (account, source, failures, blocked_until, window_started_at, last_failure_at)
     values (?, ?, 1, null, now(), now())
     on conflict (account, source) do update set
       failures = ${count},
       blocked_until = case when ${count} >= ${P.freeFailures}
         then now() + least(${P.firstBlockMs} * power(2, ${count} - ${P.freeFailures}), ${P.maxBlockMs}) * interval '1 millisecond' end,
       last_failure_at = now()`,
    [key.account, key.source],
  );
  // The account's count in fixed windows.
  const expired = `t.window_started_at < now() - interval '${P.accountWindowMs} milliseconds'`;
  const [all] = await em.execute<Row[]>(
    `insert into sign_in_throttle as t (account, source, failures, blocked_until, window_started_at, last_failure_at)
     values (?, ?, 1, null, now(), now())
     on conflict (account, source) do update set
       failures = case when ${expired} then 1 else t.failures + 1 end,
       window_started_at = case when ${expired} then now() else t.window_started_at end,
       last_failure_at = now()
     returning source, failures, blocked_until, window_started_at`,
    [key.account, ALL_SOURCES],
  );
  // Counters nobody has failed on for a day are dropped now and then, so the table stays small.
  if (Math.random() < 0.02) await em.execute(`delete from sign_in_throttle where last_failure_at < now() - interval '${P.forgetAfterMs} milliseconds'`);
  return all && all.failures >= P.accountCeiling ? new Date(ms(all.window_started_at) + P.accountWindowMs) : null;
}

/** A right password from this source: its count starts again (the account's does not: a guesser elsewhere goes on). */
export async function recordSuccess(em: EntityManager, key: ThrottleKey): Promise<void> {
  await em.execute('delete from sign_in_throttle where account = ? and source = ?', [key.account, key.source]);
}

/** An admin's password reset: every count of the account starts again. */
export async function forgetAccount(em: EntityManager, email: string): Promise<void> {
  await em.execute('delete from sign_in_throttle where account = ?', [throttleKey(email, null).account]);
}
