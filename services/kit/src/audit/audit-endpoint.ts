import type express from 'express';
import type { CallerProof } from '../auth/proof.js';
import type { Orm } from '../database/orm.js';
import { AppError, type ErrorCode } from '../errors.js';
import { sendHttpError } from '../http/wire.js';
import { readAuditEvents, type AuditEventsArgs, type AuditVisibility } from './audit-queries.js';

/** Path of the internal endpoint through which the identity subgraph reads every subgraph's audit log. */
export const AUDIT_EVENTS_PATH = '/internal/audit-events';

/**
 * POST {filter, first, after, offset} → {nodes, totalCount, pageInfo}: one page
 * of this subgraph's audit log, as the caller in the gateway's proof may see
 * it. Mounted behind requireGatewayProof; not part of the public schema.
 */
export function auditEventsHandler(orm: Orm, visibility: AuditVisibility): express.RequestHandler {
  return async (req, res) => {
    const { caller } = res.locals.proof as CallerProof;
    const body = (req.body ?? {}) as Omit<AuditEventsArgs, 'filter'> & { filter?: Record<string, unknown> | null };
    try {
      const filter = body.filter
        ? {
            ...body.filter,
            occurredFrom: body.filter.occurredFrom ? new Date(String(body.filter.occurredFrom)) : null,
            occurredTo: body.filter.occurredTo ? new Date(String(body.filter.occurredTo)) : null,
          }
        : null;
      const page = await readAuditEvents(orm.em.fork(), caller, visibility, { ...body, filter });
      res.json({ nodes: page.nodes, totalCount: await page.totalCount, pageInfo: page.pageInfo });
    } catch (err) {
      if (err instanceof AppError) sendHttpError(req, res, 400, err.extensions.code as ErrorCode, err.message, err.extensions);
      else throw err;
    }
  };
}
