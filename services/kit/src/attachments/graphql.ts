import 'reflect-metadata';
import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/caller.js';
import type { RequestContext } from '../graphql/context.js';
import { Attachment } from './attachment.entity.js';
import type { AttachmentService, ResolverClass } from './service.js';

@Directive('@shareable')
@ObjectType({ description: 'Where and until when to PUT the bytes of one file.' })
export class AttachmentUpload {
  @Field(() => String, {
    description: 'Gateway path to PUT the raw bytes to, with the same Authorization header (relative to the gateway, e.g. /uploads/exemplars/…).',
  })
  uploadUrl!: string;

  @Field(() => Date, { description: 'The URL is refused after this time (5 minutes); ask for a new one.' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'The most bytes the upload may send: the size declared.' })
  maxSize!: number;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** `url` and `thumbnailUrl` of Attachment: paths on the gateway that lead to this subgraph. */
function attachmentUrlResolver(service: AttachmentService): ResolverClass {
  @Resolver(() => Attachment)
  class AttachmentUrlResolver {
    @FieldResolver(() => String, { description: 'Gateway path of the file (GET with the Authorization header).' })
    url(@Root() a: Attachment): string {
      return service.fileUrl(a);
    }

    @FieldResolver(() => String, { nullable: true, description: 'Gateway path of a 320 px WebP thumbnail (images only).' })
    thumbnailUrl(@Root() a: Attachment): string | null {
      return service.thumbnailUrl(a);
    }
  }
  return AttachmentUrlResolver;
}

/**
 * For one record type (Exemplar): `Exemplar.attachments`, and the mutations
 * `createExemplarAttachmentUpload(exemplarId, fileName, size)` and
 * `deleteExemplarAttachment(id)`. Names carry the record type, so two
 * subgraphs using the kit (exemplars, media) never define the same root field.
 */
function recordTypeResolvers(service: AttachmentService, recordType: string, of: () => ResolverClass): ResolverClass[] {
  const idArg = `${lowerFirst(recordType)}Id`;

  @Resolver(of)
  class RecordAttachmentsResolver {
    @FieldResolver(() => [Attachment], { description: 'Photos and documents attached, oldest first (deleted ones left out).' })
    attachments(@Root() record: { id: string }, @Ctx() ctx: RequestContext): Promise<Attachment[]> {
      return service.listFor(ctx, recordType, record.id);
    }
  }

  @Resolver()
  class RecordAttachmentMutations {
    // Attaching and removing files changes the record: editing access first, then the record's own rule (scope).
    @Authorized(Access.EDIT)
    @Mutation(() => AttachmentUpload, {
      name: `create${recordType}AttachmentUpload`,
      description: `Step 1 of attaching a file to a ${recordType}: checks that you may change it, the name and the size, and returns a URL to PUT the bytes to within 5 minutes.`,
    })
    createUpload(
      @Arg(idArg, () => ID, { description: `The ${recordType} to attach the file to.` }) recordId: string,
      @Arg('fileName', () => String, { description: 'File name with its extension (.jpg, .jpeg, .png, .webp, .pdf, .docx); it must match the content.' })
      fileName: string,
      @Arg('size', () => Int, { description: 'Size of the file in bytes; the upload may not send more.' }) size: number,
      @Ctx() ctx: RequestContext,
    ): Promise<AttachmentUpload> {
      return service.createUpload(ctx, recordType, recordId, fileName, size, idArg);
    }

    @Authorized(Access.EDIT)
    @Mutation(() => Attachment, { name: `delete${recordType}Attachment`, description: `Removes a file from a ${recordType} (soft delete).` })
    deleteAttachment(@Arg('id', () => ID, { description: 'The attachment.' }) id: string, @Ctx() ctx: RequestContext): Promise<Attachment> {
      return service.remove(ctx, recordType, id);
    }
  }
  return [RecordAttachmentsResolver, RecordAttachmentMutations];
}

/** Every resolver class of the subgraph's attachments. */
export function attachmentResolvers(service: AttachmentService): ResolverClass[] {
  return [attachmentUrlResolver(service), ...Object.entries(service.options.recordTypes).flatMap(([name, rt]) => recordTypeResolvers(service, name, rt.of))];
}
