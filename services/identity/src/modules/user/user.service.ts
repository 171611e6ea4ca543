import { checkExpectedVersion, conflict, InputCheck, notFound, Role, type RequestContext } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUniqueViolation } from '../../database-errors.js';
import { hashPassword } from '../../credentials.js';
import { endSessions } from '../session/end-sessions.js';
import { forgetAccount } from '../session/sign-in-throttle.js';
import { User } from './user.entity.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { checkEmail, checkPassword, checkRoles, newUser, sameRoles, USER_FIELDS, userSearchText } from './user.rules.js';

const emailTaken = () =>
  conflict('Another user (possibly a deleted one; restore it instead) already has this e-mail address.', {
    fields: [{ path: 'input.email', message: 'is already used by another user.' }],
  });

const isLiveAdmin = (u: User) => u.active && !u.deletedAt && u.roles.includes(Role.ADMIN);

/**
 * Admin writes to users. Each runs in one transaction with its audit event
 * and is refused whole when any field is wrong; a change that affects what
 * the user may do ends their sessions in the same transaction.
 */
export class UserService {
  constructor(private readonly ctx: RequestContext) {}

  private async lockUser(em: EntityManager, id: string, opts: { includeDeleted?: boolean } = {}): Promise<User> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const u = await em.findOne(User, opts.includeDeleted ? { id } : { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!u) throw notFound('User', id, 'id');
    return u;
  }

  /** Nobody could manage users any more: refused. Other admins' rows are locked so two demotions cannot both pass. */
  private async keepOneAdmin(em: EntityManager, u: User, after: { active: boolean; roles: Role[]; deleted: boolean }): Promise<void> {
    if (!isLiveAdmin(u) || (after.active && !after.deleted && after.roles.includes(Role.ADMIN))) return;
    const others = await em.execute<{ id: string }[]>(
      `select id from user_account where roles @> '{ADMIN}'::text[] and active and deleted_at is null and id <> ? for update`,
      [u.id],
    );
    if (!others.length) throw conflict(`${u.email} is the last active admin; make another user an admin first.`);
  }

  async create(input: CreateUserInput): Promise<User> {
    const check = new InputCheck('create');
    const email = checkEmail(check, 'input.email', input.email);
    const displayName = check.text('input.displayName', input.displayName, USER_FIELDS.displayName);
    check.required('input.organizationId', input.organizationId || null);
    check.uuid('input.organizationId', input.organizationId);
    const roles = checkRoles(check, 'input.roles', input.roles);
    checkPassword(check, 'input.password', input.password, email);
    check.done();
    await new Directory(this.ctx).requireLive(input.organizationId, 'input.organizationId');
    const taken = await this.ctx.em.execute('select 1 from user_account where lower(email) = ?', [email!]);
    if (taken.length) throw emailTaken();
    // Hashing is slow (by design): done before the transaction opens.
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.ctx.em.transactional(async (em) => {
        const u = newUser(em, { email: email!, displayName: displayName!, organizationId: input.organizationId, roles: roles!, passwordHash });
        await em.flush();
        return u;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken(); // created concurrently
      throw err;
    }
  }

  async update(id: string, input: UpdateUserInput, expectedVersion?: number | null): Promise<User> {
    const check = new InputCheck('update');
    const displayName = check.text('input.displayName', input.displayName, USER_FIELDS.displayName);
    for (const f of ['organizationId', 'roles', 'active'] as const) check.required(`input.${f}`, input[f]);
    check.uuid('input.organizationId', input.organizationId);
    const roles = input.roles != null ? checkRoles(check, 'input.roles', input.roles) : undefined;
    check.done();
    return this.ctx.em.transactional(async (em) => {
      const u = await this.lockUser(em, id);
      checkExpectedVersion('User', u, expectedVersion);
      // A user may stay in an organization deleted since; moving one needs a live organization.
      if (input.organizationId && input.organizationId !== u.organizationId)
        await new Directory(this.ctx).requireLive(input.organizationId, 'input.organizationId');
      const next = { roles: roles ?? u.roles, active: input.active ?? u.active, organizationId: input.organizationId ?? u.organizationId };
      await this.keepOneAdmin(em, u, { ...next, deleted: false });
      // What the user may do changes: tokens minted under the old rights must not outlive it.
      const rightsChange = !sameRoles(next.roles, u.roles) || (u.active && !next.active) || next.organizationId !== u.organizationId;
      if (displayName) u.displayName = displayName;
      if (!sameRoles(next.roles, u.roles)) u.roles = next.roles;
      u.active = next.active;
      u.organizationId = next.organizationId;
      u.searchText = userSearchText(u);
      if (rightsChange) await endSessions(em, u);
      await em.flush();
      return u;
    });
  }

  async setPassword(id: string, password: string): Promise<User> {
    const check = new InputCheck();
    check.uuid('id', id);
    checkPassword(check, 'password', password);
    check.done();
    const passwordHash = await hashPassword(password);
    return this.ctx.em.transactional(async (em) => {
      const u = await this.lockUser(em, id);
      const problem = new InputCheck();
      checkPassword(problem, 'password', password, u.email);
      problem.done();
      u.passwordHash = passwordHash;
      u.passwordChangedAt = new Date();
      // A reset also lifts the sign-in throttle of the account, from every source.
      u.failedSignIns = 0;
      u.lockedUntil = null;
      await forgetAccount(em, u.email);
      await endSessions(em, u);
      await em.flush();
      return u;
    });
  }

  async remove(id: string): Promise<User> {
    return this.ctx.em.transactional(async (em) => {
      const u = await this.lockUser(em, id);
      await this.keepOneAdmin(em, u, { active: u.active, roles: u.roles, deleted: true });
      u.deletedAt = new Date();
      await endSessions(em, u);
      await em.flush();
      return u;
    });
  }

  async restore(id: string): Promise<User> {
    return this.ctx.em.transactional(async (em) => {
      const u = await this.lockUser(em, id, { includeDeleted: true });
      if (!u.deletedAt) return u;
      u.deletedAt = null;
      await em.flush();
      return u;
    });
  }
}
