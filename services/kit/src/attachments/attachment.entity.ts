import 'reflect-metadata';
import { Entity, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { audited } from '../audit/audit-subscriber.js';
import { BaseRecord } from '../graphql/entity.js';

/**
 * A file attached to a record of the owning subgraph (an Exemplar, a
 * MediaItem): its name, checked type and size, and the hashes of its bytes
 * and thumbnail in the blob store. Shareable: every subgraph that uses the
 * kit's attachments serves the same type for its own records.
 */
@Directive('@shareable')
@ObjectType({ description: 'A photo or document attached to a record.' })
@Entity({ tableName: 'attachment' })
export class Attachment extends BaseRecord {
  @Field(() => String, { description: 'Type name of the record it is attached to, e.g. Exemplar.' })
  @Property({ type: 'text' })
  recordType!: string;

  @Field(() => ID, { description: 'Id of the record it is attached to.' })
  @Property({ type: 'uuid' })
  recordId!: string;

  @Field(() => String, { description: 'File name as uploaded (Unicode NFC).' })
  @Property({ type: 'text' })
  fileName!: string;

  @Field(() => String, { description: 'Media type detected from the content: image/jpeg, image/png, image/webp, application/pdf or the DOCX type.' })
  @Property({ type: 'text', fieldName: 'mime' })
  mimeType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  /** SHA-256 of the bytes: the key in the blob store. */
  @Property({ type: 'string', columnType: 'char(64)' })
  sha256!: string;

  @Field(() => Int, { nullable: true, description: 'Width in pixels as displayed (images only).' })
  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Height in pixels as displayed (images only).' })
  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  /** SHA-256 of the WebP thumbnail (images only). */
  @Property({ type: 'string', columnType: 'char(64)', nullable: true })
  thumbnailSha256: string | null = null;

  /** The upload token's id: one attachment per token. */
  @Property({ type: 'uuid', unique: true })
  uploadId!: string;

  /** Id of the user or API token that uploaded it. */
  @Property({ type: 'text', nullable: true })
  createdBy: string | null = null;
}

audited(Attachment, { type: 'Attachment', scope: () => null, exclude: ['sha256', 'thumbnailSha256', 'uploadId'] });
