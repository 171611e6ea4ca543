import type { AuthProvider } from 'react-admin';
import { canAccess } from './permissions';
import type { Session } from './session';

/** react-admin's auth provider over our Session (sign in through the gateway's signIn mutation). */
export function createAuthProvider(session: Session): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      await session.signIn(username, password);
    },
    async logout() {
      await session.signOut();
    },
    async checkAuth() {
      if (!(await session.ensure())) throw { message: 'ra.auth.auth_check_error', redirectTo: '/login' };
    },
    async checkError(error: { status?: number }) {
      // 401 after the one refresh the client already tried: the session is over. 403 is a refusal, not a sign-out.
      if (error?.status === 401) {
        if (session.user) session.ended = true;
        session.clear();
        throw { message: 'lantoa.auth.session_ended', redirectTo: '/login' };
      }
    },
    async getIdentity() {
      const user = await session.ensure();
      if (!user) throw new Error('not signed in');
      return {
        id: user.id,
        fullName: user.displayName,
        email: user.email,
        roles: user.roles,
        organizationId: user.organizationId,
        organization: user.organization,
      };
    },
    async getPermissions() {
      return (await session.ensure())?.roles ?? [];
    },
    async canAccess({ resource, action }) {
      const user = await session.ensure();
      return !!user && canAccess(user.roles, resource, action);
    },
  };
}
