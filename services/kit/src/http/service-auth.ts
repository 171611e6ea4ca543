import type express from 'express';
import { SERVICE_HEADER, verifyServiceProof } from '../auth/service-proof.js';
import { ErrorCode } from '../errors.js';
import { sendHttpError } from './wire.js';

export { sendHttpError };

/** The internal endpoint through which the gateway has identity verify a credential (both ends use this). */
export const AUTHENTICATE_PATH = '/internal/authenticate';

/**
 * Internal endpoints that serve another service, not a user: only a service
 * proof for this endpoint's audience passes (see service-proof.ts); a client's
 * credentials and the gateway's caller proof get 401.
 */
export function requireServiceProof(secret: string, audience: string): express.RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.service = await verifyServiceProof(req.header(SERVICE_HEADER), secret, audience);
      next();
    } catch {
      sendHttpError(req, res, 401, ErrorCode.UNAUTHENTICATED, 'This internal endpoint only answers other Lan Tỏa services.');
    }
  };
}
