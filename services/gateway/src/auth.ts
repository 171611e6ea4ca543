import { ANONYMOUS, AUTHENTICATE_PATH, CALLER_HEADER, Role, signCallerProof, TokenScope, type Caller, type Logger } from '@lantoa/kit';
import { createHash } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { createCircuitBreaker } from './breaker.js';

/** The credential was refused: answered 401 UNAUTHENTICATED. */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

/** Identity could not say either way (down, slow, answered nonsense): answered 503 SERVICE_UNAVAILABLE. */
export class AuthUnavailableError extends Error {
  override name = 'AuthUnavailableError';
}

// RFC 6750 b64token; API tokens (lt_…) and JWTs both fit. Length-capped so a huge header costs nothing.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]{1,4096}=*) *$/i;

/**
 * The credential of an `Authorization` header: undefined when there is no
 * header (an anonymous caller). Anything else that is not `Bearer <token>`
 * is refused rather than ignored, so a client bug never silently downgrades
 * a request to anonymous.
 */
export function credentialOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = BEARER.exec(header);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <access token or API token>".');
  return match[1]!;
}

/** The cache key: credentials are never kept in memory longer than a lookup, nor logged. */
export const fingerprint = (credential: string): string => createHash('sha256').update(credential).digest('base64url');

/**
 * Until when identity's answer may be trusted: the `expiresAt` it sends, or
 * failing that the `exp` of a JWT-shaped credential (read, not verified).
 */
function expiryOf(body: unknown, credential: string): number | undefined {
  const said = (body as { expiresAt?: unknown } | null)?.expiresAt;
  const at = typeof said === 'string' ? Date.parse(said) : NaN;
  if (!Number.isNaN(at)) return at;
  const parts = credential.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const ROLES = new Set<string>(Object.values(Role));
const SCOPES = new Set<string>(Object.values(TokenScope));

/** Identity's answer, checked: a caller we could not read is an identity failure, never a guess. */
function callerFrom(body: unknown): Caller {
  const c = (body as { caller?: Record<string, unknown> } | null)?.caller;
  if (!c || (c.kind !== 'user' && c.kind !== 'token') || typeof c.id !== 'string' || !c.id) {
    throw new AuthUnavailableError('identity answered 200 without a valid caller');
  }
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    kind: c.kind,
    id: c.id,
    name: typeof c.name === 'string' ? c.name : null,
    displayName: typeof c.displayName === 'string' ? c.displayName : null,
    organizationId: typeof c.organizationId === 'string' ? c.organizationId : null,
    roles: list(c.roles).filter((r): r is Role => ROLES.has(r)),
    scopes: list(c.scopes).filter((s): s is TokenScope => SCOPES.has(s)),
  };
}

interface Entry {
  /** A caller, or the message of a refusal. */
  caller?: Caller;
  refusal?: string;
  expiresAt: number;
}

export interface AuthenticatorOptions {
  /** identity's /graphql URL; /internal/authenticate is on the same origin. */
  identityUrl: string;
  gatewaySecret: string;
  /** Verified callers are reused this long; 0 disables the cache. */
  cacheTtlMs: number;
  timeoutMs: number;
  log: Logger;
  /** Bound on cached credentials; the oldest go first. */
  maxEntries?: number;
}

export interface Authenticator {
  /** The caller a credential stands for, when it is cached; no network. */
  cached(credential: string): Caller | undefined;
  /** Verifies a credential (cache, then identity). Throws UnauthenticatedError or AuthUnavailableError. */
  verify(credential: string, requestId: string): Promise<Caller>;
  close(): Promise<void>;
}

/** Refusals are remembered briefly, to absorb a client retrying a dead token in a loop, never longer. */
const REFUSAL_TTL_MS = 2_000;

/**
 * Verifies credentials with the identity subgraph, which alone knows keys,
 * sessions and revocations. Verified callers are cached by the SHA-256 of the
 * credential for `cacheTtlMs` (never past a JWT's own expiry): a revoked
 * credential keeps working at most that long. Concurrent lookups of one
 * credential share one call.
 */
