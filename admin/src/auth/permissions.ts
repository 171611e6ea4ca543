/**
 * What each role may do in the console. The server enforces the same rules
 * (and the organization scope, which only it can check): this only hides what
 * would be refused anyway.
 */
import { WRITABLE_BY_EDITORS } from '../graphql/registry-directives';
import { EXEMPLAR_RESOURCES, exemplarAccess } from './permissions-exemplars';

/** Media items and campaigns: editors and reviewers of the outlet's (campaign's) subtree write them; approving is a reviewer's step, which the API offers in allowedActions. */
const MEDIA_RESOURCES = new Set(['mediaItems', 'campaigns']);

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | string;

const READ = new Set(['list', 'show', 'export']);
const ADMIN_ONLY = new Set(['users', 'apiTokens']);
const AUDIT_READERS = ['ADMIN', 'REVIEWER'];
const WRITERS = ['ADMIN', 'EDITOR', 'REVIEWER'];

export function canAccess(roles: readonly string[], resource: string, action: Action): boolean {
  const has = (...r: string[]) => roles.some((x) => r.includes(x));
  if (has('ADMIN')) return true;
  if (ADMIN_ONLY.has(resource)) return false;
  if (EXEMPLAR_RESOURCES.has(resource)) return exemplarAccess(roles, resource, action);
  if (resource === 'auditEvents' || resource.startsWith('history/')) return has(...AUDIT_READERS) && READ.has(action);
  if (READ.has(action)) return has('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER', 'INTEGRATOR');
  // The tree and its successions are the admins' (organizations mutations are ADMIN only).
  if (resource === 'organizations') return false;
  if (resource === 'people' || resource === 'positions') return has(...WRITERS);
  if (WRITABLE_BY_EDITORS.has(resource) || MEDIA_RESOURCES.has(resource)) return has(...WRITERS);
  return false;
}
