/**
 * Attachments (photos and documents) for any subgraph's records: the
 * exemplars subgraph uses it for Exemplar, the media subgraph for MediaItem.
 *
 * Why a signed upload URL through the gateway, not GraphQL multipart: the
 * Apollo gateway cannot forward a multipart request to a subgraph (it plans
 * JSON operations), graphql-upload makes /graphql accept non-JSON bodies
 * (the CSRF hole that Apollo's CSRF prevention exists to close) and buffers
 * files inside the GraphQL pipeline, and every other client and tool would
 * have to speak the multipart spec. Instead:
 *
 *   1. mutation create<Record>AttachmentUpload(<record>Id, fileName, size)
 *      (owning subgraph): checks write access to the record, the name's
 *      extension and the declared size; answers { uploadUrl, expiresAt }
 *      with uploadUrl = /uploads/<subgraph>/<token> on the gateway, the token
 *      signed with GATEWAY_SECRET for its own audience (upload-token.ts).
 *   2. PUT <uploadUrl> with the raw bytes and the same Authorization header:
 *      the gateway authenticates as for /graphql, refuses more bytes than
 *      declared (413) while streaming, and streams to the subgraph's
 *      PUT /internal/uploads/<token> with its caller proof (routes.ts). The
 *      subgraph checks proof, token and caller, detects the type from the
 *      content, stores the bytes by SHA-256 and the row in one transaction.
 *   3. GET /files/<subgraph>/<id>[/thumbnail] with the Authorization header:
 *      only callers who may read the record get the bytes.
 *
 * A subgraph wires it in its descriptor:
 *   const attachments = defineAttachments({ subgraph: 'exemplars', recordTypes: { Exemplar: { of: () => Exemplar, canRead, canWrite } } });
 *   entities: [..., ...attachments.entities], migrations: [..., attachments.migration],
 *   resolvers: [..., ...attachments.resolvers], start: (o) => attachments.start(o)
 * and GraphQL gains Exemplar.attachments, createExemplarAttachmentUpload, deleteExemplarAttachment.
 */
import type express from 'express';
import type { MigrationObject } from '@mikro-orm/core';
import type { Orm } from '../database/orm.js';
import type { Logger } from '../log.js';
import { Attachment } from './attachment.entity.js';
import { attachmentResolvers } from './graphql.js';
import { attachmentMigration } from './Migration20261202120000_attachments.js';
import { attachmentRoutes } from './routes.js';
import { AttachmentService, type AttachmentOptions, type ResolverClass } from './service.js';

export interface Attachments {
  service: AttachmentService;
  /** Add to the descriptor's entities. */
  entities: [typeof Attachment];
  /** Add to the descriptor's migrations, after the subgraph's own. */
  migration: MigrationObject;
  /** Add to the descriptor's resolvers. */
  resolvers: ResolverClass[];
  /** Call from the descriptor's start: keeps the secret for signing, returns the internal routes. */
  start(o: { orm: Orm; config: { GATEWAY_SECRET: string }; log: Logger }): { routes: (app: express.Express) => void };
}

export function defineAttachments(options: AttachmentOptions): Attachments {
  const service = new AttachmentService(options);
  return {
    service,
    entities: [Attachment],
    migration: attachmentMigration,
    resolvers: attachmentResolvers(service),
    start({ orm, config, log }) {
      service.useSecret(config.GATEWAY_SECRET);
      return { routes: attachmentRoutes({ service, orm, gatewaySecret: config.GATEWAY_SECRET, log }) };
    },
  };
}

export * from './attachment.entity.js';
export * from './blob-store.js';
export * from './content-types.js';
export * from './graphql.js';
export * from './inspect.js';
export * from './Migration20261202120000_attachments.js';
export * from './routes.js';
export * from './service.js';
export * from './upload-token.js';
export * from './samples.js';
