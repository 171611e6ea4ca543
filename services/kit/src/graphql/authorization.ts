import { Extensions, type AuthChecker, type MiddlewareFn } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors.js';
import type { RequestContext } from './context.js';
import { Access, can, type Caller } from '../auth/caller.js';

/**
 * Marks an operation that anonymous callers may use (signing in). Everything
 * else requires a signed-in caller: secure by default, see RequireSignIn.
 */
export const Public = () => Extensions({ public: true });

/**
 * Global middleware: a root field without @Public() refuses anonymous callers
 * with UNAUTHENTICATED, whatever its own decorators say.
 */
export const RequireSignIn: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const isRoot = info.parentType.name === 'Query' || info.parentType.name === 'Mutation';
  if (isRoot && context.caller.kind === 'anonymous') {
    const field = info.parentType.getFields()[info.fieldName];
    // `_service` (the SDL, for tooling) needs only the gateway's proof; `_entities`
    // is guarded in buildFederatedSchema, since these middlewares do not wrap it.
    if (!field?.extensions?.public && !info.fieldName.startsWith('_')) throw unauthenticated();
  }
  return next();
};

/** `@Authorized(Access.EDIT)`: the caller needs at least one of the listed access levels. */
export const authChecker: AuthChecker<RequestContext, Access> = ({ context }, levels) => {
  if (context.caller.kind === 'anonymous') throw unauthenticated();
  if (levels.length === 0 || levels.some((l) => can(context.caller, l))) return true;
  throw forbidden(`This needs ${levels.join(' or ')} access, which your ${context.caller.kind === 'token' ? 'API token' : 'roles'} do not grant.`);
};

/** Refuses with FORBIDDEN unless the caller has the access level. */
export function requireAccess(caller: Caller, access: Access): void {
  if (caller.kind === 'anonymous') throw unauthenticated();
  if (!can(caller, access)) throw forbidden(`This needs ${access} access, which your ${caller.kind === 'token' ? 'API token' : 'roles'} do not grant.`);
}

/**
 * A list's soft-delete condition: live rows; with `deleted: true`, only the
 * deleted ones, so they can be found and restored — for callers with editing
 * access (others get FORBIDDEN: what was deleted is not for every reader).
 */
export function softDeleteCondition(
  caller: Caller,
  deleted: boolean | null | undefined,
): (qb: { whereNull(c: string): unknown; whereNotNull(c: string): unknown }) => void {
  if (!deleted) return (qb) => void qb.whereNull('deleted_at');
  requireAccess(caller, Access.EDIT);
  return (qb) => void qb.whereNotNull('deleted_at');
}
