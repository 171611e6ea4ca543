import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Access } from '../auth/caller.js';
import { AppError, badUserInput, ErrorCode, forbidden, notFound, unauthenticated } from '../errors.js';
import { requireAccess } from '../graphql/authorization.js';
import type { RequestContext } from '../graphql/context.js';
import { isUuid } from '../validation.js';
import { Attachment } from './attachment.entity.js';
import { postgresBlobStore, type BlobStore } from './blob-store.js';
import { fileNameProblem } from './content-types.js';
import { inspectFile, RefusedFileError } from './inspect.js';
import { signUploadToken, type UploadGrant } from './upload-token.js';

/** Default limit of one file: 10 MiB (a phone photo, a scanned decision). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A decorated class (a GraphQL type or a resolver). */
export type ResolverClass = new (...args: never[]) => object;

/**
 * Who may see and change the attachments of one record type; the owning
 * subgraph answers from its own rules (roles, organization subtree). A
 * callback may also throw NOT_FOUND for a record that does not exist.
 */
export interface AttachmentRecordType {
  /** The record's GraphQL class, which gains `attachments: [Attachment!]!`. */
  of: () => ResolverClass;
  /** May the caller see this record (and so download its files)? */
  canRead(ctx: RequestContext, recordId: string): Promise<boolean>;
  /** May the caller add files to this record and remove them? */
  canWrite(ctx: RequestContext, recordId: string): Promise<boolean>;
}

export interface AttachmentOptions {
  /** The owning subgraph's name (the gateway routes /uploads/<subgraph>/… and /files/<subgraph>/… to it). */
  subgraph: string;
  /** GraphQL type name (Exemplar) → its rules. */
  recordTypes: Record<string, AttachmentRecordType>;
  /** Largest file accepted, in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Where the bytes go (default: PostgreSQL, table attachment_blob). */
  blobStore?: BlobStore;
}

/** What a refused HTTP upload or download answers: status, code, message. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};
/** A callback's AppError (NOT_FOUND, FORBIDDEN) as the HTTP answer it means; other errors stay internal. */
export const asHttpRefusal = (err: unknown): unknown =>
  err instanceof AppError && STATUS[String(err.extensions.code)]
    ? new HttpRefusal(STATUS[String(err.extensions.code)]!, err.extensions.code as ErrorCode, err.message)
    : err;

/** The attachment as the API shows it (GraphQL fields and the upload's JSON answer). */
export interface AttachmentView {
  id: string;
  recordType: string;
  recordId: string;
  fileName: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  createdAt: string;
  url: string;
  thumbnailUrl: string | null;
}

/**
 * The rules of attachments for one subgraph, used by its GraphQL resolvers
 * (graphql.ts) and its internal HTTP routes (routes.ts). The secret is set
 * when the subgraph starts (start()), since resolvers get no configuration.
 */
export class AttachmentService {
  readonly maxBytes: number;
  readonly blobs: BlobStore;
  private secret: string | undefined;

