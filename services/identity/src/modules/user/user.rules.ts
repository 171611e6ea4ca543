import { InputCheck, Role, searchKey, type TextRule, isEmail } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../credentials.js';
import { User } from './user.entity.js';

// Deliberately loose: the address is proven by use, not by a regular expression.

/** One rule per text field, for create and update alike (the check's mode decides what absence means). */
export const USER_FIELDS = {
  email: { required: true, max: 254, kind: 'email' },
  displayName: { required: true, max: 200 },
} satisfies Record<string, TextRule>;

/** Trimmed, lower case; null when invalid (the problem is added to `check`). */
export function checkEmail(check: InputCheck, path: string, value: string | null | undefined): string | null {
  const email = check.text(path, value, USER_FIELDS.email);
  if (!email) return null;
  if (!isEmail(email)) {
    check.add(path, 'is not an e-mail address.');
    return null;
  }
  return email.toLowerCase();
}

/** Length only (NIST SP 800-63B): composition rules make passwords weaker, not stronger. The value never appears in a message. */
export function checkPassword(check: InputCheck, path: string, password: string | null | undefined, email?: string | null): void {
  if (password == null || password.length === 0) check.add(path, 'is required.');
  else if ([...password].length < PASSWORD_MIN) check.add(path, `must be at least ${PASSWORD_MIN} characters.`);
  else if (password.length > PASSWORD_MAX) check.add(path, `must be at most ${PASSWORD_MAX} characters.`);
  else if (email && password.trim().toLowerCase() === email.toLowerCase()) check.add(path, 'must not be the e-mail address.');
}

export function checkRoles(check: InputCheck, path: string, roles: Role[] | null | undefined): Role[] | null {
  if (!roles || roles.length === 0) {
    check.add(path, 'must name at least one role.');
    return null;
  }
  const known = new Set<string>(Object.values(Role));
  roles.forEach((r, i) => {
    if (!known.has(r)) check.add(`${path}.${i}`, `is not a role (one of ${[...known].join(', ')}).`);
  });
  // Stored in a fixed order, so a reordered list is not a change.
  return [...new Set(roles)].sort();
}

export const userSearchText = (u: { email: string; displayName: string }) => searchKey(`${u.email} ${u.displayName}`);

export const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((r, i) => r === [...b].sort()[i]);

/**
 * A new account: the one place that decides a user's initial state (active,
 * no failed sign-ins, sessions valid from now), for admins' createUser and the
 * first admin from the environment alike.
 */
export function newUser(
  em: EntityManager,
  f: { email: string; displayName: string; organizationId: string | null; roles: Role[]; passwordHash: string },
): User {
  const now = new Date();
  return em.create(User, {
    ...f,
    active: true,
    passwordChangedAt: now,
    sessionsValidAfter: now,
    failedSignIns: 0,
    lockedUntil: null,
    lastSignInAt: null,
    searchText: userSearchText(f),
  });
}
