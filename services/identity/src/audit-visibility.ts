import { isUnscoped, type AuditVisibility } from '@lantoa/kit';

/**
 * Identity's events are about accounts and credentials, which only admins
 * manage; identity does not know the organization tree, so it cannot grant
 * reviewers a subtree of them.
 */
export const auditVisibility: AuditVisibility = (caller) => (isUnscoped(caller) ? 'all' : 'none');
