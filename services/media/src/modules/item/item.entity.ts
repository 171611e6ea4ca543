import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { readBoundary } from '@lantoa/kit/directory';
import { ArrayType, Entity, Enum, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MediaKind, MediaStatus, MediaTone } from './item.enums.js';

/** Something the press published (or will): an article, a report, a post, a poster, an event. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A media-propaganda item (tin, bài, phóng sự, pa-nô, sự kiện) of a press outlet.' })
@Entity({ tableName: 'media_item' })
export class MediaItem extends BaseRecord {
  @Field(() => MediaKind, { description: 'What kind of item.' })
  @Enum({ items: () => MediaKind, type: 'text' })
  kind!: MediaKind;

  @Field(() => String, { description: 'Title (headline).' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Short summary, plain text.' })
  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @Field(() => String, { nullable: true, description: 'The text, as safe HTML (sanitised on the way in).' })
  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Field(() => ID, { description: 'Id of the press outlet (an organization of type PRESS).' })
  @Property({ type: 'uuid' })
  outletId!: string;

  @Field(() => [String], { description: 'Authors as credited (bylines).' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  authors: string[] = [];

  @Field(() => String, { description: 'Language (BCP 47): vi; tyz Tày, nut Nùng, hmn Mông, ium Dao for the province’s ethnic-language programmes; en.' })
  @Property({ type: 'text' })
  language: string = 'vi';

  @Field(() => String, {
    nullable: true,
    description: 'Where it can be read or watched, normalised (lower-case scheme and host, no fragment, no utm_* parameters, no trailing slash).',
  })
  @Property({ type: 'text', nullable: true })
  url: string | null = null;

  @Field(() => MediaTone, { description: 'What it does: promotes an exemplar, explains a directive, or criticises.' })
  @Enum({ items: () => MediaTone, type: 'text' })
  tone!: MediaTone;

  @Field(() => MediaStatus, { description: 'Editorial status.' })
  @Enum({ items: () => MediaStatus, type: 'text' })
  status!: MediaStatus;

  @Field(() => Date, { nullable: true, description: 'When it appeared (never in the future for a published item).' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  publishedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Scheduled publication time of an approved item: it becomes published then, exactly once.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  publishAt: Date | null = null;

  @Field(() => Int, { nullable: true, description: 'Views (online, TV), as last read.' })
  @Property({ type: 'integer', nullable: true })
  views: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Shares, as last read.' })
  @Property({ type: 'integer', nullable: true })
  shares: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Listeners (radio), as last read.' })
  @Property({ type: 'integer', nullable: true })
  listeners: number | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the reach figures were read.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  reachReadOn: string | null = null;

  /** Served by the resolver (exemplarIds): only the links the caller may read, but all of them to its editors. */
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  exemplarIds: string[] = [];

  @Field(() => [ID], { description: 'Ids of the directives it covers.' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  directiveIds: string[] = [];

  @Field(() => [ID], { description: 'Ids of the annual themes it covers.' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  themeIds: string[] = [];

  @Field(() => [ID], { description: 'Ids of the tasks it reports on.' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  taskIds: string[] = [];

  @Property({ type: 'text' })
  searchText!: string;
}

audited(MediaItem, { type: 'MediaItem', scope: (e) => e.outletId });

/**
 * Who reads a media item (kit readBoundary): drafts, items in review and
 * approved ones not yet out stay with the editors, reviewers and admins of
 * the outlet's subtree. Everyone else, READ tokens included, reads what
 * appeared: published, or published and then archived (as coverage and the
 * statistics count it).
 */
const PUBLIC_MEDIA = [MediaStatus.PUBLISHED, MediaStatus.ARCHIVED];
export const MEDIA_ITEM_READ = readBoundary<MediaItem>({
  viewers: PUBLIC_MEDIA,
  public: PUBLIC_MEDIA,
  organizationColumn: 'outlet_id',
  statusOf: (e) => e.status,
  organizationOf: (e) => e.outletId,
});
