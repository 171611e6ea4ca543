import { Access, can, isUnscoped, type AuditVisibility } from '@lantoa/kit';
import { subtreeCondition } from '@lantoa/kit/directory';

/** Admins see every event; reviewers those scoped to their subtree (from the directory replica); others none. */
export const auditVisibility: AuditVisibility = (caller, knex) => {
  if (isUnscoped(caller)) return 'all';
  if (!can(caller, Access.REVIEW) || !caller.organizationId) return 'none';
  return subtreeCondition(knex, 'organization_id', { organizationId: caller.organizationId, includeDescendants: true });
};
