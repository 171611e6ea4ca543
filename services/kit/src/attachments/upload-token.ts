import { jwtVerify, SignJWT } from 'jose';
import { hmacKey } from '../auth/hmac-key.js';

/**
 * The signed permission to upload one file (the path segment of
 * /uploads/<subgraph>/<token>). The owning subgraph signs it when the
 * GraphQL mutation has checked the caller, the record, the name and the
 * declared size; the gateway reads it to enforce the size while streaming,
 * and the subgraph verifies it again before storing. HS256 with
 * GATEWAY_SECRET like the caller proof, but with its own issuer and audience,
 * so neither token is ever accepted as the other. It binds the caller (the
 * upload must come with the same caller's credentials: a leaked URL is
 * useless to anyone else), expires after 5 minutes, and its id is stored with
 * the attachment, so it is used once.
 */
const ISSUER = 'lantoa-attachments';
const AUDIENCE = 'lantoa-upload';
const ALG = 'HS256';
export const UPLOAD_TOKEN_TTL_SECONDS = 300;

export interface UploadGrant {
  /** Unique per token; stored as the attachment's upload id (one upload per token). */
  uploadId: string;
  subgraph: string;
  recordType: string;
  recordId: string;
  /** The caller's id (user or API token) as in the gateway's proof. */
  callerId: string;
  fileName: string;
  /** The most bytes the gateway and the subgraph accept for this upload. */
  maxBytes: number;
  expiresAt: Date;
}

export async function signUploadToken(
  secret: string,
  grant: Omit<UploadGrant, 'expiresAt'>,
  ttlSeconds = UPLOAD_TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await new SignJWT({ sg: grant.subgraph, rt: grant.recordType, rid: grant.recordId, fn: grant.fileName, max: grant.maxBytes })
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(grant.callerId)
    .setJti(grant.uploadId)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(await hmacKey(secret));
  return { token, expiresAt: new Date(exp * 1000) };
}

export class InvalidUploadTokenError extends Error {
  override name = 'InvalidUploadTokenError';
  constructor(
    message: string,
    /** True when the signature was good and only the time ran out (the client should ask for a new URL). */
    readonly expired = false,
  ) {
    super(message);
  }
}

/** Verifies algorithm, issuer, audience and expiry; returns what the token grants. */
export async function verifyUploadToken(token: string, secret: string): Promise<UploadGrant> {
  try {
    const { payload: p } = await jwtVerify(token, await hmacKey(secret), {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'sub', 'jti'],
    });
    if (typeof p.sg !== 'string' || typeof p.rt !== 'string' || typeof p.rid !== 'string' || typeof p.fn !== 'string' || typeof p.max !== 'number') {
      throw new InvalidUploadTokenError('The upload URL is incomplete.');
    }
    return {
      uploadId: p.jti!,
      subgraph: p.sg,
      recordType: p.rt,
      recordId: p.rid,
      callerId: p.sub!,
      fileName: p.fn,
      maxBytes: p.max,
      expiresAt: new Date(p.exp! * 1000),
    };
  } catch (err) {
    if (err instanceof InvalidUploadTokenError) throw err;
    const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw new InvalidUploadTokenError(expired ? 'The upload URL has expired: ask for a new one.' : 'The upload URL is not valid.', expired);
  }
}
