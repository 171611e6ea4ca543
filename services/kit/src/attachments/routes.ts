import type express from 'express';
import type { Readable } from 'node:stream';
import type { CallerProof } from '../auth/proof.js';
import { ErrorCode } from '../errors.js';
import { Loaders, type RequestContext } from '../graphql/context.js';
import { sendHttpError } from '../http/service-auth.js';
import { requireGatewayProof } from '../http/subgraph-server.js';
import type { Orm } from '../database/orm.js';
import type { Logger } from '../log.js';
import { contentDisposition, kindOfMime } from './content-types.js';
import { asHttpRefusal, HttpRefusal, type AttachmentService } from './service.js';
import { InvalidUploadTokenError, verifyUploadToken } from './upload-token.js';

/** Internal paths the gateway forwards /uploads/<subgraph>/<token> and /files/<subgraph>/<id>[/thumbnail] to. */
export const INTERNAL_UPLOADS_PATH = '/internal/uploads';
export const INTERNAL_FILES_PATH = '/internal/files';

/** Every served file: a sandbox (unique origin, no scripts, no forms, no plugins) and nothing loaded by it. */
export const ATTACHMENT_CSP = "sandbox; default-src 'none'";

/** Reads the body, refusing it (413) as soon as it passes `max` bytes. */
async function readAtMost(req: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > max) throw new HttpRefusal(413, ErrorCode.BAD_USER_INPUT, `The file is larger than the ${max} bytes declared for this upload.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The subgraph's side of uploads and downloads. Only the gateway reaches
 * them (its caller proof is required); the caller in the proof is the one the
 * permission callbacks judge.
 */
export function attachmentRoutes(o: { service: AttachmentService; orm: Orm; gatewaySecret: string; log: Logger }): (app: express.Express) => void {
  const contextOf = (res: express.Response): RequestContext => {
    const proof = res.locals.proof as CallerProof;
    return {
      requestId: proof.requestId,
      em: o.orm.em.fork({ loggerContext: { request: proof } }),
      caller: proof.caller,
      loaders: new Loaders(),
      clientAddress: proof.clientAddress,
    };
  };
  const fail = (req: express.Request, res: express.Response, err: unknown) => {
    // The gateway gave up on the upload (it cut off an oversized body, or its client went away): nobody to answer.
    if ((err as { code?: string }).code === 'ECONNRESET' || res.socket?.destroyed)
      return void o.log.info('upload aborted by the gateway', { requestId: (res.locals.proof as CallerProof | undefined)?.requestId });
    const e = asHttpRefusal(err);
    if (e instanceof HttpRefusal) {
      // A refused body is not read further: close the connection instead of draining it.
      if (e.status === 413) res.setHeader('Connection', 'close');
      return sendHttpError(req, res, e.status, e.code, e.message);
    }
    o.log.error('attachment request failed', { requestId: (res.locals.proof as CallerProof | undefined)?.requestId, error: err });
    sendHttpError(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error. Quote the request id when reporting it.');
  };

  const upload: express.RequestHandler = async (req, res) => {
    try {
      let grant;
      try {
        grant = await verifyUploadToken(String(req.params.token), o.gatewaySecret);
      } catch (err) {
        if (err instanceof InvalidUploadTokenError) throw new HttpRefusal(403, ErrorCode.FORBIDDEN, err.message);
        throw err;
      }
      const limit = Math.min(grant.maxBytes, o.service.maxBytes);
      const declared = Number(req.header('content-length'));
      if (Number.isFinite(declared) && declared > limit)
        throw new HttpRefusal(413, ErrorCode.BAD_USER_INPUT, `The file is larger than the ${limit} bytes declared for this upload.`);
      res.status(201).json(await o.service.receive(contextOf(res), grant, () => readAtMost(req, limit)));
    } catch (err) {
      fail(req, res, err);
    }
  };

  const download =
    (thumbnail: boolean): express.RequestHandler =>
    async (req, res) => {
      try {
        const ctx = contextOf(res);
        const a = await o.service.readable(ctx, String(req.params.id));
        const file = await o.service.content(ctx, a, thumbnail);
        const etag = `"${file.sha256}"`;
        res.setHeader('ETag', etag);
        // Only the caller's own browser may keep it: another user behind the same cache may not be allowed to see it.
        res.setHeader('Cache-Control', 'private, no-cache');
        if (req.header('if-none-match') === etag) return void res.status(304).end();
        res.setHeader('Content-Type', file.mime);
        res.setHeader('Content-Length', String(file.content.length));
        const name = thumbnail ? `${a.fileName.replace(/\.[^.]+$/, '')}-thumbnail.webp` : a.fileName;
        res.setHeader('Content-Disposition', contentDisposition(kindOfMime(file.mime), name));
        // Whatever a file holds (script in a PDF, HTML in a polyglot), it runs in no origin: a sandbox
        // without allow-scripts, and the declared type, never a sniffed one.
        res.setHeader('Content-Security-Policy', ATTACHMENT_CSP);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.end(file.content);
      } catch (err) {
        fail(req, res, err);
      }
    };

  return (app) => {
    const proof = requireGatewayProof(o.gatewaySecret);
    app.put(`${INTERNAL_UPLOADS_PATH}/:token`, proof, upload);
    app.get(`${INTERNAL_FILES_PATH}/:id`, proof, download(false));
    app.get(`${INTERNAL_FILES_PATH}/:id/thumbnail`, proof, download(true));
  };
}
