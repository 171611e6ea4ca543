import type { EntityManager } from '@mikro-orm/postgresql';
import type { Blob } from './inspect.js';

/**
 * Where attachment bytes live, addressed by their SHA-256: the same bytes
 * are stored once however often they are attached. The default keeps them
 * in PostgreSQL (table attachment_blob of the subgraph's schema), so they
 * survive restarts and are in every database backup with the records that
 * use them. A multi-host deployment that prefers object storage implements
 * this interface over an S3-compatible bucket (object key = the hash, e.g.
 * `attachments/<sha256>`; PUT with `If-None-Match: *`, GET streams) and passes
 * it as `blobStore`; the attachment rows stay in PostgreSQL.
 */
export interface BlobStore {
  /**
   * Stores the bytes unless the hash is already there. `em` is the
   * transaction that also writes the attachment row: PostgreSQL stores
   * both or neither. A store outside the database writes at once; a rolled
   * back upload then leaves an unreferenced object, harmless because content
   * addressed (a later identical upload reuses it; a sweep may remove
   * objects no attachment row names).
   */
  put(em: EntityManager, blob: Blob): Promise<void>;
  /** The stored bytes, or null when the hash is unknown. */
  get(em: EntityManager, sha256: string): Promise<Buffer | null>;
}

interface BlobRow {
  content: Buffer;
}

/** The default store: bytea rows in the subgraph's own schema (attachmentMigration creates the table). */
export const postgresBlobStore = (): BlobStore => ({
  async put(em, blob) {
    await em.execute('insert into attachment_blob (sha256, content, size, mime) values (?, ?, ?, ?) on conflict (sha256) do nothing', [
      blob.sha256,
      blob.content,
      blob.size,
      blob.mime,
    ]);
  },
  async get(em, sha256) {
    const rows = await em.execute<BlobRow[]>('select content from attachment_blob where sha256 = ?', [sha256]);
    return rows[0]?.content ?? null;
  },
});
