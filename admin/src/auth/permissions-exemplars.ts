/**
 * Who may do what on the exemplars screens (the server checks the same and
 * the subtree): editors and reviewers write exemplars and movements,
 * reviewers record and revoke commendations, admins keep the authority
 * table. Admins pass canAccess's own first check.
 */
export const EXEMPLAR_RESOURCES = new Set(['exemplars', 'commendations', 'movements', 'commendationAuthorities']);

const READ = new Set(['list', 'show', 'export']);

export function exemplarAccess(roles: readonly string[], resource: string, action: string): boolean {
  const has = (...r: string[]) => roles.some((x) => r.includes(x));
  if (resource === 'commendationAuthorities') return has('ADMIN');
  if (READ.has(action)) return has('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER', 'INTEGRATOR');
  if (resource === 'commendations') return has('ADMIN', 'REVIEWER');
  return has('ADMIN', 'EDITOR', 'REVIEWER');
}
