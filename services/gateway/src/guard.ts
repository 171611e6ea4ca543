import { ANONYMOUS, ErrorCode, signCallerProof, type Caller, type Logger } from '@lantoa/kit';
import type { RequestHandler, Response } from 'express';
import { AuthUnavailableError, credentialOf, UnauthenticatedError, type Authenticator } from './auth.js';
import { callerKey, ipKey, type RateDecision, type RateLimiter } from './rate-limit.js';

/** Lifetime of the caller proof; a request whose plan runs longer gets a fresh one (see proofFor). */
export const PROOF_TTL_SECONDS = 60;

/** One signature per request, made when the first subgraph fetch needs it, renewed only near expiry. */
export function proofFor(caller: Caller, requestId: string, secret: string, clientAddress: string | null = null): () => Promise<string> {
  let signed: { at: number; value: Promise<string> } | undefined;
  return () => {
    if (!signed || Date.now() - signed.at > (PROOF_TTL_SECONDS - 15) * 1000) {
      signed = { at: Date.now(), value: signCallerProof(caller, requestId, secret, PROOF_TTL_SECONDS, clientAddress) };
    }
    return signed.value;
  };
}

const send = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  void res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId as string, ...extra } }] });

function rateHeaders(res: Response, d: RateDecision) {
  res.setHeader('RateLimit-Limit', String(d.limit));
  res.setHeader('RateLimit-Remaining', String(d.remaining));
  res.setHeader('RateLimit-Reset', String(d.resetSeconds));
}

function tooMany(res: Response, d: RateDecision, what: string) {
  rateHeaders(res, d);
  res.setHeader('Retry-After', String(d.resetSeconds));
  send(res, 429, ErrorCode.RATE_LIMITED, `Too many ${what}: the limit is ${d.limit} per minute. Try again in ${d.resetSeconds} s.`, {
    retryAfter: d.resetSeconds,
  });
}

// For the log: which kind of credential failed, never the credential.
const kindOf = (credential: string | undefined) =>
  credential === undefined ? 'malformed header' : credential.startsWith('lt_') ? 'API token' : credential.split('.').length === 3 ? 'JWT' : 'unknown';

export interface GuardOptions {
  authenticator: Authenticator;
  limiter: RateLimiter;
  gatewaySecret: string;
  perCaller: number;
  perAnonymousIp: number;
  log: Logger;
}

/**
 * Runs before anything else of /graphql, even before the body is read:
 * establishes the caller (401 for bad credentials, 503 when identity cannot
 * tell), then counts the request against the caller's budget, or the client
 * IP's when anonymous (429 beyond it). Failed credentials from one IP also
 * count, and past the anonymous limit its unknown credentials are refused
 * without asking identity, so guessing and flooding stay cheap for us.
 */
export function requestGuard(o: GuardOptions): RequestHandler {
  return async (req, res, next) => {
    const requestId = res.locals.requestId as string;
    const ip = ipKey(req.ip);
    const failureKey = `authfail:${ip}`;
    let credential: string | undefined;
    try {
      let caller: Caller | undefined;
      try {
        credential = credentialOf(req.header('authorization'));
        caller = credential === undefined ? ANONYMOUS : o.authenticator.cached(credential);
        if (!caller) {
          const failures = await o.limiter.peek(failureKey, o.perAnonymousIp);
          if (!failures.allowed) return tooMany(res, failures, 'failed sign-ins from your address');
          caller = await o.authenticator.verify(credential!, requestId);
        }
      } catch (err) {
        if (err instanceof UnauthenticatedError) {
          await o.limiter.hit(failureKey, o.perAnonymousIp);
          o.log.info('credential refused', { requestId, clientRequestId: res.locals.clientRequestId, ip, credential: kindOf(credential), reason: err.message });
          res.setHeader('WWW-Authenticate', `Bearer realm="lantoa", error="${credential === undefined ? 'invalid_request' : 'invalid_token'}"`);
          return send(res, 401, ErrorCode.UNAUTHENTICATED, err.message);
        }
        if (err instanceof AuthUnavailableError) {
          res.setHeader('Retry-After', '5');
          return send(
            res,
            503,
            ErrorCode.SERVICE_UNAVAILABLE,
            `Sign-in cannot be checked right now. Try again shortly, and quote request id ${requestId} if it persists.`,
          );
        }
        throw err;
      }

      const anonymous = caller.kind === 'anonymous';
      const decision = await o.limiter.hit(anonymous ? `ip:${ip}` : callerKey(caller), anonymous ? o.perAnonymousIp : o.perCaller);
      if (!decision.allowed) return tooMany(res, decision, anonymous ? 'requests without sign-in from your address' : 'requests');
      rateHeaders(res, decision);

      res.locals.caller = caller;
      // The client's address travels signed, so identity can throttle sign-ins per account and source.
      res.locals.proof = proofFor(caller, requestId, o.gatewaySecret, ip);
      next();
    } catch (err) {
      next(err);
    }
  };
}
