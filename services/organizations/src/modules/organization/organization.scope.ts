import { Access, can, forbidden, inSubtreeOfIdSql, isUnscoped, requireAccess, type AuditVisibility, type Caller, type RequestContext } from '@lantoa/kit';
import { OrganizationQueries } from './organization.queries.js';

/**
 * Organization scope: editors and reviewers act only on records of their own
 * organization and its descendants. Admins are unscoped. Checked here, in the
 * subgraph, whatever the gateway did (defence in depth).
 */
export async function inScope(ctx: RequestContext, organizationId: string): Promise<boolean> {
  if (isUnscoped(ctx.caller)) return true;
  if (!ctx.caller.organizationId) return false;
  const orgs = new OrganizationQueries(ctx);
  const [mine, target] = await Promise.all([orgs.byId(ctx.caller.organizationId), orgs.byId(organizationId)]);
  return !!mine && !!target && !mine.deletedAt && target.path.startsWith(mine.path);
}

/** Refuses with FORBIDDEN unless the caller has `access` and the organization is in their subtree. */
export async function requireInScope(ctx: RequestContext, access: Access, organizationId: string): Promise<void> {
  requireAccess(ctx.caller, access);
  if (!(await inScope(ctx, organizationId))) {
    throw forbidden('This record belongs to an organization outside your own organization’s subtree.');
  }
}

/** Audit events an admin sees all of; a reviewer those of their subtree; others none. */
export const auditVisibility: AuditVisibility = (caller: Caller, knex) => {
  if (isUnscoped(caller)) return 'all';
  if (!can(caller, Access.REVIEW) || !caller.organizationId) return 'none';
  return (qb) =>
    qb.whereIn('organization_id', knex('organization').select('id').whereRaw(inSubtreeOfIdSql('organization'), [caller.organizationId, caller.organizationId]));
};
