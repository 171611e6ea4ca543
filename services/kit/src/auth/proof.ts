import { jwtVerify, SignJWT } from 'jose';
import { ANONYMOUS, Role, TokenScope, type Caller } from './caller.js';
import { hmacKey } from './hmac-key.js';

/**
 * How a subgraph knows a request came through the gateway: the gateway signs
 * the verified caller (HS256 with GATEWAY_SECRET, 60 s) into this header. A
 * client cannot forge it without the secret, and the gateway never forwards a
 * client's own copy.
 */
export const CALLER_HEADER = 'x-lantoa-caller';

const ISSUER = 'lantoa-gateway';
const AUDIENCE = 'lantoa-subgraphs';
const ALG = 'HS256';

export interface CallerProof {
  caller: Caller;
  requestId: string;
  /**
   * The client's network address as the gateway established it (an IPv4
   * address or an IPv6 /64; behind a trusted proxy, the address it reported).
   * Null when the proof was not made for a client request. Subgraphs never
   * read it from a header of their own: only the signed proof carries it.
   */
  clientAddress: string | null;
}

export async function signCallerProof(
  caller: Caller,
  requestId: string,
  secret: string,
  ttlSeconds = 60,
  clientAddress: string | null = null,
): Promise<string> {
  return new SignJWT({
    kind: caller.kind,
    name: caller.name,
    dn: caller.displayName ?? null,
    org: caller.organizationId,
    roles: caller.roles,
    scopes: caller.scopes,
    rid: requestId,
    cip: clientAddress,
  })
    .setProtectedHeader({ alg: ALG })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(caller.id ?? 'anonymous')
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(await hmacKey(secret));
}

export class InvalidProofError extends Error {
  override name = 'InvalidProofError';
}

const ROLES = new Set<string>(Object.values(Role));
const SCOPES = new Set<string>(Object.values(TokenScope));

/** Verifies the header (algorithm pinned, issuer, audience, expiry) and returns the caller it carries. */
export async function verifyCallerProof(token: string | undefined, secret: string): Promise<CallerProof> {
  if (!token) throw new InvalidProofError('Missing gateway proof.');
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    const kind = payload.kind as Caller['kind'];
    if (kind !== 'user' && kind !== 'token' && kind !== 'anonymous') throw new InvalidProofError('Unknown caller kind.');
    const caller: Caller =
      kind === 'anonymous'
        ? ANONYMOUS
        : {
            kind,
            id: payload.sub!,
            name: typeof payload.name === 'string' ? payload.name : null,
            displayName: typeof payload.dn === 'string' ? payload.dn : null,
            organizationId: typeof payload.org === 'string' ? payload.org : null,
            roles: (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role => ROLES.has(r)),
            scopes: (Array.isArray(payload.scopes) ? payload.scopes : []).filter((s): s is TokenScope => SCOPES.has(s)),
          };
    const clientAddress = typeof payload.cip === 'string' && payload.cip.length > 0 && payload.cip.length <= 64 ? payload.cip : null;
    return { caller, requestId: typeof payload.rid === 'string' ? payload.rid : 'unknown', clientAddress };
  } catch (err) {
    if (err instanceof InvalidProofError) throw err;
    throw new InvalidProofError(`Invalid gateway proof: ${(err as Error).message}`);
  }
}