export function createAuthenticator(o: AuthenticatorOptions): Authenticator {
  const endpoint = new URL(AUTHENTICATE_PATH, o.identityUrl).href;
  const agent = new Agent({ connections: 32, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
  // While identity is known to be down, signed-in requests get their 503 at once instead of after AUTH_TIMEOUT_MS.
  const breaker = createCircuitBreaker({ subgraph: 'identity (authentication)', log: o.log });
  const maxEntries = o.maxEntries ?? 10_000;
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Caller>>();

  const remember = (key: string, entry: Entry) => {
    if (entry.expiresAt <= Date.now()) return;
    cache.delete(key); // re-insert at the end: Map order is our eviction order
    cache.set(key, entry);
    if (cache.size > maxEntries) {
      const now = Date.now();
      for (const [k, e] of cache) if (e.expiresAt <= now) cache.delete(k);
      for (const k of cache.keys()) {
        if (cache.size <= maxEntries) break;
        cache.delete(k);
      }
    }
  };

  const lookup = (key: string): Entry | undefined => {
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry;
    cache.delete(key);
    return undefined;
  };

  async function ask(credential: string, requestId: string): Promise<{ caller: Caller; expiresAt: number | undefined }> {
    try {
      breaker.admit();
    } catch (err) {
      throw new AuthUnavailableError((err as Error).message);
    }
    let res;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': requestId,
          // identity's /internal routes answer only the gateway, like its /graphql.
          [CALLER_HEADER]: await signCallerProof(ANONYMOUS, requestId, o.gatewaySecret),
        },
        body: JSON.stringify({ credential }),
        signal: AbortSignal.timeout(o.timeoutMs),
        dispatcher: agent,
      });
    } catch (err) {
      const cause = (err as Error).cause as { code?: string; message?: string } | undefined;
      const reason = `${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
      breaker.failed(reason, requestId);
      throw new AuthUnavailableError(`identity did not answer: ${reason}`);
    }
    if (res.status === 502 || res.status === 503 || res.status === 504) breaker.failed(`HTTP ${res.status}`, requestId);
    else breaker.succeeded();
    const text = await res.text().catch(() => '');
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* judged by status below */
    }
    if (res.status === 401) {
      const said = (body as { errors?: { message?: unknown }[] } | null)?.errors?.[0]?.message;
      // identity's sentences are written for the caller; fall back to ours if it sent none usable.
      const message =
        typeof said === 'string' && said.length > 0 && said.length <= 300 && !said.includes(credential)
          ? said
          : 'The access token or API token is invalid, expired or revoked.';
      throw new UnauthenticatedError(message);
    }
    if (res.status !== 200) throw new AuthUnavailableError(`identity answered HTTP ${res.status}`);
    return { caller: callerFrom(body), expiresAt: expiryOf(body, credential) };
  }

  return {
    cached(credential) {
      if (o.cacheTtlMs === 0) return undefined;
      return lookup(fingerprint(credential))?.caller;
    },

    async verify(credential, requestId) {
      const key = fingerprint(credential);
      if (o.cacheTtlMs > 0) {
        const hit = lookup(key);
        if (hit?.caller) return hit.caller;
        if (hit?.refusal) throw new UnauthenticatedError(hit.refusal);
      }
      let pending = inFlight.get(key);
      if (!pending) {
        pending = ask(credential, requestId).then(
          ({ caller, expiresAt }) => {
            // Never past the credential's own expiry: an access token must not outlive itself in our cache.
            if (o.cacheTtlMs > 0) remember(key, { caller, expiresAt: Math.min(Date.now() + o.cacheTtlMs, expiresAt ?? Infinity) });
            return caller;
          },
          (err: unknown) => {
            if (err instanceof UnauthenticatedError && o.cacheTtlMs > 0) {
              remember(key, { refusal: err.message, expiresAt: Date.now() + Math.min(o.cacheTtlMs, REFUSAL_TTL_MS) });
            } else if (err instanceof AuthUnavailableError) {
              // Logged once per lookup, not per coalesced request; the credential itself never is.
              o.log.error('identity unavailable', { requestId, error: err.message });
            }
            throw err;
          },
        );
        const settled = pending.finally(() => inFlight.delete(key));
        settled.catch(() => undefined);
        inFlight.set(key, pending);
      }
      return pending;
    },

    async close() {
      cache.clear();
      await agent.close();
    },
  };
}
