import { CALLER_HEADER, ErrorCode, type Caller, type Logger } from '@lantoa/kit';
import { InvalidUploadTokenError, verifyUploadToken } from '@lantoa/kit/attachments';
import express, { type Request, type Response } from 'express';
import { Transform } from 'node:stream';
import { request } from 'undici';
import type { Authenticator } from './auth.js';
import type { GatewayConfig } from './config.js';
import { requestGuard } from './guard.js';
import type { RateLimiter } from './rate-limit.js';

/**
 * Files of the kit's attachments (kit/attachments explains the design):
 *   PUT /uploads/<subgraph>/<token>           raw bytes, to the URL a create…AttachmentUpload mutation returned
 *   GET /files/<subgraph>/<id>[/thumbnail]     the file, or its image thumbnail
 * Each is authenticated and rate limited like /graphql (requestGuard), then
 * streamed to the owning subgraph's /internal/uploads/<token> or
 * /internal/files/<id> with the gateway's caller proof; nothing the client
 * sent but the body (and If-None-Match) is forwarded. An upload longer than
 * its token allows is cut off with 413 while it streams.
 */

// What a subgraph's file answer may tell the client; hop-by-hop and anything else stays behind.
const DOWNLOAD_HEADERS = ['content-type', 'content-length', 'content-disposition', 'content-security-policy', 'cache-control', 'etag'];

const send = (res: Response, status: number, code: string, message: string) => {
  if (res.headersSent) return void res.destroy();
  res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId as string } }] });
};

const isJson = (type: string | string[] | undefined) => typeof type === 'string' && type.startsWith('application/json');

class TooLargeError extends Error {}

/** Passes at most `max` bytes, then fails the stream (and so the upstream request). */
const atMost = (max: number) => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) return done(new TooLargeError(`more than ${max} bytes`));
      done(null, chunk);
    },
  });
};

export function uploadRoutes(o: { config: GatewayConfig; authenticator: Authenticator; limiter: RateLimiter; log: Logger }): express.Router {
  const { config, log } = o;
  const router = express.Router();
  const guard = requestGuard({
    authenticator: o.authenticator,
    limiter: o.limiter,
    gatewaySecret: config.GATEWAY_SECRET,
    perCaller: config.RATE_LIMIT_PER_MINUTE,
    perAnonymousIp: config.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
    log,
  });

  /** The owning subgraph's base URL, or a 404 answered; files need a signed-in caller. */
  const target = (req: Request, res: Response): URL | undefined => {
    const caller = res.locals.caller as Caller;
    if (caller.kind === 'anonymous') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lantoa"');
      return void send(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in first: files are served only to signed-in callers (send the Authorization header).');
    }
    const url = config.subgraphUrls[String(req.params.subgraph)];
    if (!url) return void send(res, 404, ErrorCode.NOT_FOUND, `There is no service "${String(req.params.subgraph).slice(0, 40)}" with files.`);
    return new URL(url);
  };

  const upstreamHeaders = async (res: Response): Promise<Record<string, string>> => ({
    'x-request-id': res.locals.requestId as string,
    [CALLER_HEADER]: await (res.locals.proof as () => Promise<string>)(),
  });

  const unavailable = (res: Response, subgraph: string, err: unknown) => {
    log.warn('file request to subgraph failed', { requestId: res.locals.requestId, subgraph, error: (err as Error).message });
    send(res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The service that keeps this file is unavailable right now. Try again shortly.');
  };

  router.put('/uploads/:subgraph/:token', guard, async (req, res) => {
    const base = target(req, res);
    if (!base) return;
    const subgraph = String(req.params.subgraph);
    const caller = res.locals.caller as Caller;
    let grant;
    try {
      grant = await verifyUploadToken(String(req.params.token), config.GATEWAY_SECRET);
    } catch (err) {
      if (err instanceof InvalidUploadTokenError) return send(res, 403, ErrorCode.FORBIDDEN, err.message);
      throw err;
    }
    if (grant.subgraph !== subgraph) return send(res, 403, ErrorCode.FORBIDDEN, 'This upload URL was made for another service.');
    if (grant.callerId !== caller.id) return send(res, 403, ErrorCode.FORBIDDEN, 'This upload URL was made for another caller: ask for your own.');
    const tooLarge = () => {
      res.setHeader('Connection', 'close'); // the rest of the body is not read
      send(res, 413, ErrorCode.BAD_USER_INPUT, `The file is larger than the ${grant.maxBytes} bytes declared for this upload.`);
    };
    const declared = req.header('content-length');
    if (declared !== undefined && Number(declared) > grant.maxBytes) return tooLarge();

    const headers: Record<string, string> = { ...(await upstreamHeaders(res)), 'content-type': 'application/octet-stream' };
    if (declared !== undefined) headers['content-length'] = declared;
    const body = req.pipe(atMost(grant.maxBytes));
    let cutOff = false;
    body.on('error', (err) => {
      if (err instanceof TooLargeError) cutOff = true;
    });
    try {
      const answer = await request(new URL(`/internal/uploads/${encodeURIComponent(String(req.params.token))}`, base), {
        method: 'PUT',
        headers,
        body,
        headersTimeout: config.SUBGRAPH_TIMEOUT_MS,
      });
      if (cutOff) {
        await answer.body.dump();
        return tooLarge();
      }
      if (!isJson(answer.headers['content-type'])) {
        await answer.body.dump();
        return send(res, 404, ErrorCode.NOT_FOUND, `The service "${subgraph}" takes no uploads.`);
      }
      res.status(answer.statusCode).type('application/json');
      res.send(Buffer.from(await answer.body.arrayBuffer()));
    } catch (err) {
      if (cutOff) return tooLarge();
      unavailable(res, subgraph, err);
    }
  });

  const download = (thumbnail: boolean) => async (req: Request, res: Response) => {
    const base = target(req, res);
    if (!base) return;
    const subgraph = String(req.params.subgraph);
    const headers = await upstreamHeaders(res);
    const ifNoneMatch = req.header('if-none-match');
    if (ifNoneMatch && ifNoneMatch.length <= 100) headers['if-none-match'] = ifNoneMatch;
    let answer;
    try {
      answer = await request(new URL(`/internal/files/${encodeURIComponent(String(req.params.id))}${thumbnail ? '/thumbnail' : ''}`, base), {
        method: 'GET',
        headers,
        headersTimeout: config.SUBGRAPH_TIMEOUT_MS,
      });
    } catch (err) {
      return unavailable(res, subgraph, err);
    }
    // Only a file, a 304 or one of our JSON errors goes back: never a page the subgraph's framework made up (its HTML 404).
    if (answer.statusCode !== 200 && answer.statusCode !== 304 && !isJson(answer.headers['content-type'])) {
      await answer.body.dump();
      return send(res, 404, ErrorCode.NOT_FOUND, `The service "${subgraph}" has no such file.`);
    }
    res.status(answer.statusCode);
    for (const name of DOWNLOAD_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') res.setHeader(name, value);
    }
    answer.body.on('error', () => res.destroy());
    answer.body.pipe(res);
  };
  router.get('/files/:subgraph/:id', guard, download(false));
  router.get('/files/:subgraph/:id/thumbnail', guard, download(true));
  return router;
}
