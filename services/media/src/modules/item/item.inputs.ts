import { DateScalar, PageArgs, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MediaKind, MediaStatus, MediaTone } from './item.enums.js';

export enum MediaItemOrderField {
  CREATED_AT = 'CREATED_AT',
  PUBLISHED_AT = 'PUBLISHED_AT',
  TITLE = 'TITLE',
}
registerEnumType(MediaItemOrderField, { name: 'MediaItemOrderField', description: 'Fields media items can be ordered by.' });

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class MediaItemOrder {
  @Field(() => MediaItemOrderField, {
    description: 'Field to order by (TITLE sorts in Vietnamese order; items not published yet sort as oldest by PUBLISHED_AT).',
  })
  field!: MediaItemOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of media items; all given conditions must hold.' })
export class MediaItemFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title, summary, body or authors, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only items of this outlet (with `includeDescendants`, of the outlets below this organization).' })
  outletId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With `outletId`: also every organization below it.' })
  includeDescendants?: boolean | null;

  @Field(() => [MediaKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: MediaKind[] | null;

  @Field(() => [MediaTone], { nullable: true, description: 'Only these tones.' })
  tones?: MediaTone[] | null;

  @Field(() => [MediaStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: MediaStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only items published on or after this day (in the province).' })
  publishedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only items published on or before this day (in the province).' })
  publishedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only items covering this exemplar.' })
  exemplarId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only items covering this directive.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only items covering this annual theme.' })
  themeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only items reporting on this task.' })
  taskId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted items (to restore them).' })
  deleted?: boolean | null;
}

@ArgsType()
export class MediaItemsArgs extends PageArgs {
  @Field(() => MediaItemFilter, { nullable: true, description: 'Conditions.' })
  filter?: MediaItemFilter | null;

  @Field(() => [MediaItemOrder], { nullable: true, description: 'Ordering; default newest first.' })
  orderBy?: MediaItemOrder[] | null;
}

/** The fields create and update share (an update sends them as optional). */
@InputType({ description: 'A new media item (a draft).' })
export class CreateMediaItemInput {
  @Field(() => MediaKind, { description: 'What kind of item.' })
  kind!: MediaKind;

  @Field(() => String, { description: 'Title (1–500 characters).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Short summary (at most 2,000 characters).' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The text as HTML (at most 200,000 characters); scripts, styles and event handlers are removed.' })
  body?: string | null;

  @Field(() => ID, { description: 'The press outlet (an organization of type PRESS, in your subtree unless you are an admin).' })
  outletId!: string;

  @Field(() => [String], { nullable: true, description: 'Authors as credited (at most 20).' })
  authors?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Language (BCP 47); default vi.' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read (http or https); stored normalised, and unique among live items.' })
  url?: string | null;

  @Field(() => MediaTone, { description: 'What it does.' })
  tone!: MediaTone;

  @Field(() => Date, { nullable: true, description: 'When it appeared (for an item recorded after the fact); never in the future once published.' })
  publishedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Views, at least 0.' })
  views?: number | null;

  @Field(() => Int, { nullable: true, description: 'Shares, at least 0.' })
  shares?: number | null;

  @Field(() => Int, { nullable: true, description: 'Listeners, at least 0.' })
  listeners?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the reach figures were read; default today when figures are sent.' })
  reachReadOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Exemplars it covers (each must exist).' })
  exemplarIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Directives it covers (each must exist).' })
  directiveIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Annual themes it covers (each must exist).' })
  themeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Tasks it reports on (each must exist).' })
  taskIds?: string[] | null;
}

@InputType({
  description: 'Changes to a media item; omitted fields stay as they are, null clears an optional field. The status changes only through transitionMediaItem.',
})
export class UpdateMediaItemInput {
  @Field(() => MediaKind, { nullable: true, description: 'Kind.' })
  kind?: MediaKind | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The text as HTML.' })
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'The press outlet.' })
  outletId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Authors.' })
  authors?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Language.' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'URL.' })
  url?: string | null;

  @Field(() => MediaTone, { nullable: true, description: 'Tone.' })
  tone?: MediaTone | null;

  @Field(() => Date, { nullable: true, description: 'When it appeared.' })
  publishedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Views.' })
  views?: number | null;

  @Field(() => Int, { nullable: true, description: 'Shares.' })
  shares?: number | null;

  @Field(() => Int, { nullable: true, description: 'Listeners.' })
  listeners?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the reach figures were read.' })
  reachReadOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Exemplars it covers.' })
  exemplarIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Directives it covers (each must exist).' })
  directiveIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Annual themes it covers (each must exist).' })
  themeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Tasks it reports on (each must exist).' })
  taskIds?: string[] | null;
}
