import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { ErrorCode } from '../errors.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes the gateway's request id when it is well-formed, so one id follows a request through every log. */
export const requestIdOf = (header: string | undefined) => (header && REQUEST_ID.test(header) ? header : randomUUID());

/**
 * The wire shape of every HTTP-level error of our endpoints, internal ones
 * included: the GraphQL one, so every client and service parses one shape.
 */
export function sendHttpError(
  req: express.Request,
  res: express.Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { ...extensions, code, requestId: requestIdOf(req.header('x-request-id')) } }] });
}
