import { hash, verify } from '@node-rs/argon2';
import { jwtVerify, SignJWT } from 'jose';
import { hmacKey } from '@lantoa/kit';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Everything that makes or checks a secret: passwords (Argon2id), access
 * tokens (JWT, HS256 pinned), refresh tokens and API tokens (random, stored
 * as SHA-256 only). Nothing here logs or returns a secret it did not make.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** @node-rs/argon2 defaults: Argon2id, m=19 MiB, t=2, p=1 (the OWASP minimum). */
export async function hashPassword(password: string): Promise<string> {
  const h = await hash(password);
  // A changed library default must not silently weaken every new hash.
  if (!h.startsWith('$argon2id$')) throw new Error('Password hashing did not produce an Argon2id hash.');
  return h;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a wrong password, not a crash
  }
}

// Verified against when the e-mail is unknown, so that answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function verifyDummyPassword(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

/** 32 random bytes, base64url: refresh tokens and the secret part of API tokens. */
export const newSecret = () => randomBytes(32).toString('base64url');

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

// ---- API tokens: lt_<prefix>_<secret> ----

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const API_TOKEN_PATTERN = /^lt_([a-z2-7]{8})_([A-Za-z0-9_-]{43})$/;

/** 8 base32 characters (40 random bits): unique enough to find the row, short enough to show in lists. */
export function newApiTokenPrefix(): string {
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => BASE32[b & 31]).join('');
}

export const formatApiToken = (prefix: string, secret: string) => `lt_${prefix}_${secret}`;

export function parseApiToken(token: string): { prefix: string; secret: string } | null {
  const m = API_TOKEN_PATTERN.exec(token);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

// ---- Access tokens ----

export const JWT_ISSUER = 'lantoa-identity';
export const JWT_AUDIENCE = 'lantoa';
const JWT_ALG = 'HS256';

export interface AccessClaims {
  userId: string;
  /**
   * The user's sessionsValidAfter (epoch ms) when the token was minted. `iat`
   * has whole seconds only, which cannot tell a token minted just before a
   * password change from one minted just after it in the same second.
   */
  sessionEpoch: number;
  /** The refresh-token family (session) the token belongs to: signing out of it ends the token too. */
  sessionId: string;
  expiresAt: Date;
}

export async function signAccessToken(secret: string, ttlSeconds: number, c: Omit<AccessClaims, 'expiresAt'>): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + ttlSeconds;
  const token = await new SignJWT({ sva: c.sessionEpoch, sid: c.sessionId })
    .setProtectedHeader({ alg: JWT_ALG, typ: 'JWT' })
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setSubject(c.userId)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(await hmacKey(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

export class CredentialRefused extends Error {
  override name = 'CredentialRefused';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signature (HS256 only), issuer, audience and expiry; throws CredentialRefused with a reason for the gateway. */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, await hmacKey(secret), {
      algorithms: [JWT_ALG],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new CredentialRefused(code === 'ERR_JWT_EXPIRED' ? 'Access token expired.' : 'Access token is invalid.');
  }
  if (!UUID.test(payload.sub!) || typeof payload.sva !== 'number' || typeof payload.sid !== 'string' || !UUID.test(payload.sid)) {
    throw new CredentialRefused('Access token is invalid.');
  }
  return { userId: payload.sub!, sessionEpoch: payload.sva, sessionId: payload.sid, expiresAt: new Date(payload.exp! * 1000) };
}
