import { session } from '../services';

/** An organization with its ancestors' ids, as records carry it for scope checks. */
export interface ScopedOrganization {
  id: string;
  ancestors?: { id: string }[];
}

/**
 * A request to the gateway's file paths (uploads, files, thumbnails) with the
 * session's Authorization header — an <img src> cannot send it — refreshing
 * the access token once on 401, as GraphQL requests do.
 */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => fetch(path, { ...init, headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const used = session.accessToken;
  const res = await send(used);
  if (res.status !== 401 || !used) return res;
  const fresh = await session.refresh();
  return fresh ? send(fresh) : res;
}

/**
 * Whether the signed-in user works in the subtree of this organization (or
 * is an admin): only then are edit, delete and upload offered. The server
 * decides; this hides what it would refuse (a provincial board's editor on
 * a district's exemplar).
 */
export function inScope(identity: Record<string, unknown> | undefined, organization: ScopedOrganization | null | undefined): boolean {
  if (!identity) return false;
  if (Array.isArray(identity.roles) && identity.roles.includes('ADMIN')) return true;
  if (!organization || !identity.organizationId) return false;
  return organization.id === identity.organizationId || !!organization.ancestors?.some((a) => a.id === identity.organizationId);
}
