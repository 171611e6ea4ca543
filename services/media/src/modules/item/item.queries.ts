import {
  containsPattern,
  idTerm,
  InputCheck,
  loadById,
  loadLiveById,
  pgArray,
  readPage,
  searchTerms,
  softDeleteCondition,
  type Caller,
  type Connection,
  type RequestContext,
  type SortTerm,
} from '@lantoa/kit';
import { subtreeCondition } from '@lantoa/kit/directory';
import type { Knex } from '@mikro-orm/postgresql';
import { MediaItem, MEDIA_ITEM_READ } from './item.entity.js';
import { MediaItemOrderField, type MediaItemFilter, type MediaItemOrder, type MediaItemsArgs } from './item.inputs.js';

// Keyset orders need a value on every row: items not published (yet) sort as if published then.
const NEVER = '1900-01-01T00:00:00Z';

const TERMS: Record<MediaItemOrderField, Omit<SortTerm<MediaItem>, 'direction'>> = {
  CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (e) => e.createdAt },
  PUBLISHED_AT: { sql: `coalesce(published_at, timestamptz '${NEVER}')`, type: 'timestamp', value: (e) => e.publishedAt ?? new Date(NEVER) },
  TITLE: { sql: 'title', type: 'text', collate: true, value: (e) => e.title },
};

function sortTerms(orderBy: MediaItemOrder[] | null | undefined): SortTerm<MediaItem>[] {
  const asked = orderBy?.length ? orderBy : [{ field: MediaItemOrderField.CREATED_AT, direction: 'DESC' as const }];
  const terms = asked.map((o) => ({ ...TERMS[o.field], direction: o.direction }) as SortTerm<MediaItem>);
  return [...terms, idTerm(terms[0]!.direction)];
}

export function checkMediaItemFilter(f: MediaItemFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', f?.ids);
  for (const key of ['outletId', 'exemplarId', 'directiveId', 'themeId', 'taskId'] as const) check.uuid(`filter.${key}`, f?.[key]);
  if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  if (f?.includeDescendants && !f.outletId) check.add('filter.includeDescendants', 'needs filter.outletId.');
  check.dateRange('filter.publishedFrom', f?.publishedFrom, 'filter.publishedTo', f?.publishedTo);
  check.done();
}

/** Day bounds in the province (UTC+7) as instants, for published_at ranges. */
export const provinceDayStart = (day: string) => `${day}T00:00:00+07:00`;
export const provinceDayEnd = (day: string) => `${day}T24:00:00+07:00`;

/**
 * The FROM and WHERE of a media item list (also what the statistics count):
 * deleted items only for editors (softDeleteCondition), drafts only for the
 * outlet's editors and reviewers (MEDIA_ITEM_READ).
 */
export function filteredMediaItems(knex: Knex, f: MediaItemFilter | null | undefined, caller: Caller): Knex.QueryBuilder {
  const qb = knex('media_item');
  softDeleteCondition(caller, f?.deleted)(qb);
  MEDIA_ITEM_READ.condition(knex, caller)(qb);
  if (!f) return qb;
  if (f.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
  for (const term of searchTerms(f.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
  if (f.outletId) subtreeCondition(knex, 'outlet_id', { organizationId: f.outletId, includeDescendants: f.includeDescendants })(qb);
  if (f.kinds?.length) qb.whereIn('kind', f.kinds);
  if (f.tones?.length) qb.whereIn('tone', f.tones);
  if (f.statuses?.length) qb.whereIn('status', f.statuses);
  if (f.publishedFrom) qb.whereRaw('published_at >= ?::timestamptz', [provinceDayStart(f.publishedFrom)]);
  if (f.publishedTo) qb.whereRaw('published_at < ?::timestamptz', [provinceDayEnd(f.publishedTo)]);
  if (f.exemplarId) qb.whereRaw('exemplar_ids @> array[?::uuid]', [f.exemplarId]);
  if (f.directiveId) qb.whereRaw('directive_ids @> array[?::uuid]', [f.directiveId]);
  if (f.themeId) qb.whereRaw('theme_ids @> array[?::uuid]', [f.themeId]);
  if (f.taskId) qb.whereRaw('task_ids @> array[?::uuid]', [f.taskId]);
  return qb;
}

/** Read paths for media items: the console's list, the federated lists and batched lookups. */
export class MediaItemQueries {
  constructor(private readonly ctx: RequestContext) {}

  byId(id: string): Promise<MediaItem | null> {
    return loadById(this.ctx, MediaItem, id);
  }

  live(id: string): Promise<MediaItem | null> {
    return loadLiveById(this.ctx, MediaItem, id);
  }

  /** Live and readable by the caller (MEDIA_ITEM_READ); null otherwise, as for a missing id. For mediaItem(id), `_entities`, attachments. */
  async readable(id: string): Promise<MediaItem | null> {
    const item = await this.live(id);
    return item && (await MEDIA_ITEM_READ.canRead(this.ctx, item)) ? item : null;
  }

  list(args: MediaItemsArgs): Promise<Connection<MediaItem>> {
    checkMediaItemFilter(args.filter);
    return readPage(this.ctx.em, MediaItem, filteredMediaItems(this.ctx.em.getKnex(), args.filter, this.ctx.caller), sortTerms(args.orderBy), args);
  }
}
