import 'reflect-metadata';
import { Migration } from '@mikro-orm/migrations';
import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { auditTableSql } from '../audit/audit-event.entity.js';
import { Access, can, isUnscoped } from '../auth/caller.js';
import type { RequestContext } from '../graphql/context.js';
import { subgraphBaseEnv } from '../subgraph/descriptor.js';
import type { AnyDescriptor } from '../subgraph/start.js';
import { defineAttachments } from './index.js';

/*
 * For tests only (tests/attachments.test.ts): a subgraph "filetest" with one
 * record type, FileNote, owned by an organization. Editors of that
 * organization (and admins) may attach files; its members (and admins) may
 * read them. Not in SUBGRAPHS: the test composes its own supergraph.
 */

/** A small limit, so the size tests send little. */
export const FILE_TEST_MAX_BYTES = 300_000;

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A test record that files are attached to.' })
class FileNote {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field(() => ID, { description: 'Owning organization.' })
  organizationId!: string;
}

const noteOrg = async (ctx: RequestContext, id: string): Promise<string | null> =>
  (await ctx.em.execute<{ organization_id: string }[]>('select organization_id from file_note where id = ?', [id]))[0]?.organization_id ?? null;

const attachments = defineAttachments({
  subgraph: 'filetest',
  maxBytes: FILE_TEST_MAX_BYTES,
  recordTypes: {
    FileNote: {
      of: () => FileNote,
      async canRead(ctx, id) {
        const org = await noteOrg(ctx, id);
        return org !== null && can(ctx.caller, Access.READ) && (isUnscoped(ctx.caller) || ctx.caller.organizationId === org);
      },
      async canWrite(ctx, id) {
        const org = await noteOrg(ctx, id);
        return org !== null && can(ctx.caller, Access.EDIT) && (isUnscoped(ctx.caller) || ctx.caller.organizationId === org);
      },
    },
  },
});

@Resolver(() => FileNote)
class FileNoteResolver {
  @Query(() => [FileNote], { nullable: true, description: 'Notes by id.' })
  async fileNotes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<FileNote[]> {
    const rows = await ctx.em.execute<{ id: string; organization_id: string }[]>(
      'select id, organization_id from file_note where id = any(?::uuid[]) order by id',
      [`{${ids.join(',')}}`],
    );
    return rows.map((r) => Object.assign(new FileNote(), { id: r.id, organizationId: r.organization_id }));
  }
}

class NotesMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table file_note (id uuid primary key, organization_id uuid not null);');
    for (const statement of auditTableSql) this.addSql(statement);
  }
}

export const fileTestSubgraph = {
  name: 'filetest',
  port: 0,
  urlEnv: 'FILETEST_URL',
  envShape: subgraphBaseEnv(0),
  entities: [...attachments.entities],
  migrations: [{ name: 'Migration20261202000000_notes', class: NotesMigration }, attachments.migration],
  resolvers: [FileNoteResolver, ...attachments.resolvers],
  references: {},
  auditVisibility: () => 'all',
  seed: async () => 0,
  start: async (o: Parameters<typeof attachments.start>[0]) => attachments.start(o),
} as unknown as AnyDescriptor;
