import { Role, type Caller, type Orm, type TokenScope } from '@lantoa/kit';
import { CredentialRefused, parseApiToken, sameDigest, sha256Hex, verifyAccessToken } from '../credentials.js';
import type { IdentitySettings } from '../settings.js';

/** The internal endpoint the gateway calls for every credential it has not cached (the kit holds the path for both ends). */
export { AUTHENTICATE_PATH } from '@lantoa/kit';

export interface AuthenticateRequest {
  /** An access token (JWT) or an API token (`lt_…`), without "Bearer ". */
  credential: string;
}

/** 200: who the credential stands for, and until when the answer may be cached at most. */
export interface AuthenticateResponse {
  caller: Caller;
  /** ISO 8601; the credential's own expiry. */
  expiresAt: string;
}

/** 400 (malformed request) and 401 (refused credential): the kit's wire shape, as every endpoint answers. */
export interface AuthenticateRefusal {
  errors: { message: string; extensions: { code: string; requestId: string } }[];
}

export { CredentialRefused };

// The driver hands timestamps over as text (MikroORM keeps them exact that way).
type Timestamp = string | Date;
const ms = (t: Timestamp) => new Date(t).getTime();

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organization_name: string | null;
  organization_id: string | null;
  roles: Role[];
  active: boolean;
  deleted_at: Timestamp | null;
  sessions_valid_after: Timestamp;
  signed_out: boolean;
}

interface TokenRow {
  id: string;
  name: string;
  token_hash: string;
  scopes: TokenScope[];
  organization_id: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  deleted_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Turns a credential into the caller it stands for, with the user's CURRENT
 * roles and organization. One statement per credential (plus, at most once
 * a minute per API token, the lastUsedAt update): this runs for every
 * request the gateway has not cached.
 */
export async function authenticateCredential(orm: Orm, settings: IdentitySettings, credential: string): Promise<AuthenticateResponse> {
  const db = orm.em.getConnection();
  if (credential.startsWith('lt_')) {
    const parsed = parseApiToken(credential);
    if (!parsed) throw new CredentialRefused('API token is invalid.');
    const [t] = await db.execute<TokenRow[]>(
      'select id, name, token_hash, scopes, organization_id, expires_at, revoked_at, deleted_at, last_used_at from api_token where prefix = ?',
      [parsed.prefix],
    );
    // Unknown prefix and wrong secret look the same; the digest comparison takes constant time.
    if (!t || !sameDigest(sha256Hex(parsed.secret), t.token_hash)) throw new CredentialRefused('API token is invalid.');
    if (t.revoked_at || t.deleted_at) throw new CredentialRefused('API token was revoked.');
    if (ms(t.expires_at) <= Date.now()) throw new CredentialRefused('API token expired.');
    if (!t.last_used_at || Date.now() - ms(t.last_used_at) >= LAST_USED_GRANULARITY_MS) {
      // The condition repeats in SQL so that several identity instances still write at most once a minute.
      await db.execute(`update api_token set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [
        t.id,
      ]);
    }
    return {
      caller: { kind: 'token', id: t.id, name: t.name, displayName: t.name, organizationId: t.organization_id, roles: [Role.INTEGRATOR], scopes: t.scopes },
      expiresAt: new Date(t.expires_at).toISOString(),
    };
  }

  const claims = await verifyAccessToken(settings.jwtSecret, credential);
  const [u] = await db.execute<UserRow[]>(
    `select u.id, u.email, u.display_name, o.name as organization_name, u.organization_id, u.roles, u.active, u.deleted_at, u.sessions_valid_after,
       exists (select 1 from refresh_token r where r.family_id = ? and r.revoked_at is not null) as signed_out
     from user_account u left join directory_organization o on o.id = u.organization_id where u.id = ?`,
    [claims.sessionId, claims.userId],
  );
  if (!u || u.deleted_at) throw new CredentialRefused('User does not exist.');
  if (!u.active) throw new CredentialRefused('User is disabled.');
  // Wrong passwords never end a session (see sign-in-throttle.ts): a guesser must not be able to sign anyone out.
  if (claims.sessionEpoch < ms(u.sessions_valid_after)) throw new CredentialRefused('Session ended (password change or sign-out everywhere).');
  if (u.signed_out) throw new CredentialRefused('Session ended (signed out).');
  return {
    caller: {
      kind: 'user',
      id: u.id,
      name: u.email,
      // What timelines show everyone; the e-mail stays with admins.
      displayName: u.organization_name ? `${u.display_name}, ${u.organization_name}` : u.display_name,
      organizationId: u.organization_id,
      roles: u.roles,
      scopes: [],
    },
    expiresAt: claims.expiresAt.toISOString(),
  };
}
