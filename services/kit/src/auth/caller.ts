import { registerEnumType } from 'type-graphql';

/** Roles a user can hold (issue #3). A user may hold several. */
export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  REVIEWER = 'REVIEWER',
  VIEWER = 'VIEWER',
  INTEGRATOR = 'INTEGRATOR',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesConfig: {
    ADMIN: { description: 'Everything: users, roles, API tokens, the directive registry.' },
    EDITOR: { description: 'Communications staff: create and edit records within their organization’s subtree.' },
    REVIEWER: { description: 'An editor who also approves workflow steps, within their subtree.' },
    VIEWER: { description: 'Reads everything that is not restricted.' },
    INTEGRATOR: { description: 'Another system reading through API tokens; writes only with a write scope.' },
  },
});

/** What an API token may do. */
export enum TokenScope {
  READ = 'READ',
  WRITE = 'WRITE',
}
registerEnumType(TokenScope, { name: 'TokenScope', description: 'Permission granted to an API token.' });

/**
 * The verified caller of a request, as the gateway established it. Subgraphs
 * receive it signed (see proof.ts) and never from the client directly.
 */
export interface Caller {
  kind: 'user' | 'token' | 'anonymous';
  /** The user's id (users) or the API token's id (tokens). */
  id: string | null;
  /** For audit lines: the user's e-mail or the token's name. */
  name: string | null;
  /**
   * Who to show on timelines to every reader: the user's display name and
   * organization ("Kiểm duyệt viên Huyện ủy Ba Bể, Huyện ủy Ba Bể"), or the
   * token's name. Never an e-mail: those are for admins (users, the audit log).
   */
  displayName?: string | null;
  organizationId: string | null;
  roles: Role[];
  /** API tokens only. */
  scopes: TokenScope[];
}

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous', id: null, name: null, organizationId: null, roles: [], scopes: [] }) as Caller;

/**
 * Levels of access an operation requires, from least to most. A role grants a
 * level; an API token grants READ, and EDIT only with the WRITE scope.
 */
export enum Access {
  /** Any signed-in caller: read what is not restricted. */
  READ = 'READ',
  /** Create and edit (editors, reviewers, admins; write-scoped tokens) — within scope. */
  EDIT = 'EDIT',
  /** Approve workflow steps; read audit history of the subtree (reviewers, admins). */
  REVIEW = 'REVIEW',
  /** Users, tokens, the registry (admins). */
  ADMIN = 'ADMIN',
}

const GRANTS: Record<Role, Access[]> = {
  ADMIN: [Access.READ, Access.EDIT, Access.REVIEW, Access.ADMIN],
  REVIEWER: [Access.READ, Access.EDIT, Access.REVIEW],
  EDITOR: [Access.READ, Access.EDIT],
  VIEWER: [Access.READ],
  INTEGRATOR: [Access.READ],
};

export function can(caller: Caller, access: Access): boolean {
  if (caller.kind === 'anonymous') return false;
  const byRole = caller.roles.some((r) => GRANTS[r]?.includes(access));
  if (caller.kind === 'token') {
    // A token acts for an integrator: it reads, and writes only when explicitly granted.
    if (access === Access.READ) return caller.scopes.includes(TokenScope.READ) || caller.scopes.includes(TokenScope.WRITE);
    if (access === Access.EDIT) return caller.scopes.includes(TokenScope.WRITE);
    return false;
  }
  return byRole;
}

/** True when the caller's access is not limited to an organization subtree. */
export const isUnscoped = (caller: Caller) => caller.roles.includes(Role.ADMIN);
