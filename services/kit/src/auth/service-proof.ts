import { jwtVerify, SignJWT } from 'jose';
import { hmacKey } from './hmac-key.js';

/**
 * Service-to-service calls that act for no user (a subgraph reading another's
 * internal feed) carry this header: a short-lived HS256 token signed with
 * GATEWAY_SECRET, like the gateway's caller proof, but with its own issuer and
 * one audience per internal endpoint. So a caller proof (issuer
 * lantoa-gateway, audience lantoa-subgraphs) is refused here, a service proof
 * is refused as a caller proof on /graphql, and a proof made for one endpoint
 * opens no other. Clients never hold the secret; the gateway never forwards
 * this header (it builds its upstream headers itself).
 */
export const SERVICE_HEADER = 'x-lantoa-service';

const ISSUER = 'lantoa-service';
const ALG = 'HS256';

/** Audience of the organization change feed (organizations → every consuming subgraph). */
export const ORGANIZATION_FEED_AUDIENCE = 'lantoa-internal:organization-feed';

export async function signServiceProof(secret: string, o: { audience: string; service: string; ttlSeconds?: number }): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setAudience(o.audience)
    .setSubject(o.service)
    .setIssuedAt()
    .setExpirationTime(`${o.ttlSeconds ?? 60}s`)
    .sign(await hmacKey(secret));
}

export class InvalidServiceProofError extends Error {
  override name = 'InvalidServiceProofError';
}

/** Verifies algorithm, issuer, audience and expiry; returns the calling service's name. */
export async function verifyServiceProof(token: string | undefined, secret: string, audience: string): Promise<{ service: string }> {
  if (!token) throw new InvalidServiceProofError('Missing service proof.');
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), { algorithms: [ALG], issuer: ISSUER, audience, requiredClaims: ['exp', 'sub'] });
    return { service: payload.sub! };
  } catch (err) {
    throw new InvalidServiceProofError(`Invalid service proof: ${(err as Error).message}`);
  }
}