  constructor(readonly options: AttachmentOptions) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    this.blobs = options.blobStore ?? postgresBlobStore();
  }

  useSecret(secret: string): void {
    this.secret = secret;
  }

  /** Relative to the gateway, which authenticates the caller and forwards to this subgraph. */
  fileUrl(a: Pick<Attachment, 'id'>): string {
    return `/files/${this.options.subgraph}/${a.id}`;
  }

  thumbnailUrl(a: Pick<Attachment, 'id' | 'thumbnailSha256'>): string | null {
    return a.thumbnailSha256 ? `${this.fileUrl(a)}/thumbnail` : null;
  }

  view(a: Attachment): AttachmentView {
    return {
      id: a.id,
      recordType: a.recordType,
      recordId: a.recordId,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      width: a.width,
      height: a.height,
      createdAt: a.createdAt.toISOString(),
      url: this.fileUrl(a),
      thumbnailUrl: this.thumbnailUrl(a),
    };
  }

  private recordType(name: string): AttachmentRecordType {
    const rt = this.options.recordTypes[name];
    if (!rt) throw new Error(`Record type ${name} has no attachments in subgraph ${this.options.subgraph}.`);
    return rt;
  }

  private async requireWrite(ctx: RequestContext, recordType: string, recordId: string): Promise<void> {
    requireAccess(ctx.caller, Access.EDIT);
    if (!(await this.recordType(recordType).canWrite(ctx, recordId))) {
      throw forbidden(`You may not change the attachments of ${recordType} ${recordId}.`);
    }
  }

  /** Step 1: checks the caller, the record, the name and the declared size; signs the upload URL. */
  async createUpload(
    ctx: RequestContext,
    recordType: string,
    recordId: string,
    fileName: string,
    size: number,
    idPath = 'recordId',
  ): Promise<{ uploadUrl: string; expiresAt: Date; maxSize: number }> {
    if (!this.secret) throw new Error('Attachments are used before the subgraph started (start() sets the secret).');
    const problems = [];
    if (!isUuid(recordId)) problems.push({ path: idPath, message: `is not a valid id: ${JSON.stringify(recordId.slice(0, 60))}.` });
    const nameProblem = fileNameProblem(fileName);
    if (nameProblem) problems.push({ path: 'fileName', message: nameProblem });
    if (!Number.isInteger(size) || size < 1) problems.push({ path: 'size', message: 'must be the file size in bytes, at least 1.' });
    else if (size > this.maxBytes)
      problems.push({ path: 'size', message: `is ${size} bytes; files may be at most ${this.maxBytes} bytes (${(this.maxBytes / 1048576).toFixed(0)} MiB).` });
    if (problems.length) throw badUserInput(problems);
    await this.requireWrite(ctx, recordType, recordId);
    const { token, expiresAt } = await signUploadToken(this.secret, {
      uploadId: randomUUID(),
      subgraph: this.options.subgraph,
      recordType,
      recordId,
      callerId: ctx.caller.id!,
      fileName,
      // The declared size: a longer body is refused, by the gateway while streaming and here again.
      maxBytes: size,
    });
    return { uploadUrl: `/uploads/${this.options.subgraph}/${token}`, expiresAt, maxSize: size };
  }

  /**
   * Step 2, the bytes (read within the grant's limit by `read`): checked from
   * the content, stored content-addressed with the thumbnail, and the row
   * written, all in one transaction. The caller must be the one the URL was
   * made for and still allowed to write the record.
   */
  async receive(ctx: RequestContext, grant: UploadGrant, read: () => Promise<Buffer>): Promise<AttachmentView> {
    if (grant.subgraph !== this.options.subgraph || !this.options.recordTypes[grant.recordType]) {
      throw new HttpRefusal(403, ErrorCode.FORBIDDEN, 'This upload URL was made for another service.');
    }
    if (ctx.caller.kind === 'anonymous') throw unauthenticated();
    if (ctx.caller.id !== grant.callerId) throw new HttpRefusal(403, ErrorCode.FORBIDDEN, 'This upload URL was made for another caller: ask for your own.');
    await this.requireWrite(ctx, grant.recordType, grant.recordId);
    // Who and what first (cheap), the bytes after: a refused caller's body is never read.
    const content = await read();
    if (content.length === 0) throw new HttpRefusal(400, ErrorCode.BAD_USER_INPUT, 'The upload is empty: send the bytes of the file as the request body.');
    let file;
    try {
      file = await inspectFile(content, grant.fileName);
    } catch (err) {
      if (err instanceof RefusedFileError) throw new HttpRefusal(400, ErrorCode.BAD_USER_INPUT, err.message);
      throw err;
    }
    try {
      const attachment = await ctx.em.transactional(async (em) => {
        await this.blobs.put(em, file.blob);
        if (file.thumbnail) await this.blobs.put(em, file.thumbnail);
        const a = em.create(Attachment, {
          recordType: grant.recordType,
          recordId: grant.recordId,
          fileName: grant.fileName,
          mimeType: file.kind.mime,
          size: file.blob.size,
          sha256: file.blob.sha256,
          width: file.width,
          height: file.height,
          thumbnailSha256: file.thumbnail?.sha256 ?? null,
          uploadId: grant.uploadId,
          createdBy: ctx.caller.id,
        });
        await em.flush();
        return a;
      });
      return this.view(attachment);
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException)
        throw new HttpRefusal(409, ErrorCode.CONFLICT, 'This upload URL has been used already: ask for a new one for another file.');
      throw err;
    }
  }

  /** A live attachment the caller may read, or NOT_FOUND (whether it is missing, deleted or not theirs to see). */
  async readable(ctx: RequestContext, id: string): Promise<Attachment> {
    if (ctx.caller.kind === 'anonymous') throw unauthenticated();
    requireAccess(ctx.caller, Access.READ);
    const a = isUuid(id) ? await ctx.em.findOne(Attachment, { id, deletedAt: null }) : null;
    if (!a || !this.options.recordTypes[a.recordType] || !(await this.recordType(a.recordType).canRead(ctx, a.recordId))) throw notFound('Attachment', id);
    return a;
  }

  /** Step 3: the bytes of a file or its thumbnail. */
  async content(ctx: RequestContext, a: Attachment, thumbnail: boolean): Promise<{ content: Buffer; mime: string; sha256: string }> {
    const sha256 = thumbnail ? a.thumbnailSha256 : a.sha256;
    if (!sha256) throw notFound('Thumbnail of attachment', a.id);
    const content = await this.blobs.get(ctx.em, sha256);
    if (!content) throw new Error(`Blob ${sha256} of attachment ${a.id} is missing from the store.`);
    return { content, mime: thumbnail ? 'image/webp' : a.mimeType, sha256 };
  }

  /** Live attachments of a page of records: one statement (batched per request). */
  listFor(ctx: RequestContext, recordType: string, recordId: string): Promise<Attachment[]> {
    return ctx.loaders
      .get<string, Attachment[]>(`attachments.${recordType}`, async (ids) => {
        const rows = await ctx.em.find(Attachment, { recordType, recordId: { $in: [...ids] }, deletedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return ids.map((id) => rows.filter((r) => r.recordId === id));
      })
      .load(recordId);
  }

  /** Soft delete (the bytes stay: other attachments may share them, and a restore needs them). */
  async remove(ctx: RequestContext, recordType: string, id: string): Promise<Attachment> {
    if (!isUuid(id)) throw badUserInput([{ path: 'id', message: `is not a valid id: ${JSON.stringify(id.slice(0, 60))}.` }]);
    const a = await ctx.em.findOne(Attachment, { id, recordType, deletedAt: null });
    if (!a) throw notFound('Attachment', id, 'id');
    await this.requireWrite(ctx, recordType, a.recordId);
    a.deletedAt = new Date();
    await ctx.em.flush();
    return a;
  }
}
