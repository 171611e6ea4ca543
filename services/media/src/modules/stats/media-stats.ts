import { DateScalar, InputCheck, PROVINCE_TIME_ZONE, type RequestContext } from '@lantoa/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MediaKind, MediaTone } from '../item/item.enums.js';
import type { MediaItemFilter } from '../item/item.inputs.js';
import { checkMediaItemFilter, filteredMediaItems } from '../item/item.queries.js';
import { DirectiveRef, OrganizationRef, refOf } from '../refs/refs.js';

export enum MediaStatsDimension {
  OUTLET = 'OUTLET',
  MONTH = 'MONTH',
  KIND = 'KIND',
  TONE = 'TONE',
  DIRECTIVE = 'DIRECTIVE',
}
registerEnumType(MediaStatsDimension, {
  name: 'MediaStatsDimension',
  description: 'What published media items are grouped by.',
  valuesConfig: {
    MONTH: { description: 'Month of publication in the province (YYYY-MM).' },
    DIRECTIVE: { description: 'Each directive the item covers (an item covering two counts for both; null for items covering none).' },
  },
});

@InputType({ description: 'How to count published items: grouping and the publication period (days in the province).' })
export class MediaStatsInput {
  @Field(() => [MediaStatsDimension], { description: 'Group by these, in this order (none: one total).' })
  groupBy!: MediaStatsDimension[];

  @Field(() => DateScalar, { nullable: true, description: 'Published on or after this day.' })
  publishedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or before this day.' })
  publishedTo?: string | null;
}

@ObjectType({ description: 'Published media items for one combination of the grouping dimensions (the others are null), with their reach.' })
export class MediaStatsRow {
  @Field(() => Int, { description: 'How many items.' })
  count!: number;

  @Field(() => Int, { description: 'Sum of their views.' })
  views!: number;

  @Field(() => Int, { description: 'Sum of their shares.' })
  shares!: number;

  @Field(() => Int, { description: 'Sum of their listeners.' })
  listeners!: number;

  @Field(() => ID, { nullable: true, description: 'With OUTLET.' })
  outletId!: string | null;

  @Field(() => OrganizationRef, { nullable: true, description: 'With OUTLET.' })
  outlet!: OrganizationRef | null;

  @Field(() => String, { nullable: true, description: 'With MONTH: YYYY-MM.' })
  month!: string | null;

  @Field(() => MediaKind, { nullable: true, description: 'With KIND.' })
  kind!: MediaKind | null;

  @Field(() => MediaTone, { nullable: true, description: 'With TONE.' })
  tone!: MediaTone | null;

  @Field(() => ID, { nullable: true, description: 'With DIRECTIVE.' })
  directiveId!: string | null;

  @Field(() => DirectiveRef, { nullable: true, description: 'With DIRECTIVE.' })
  directive!: DirectiveRef | null;
}

const COLUMN: Record<MediaStatsDimension, string> = {
  OUTLET: 'm.outlet_id',
  MONTH: `to_char(m.published_at at time zone '${PROVINCE_TIME_ZONE}', 'YYYY-MM')`,
  KIND: 'm.kind',
  TONE: 'm.tone',
  DIRECTIVE: 'dir.id',
};

/**
 * Published (and archived) items counted by outlet, month, kind, tone and
 * directive over a period — one statement over media_item. With an outlet
 * filter and includeDescendants it is an organization's coverage.
 */
export async function mediaStats(ctx: RequestContext, filter: MediaItemFilter | null | undefined, input: MediaStatsInput): Promise<MediaStatsRow[]> {
  checkMediaItemFilter(filter);
  const check = new InputCheck();
  check.dateRange('input.publishedFrom', input.publishedFrom, 'input.publishedTo', input.publishedTo);
  check.done();
  const dims = [...new Set(input.groupBy)];
  const base = filteredMediaItems(
    ctx.em.getKnex(),
    {
      ...filter,
      publishedFrom: input.publishedFrom ?? filter?.publishedFrom,
      publishedTo: input.publishedTo ?? filter?.publishedTo,
    },
    ctx.caller,
  )
    .whereIn('status', ['PUBLISHED', 'ARCHIVED'])
    .select('*');
  const { sql, bindings } = base.toSQL();
  const join = dims.includes(MediaStatsDimension.DIRECTIVE)
    ? "left join lateral unnest(case when m.directive_ids = '{}' then array[null::uuid] else m.directive_ids end) dir(id) on true"
    : '';
  const select = dims.map((dim) => `${COLUMN[dim]} as "${dim}"`);
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select ${[...select, 'count(*)::int as "count"', 'coalesce(sum(m.views), 0)::int as views', 'coalesce(sum(m.shares), 0)::int as shares', 'coalesce(sum(m.listeners), 0)::int as listeners'].join(', ')}
     from (${sql}) m ${join}
     ${dims.length ? `group by ${dims.map((_, i) => i + 1).join(', ')} order by ${dims.map((_, i) => i + 1).join(', ')}` : ''}`,
    bindings as never[],
  );
  return rows.map((r) => ({
    count: r.count as number,
    views: r.views as number,
    shares: r.shares as number,
    listeners: r.listeners as number,
    outletId: (r.OUTLET as string) ?? null,
    outlet: refOf((r.OUTLET as string) ?? null),
    month: (r.MONTH as string) ?? null,
    kind: (r.KIND as MediaKind) ?? null,
    tone: (r.TONE as MediaTone) ?? null,
    directiveId: (r.DIRECTIVE as string) ?? null,
    directive: refOf((r.DIRECTIVE as string) ?? null),
  }));
}
