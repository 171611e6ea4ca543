import type { AuditVisibility } from '../audit/audit-queries.js';
import { Access, can, isUnscoped } from '../auth/caller.js';
import { subtreeCondition } from './directory.js';

/**
 * The audit visibility of a subgraph that follows the directory: admins see
 * every event; reviewers those scoped to an organization of their subtree
 * (answered from the replica); everyone else none.
 */
export const subtreeAuditVisibility: AuditVisibility = (caller, knex) => {
  if (isUnscoped(caller)) return 'all';
  if (!can(caller, Access.REVIEW) || !caller.organizationId) return 'none';
  return subtreeCondition(knex, 'organization_id', { organizationId: caller.organizationId, includeDescendants: true });
};
