import { DateScalar, InputCheck, type RequestContext } from '@lantoa/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExemplarField, ExemplarKind, ExemplarStatus } from '../exemplar/exemplar.enums.js';
import type { ExemplarFilter } from '../exemplar/exemplar.inputs.js';
import { checkExemplarFilter, filteredExemplars, indexedSubtreeDepth } from '../exemplar/exemplar.queries.js';
import { OrganizationRef, refOf } from '../refs/refs.js';

export enum ExemplarStatsDimension {
  KIND = 'KIND',
  STATUS = 'STATUS',
  FIELD = 'FIELD',
  YEAR = 'YEAR',
  DISTRICT = 'DISTRICT',
  CHILD = 'CHILD',
}
registerEnumType(ExemplarStatsDimension, {
  name: 'ExemplarStatsDimension',
  description: 'What exemplar counts are grouped by.',
  valuesConfig: {
    YEAR: { description: 'Year first honoured (recognised or awarded); null for exemplars not honoured.' },
    DISTRICT: { description: 'The district-level organization above (or at) the exemplar’s organization.' },
    CHILD: { description: 'The child of filter.organizationId whose subtree holds the exemplar (the organization itself for its own).' },
  },
});

@InputType({ description: 'Which exemplars to count: the list filter, and optionally a period in which they were first honoured.' })
export class ExemplarStatsInput {
  @Field(() => [ExemplarStatsDimension], { description: 'Group by these, in this order (none: one total).' })
  groupBy!: ExemplarStatsDimension[];

  @Field(() => Boolean, { defaultValue: false, description: 'Only exemplars recognised (biểu dương) or awarded (khen thưởng).' })
  honouredOnly: boolean = false;

  @Field(() => DateScalar, { nullable: true, description: 'First honoured on or after this day (implies honouredOnly).' })
  honouredFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First honoured on or before this day (implies honouredOnly).' })
  honouredTo?: string | null;
}

@ObjectType({ description: 'A count of exemplars for one combination of the grouping dimensions (the others are null).' })
export class ExemplarStatsRow {
  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Field(() => ExemplarKind, { nullable: true, description: 'With KIND.' })
  kind!: ExemplarKind | null;

  @Field(() => ExemplarStatus, { nullable: true, description: 'With STATUS.' })
  status!: ExemplarStatus | null;

  @Field(() => ExemplarField, { nullable: true, description: 'With FIELD.' })
  field!: ExemplarField | null;

  @Field(() => Int, { nullable: true, description: 'With YEAR.' })
  year!: number | null;

  @Field(() => ID, { nullable: true, description: 'With DISTRICT or CHILD: the organization counted for.' })
  organizationId!: string | null;

  @Field(() => OrganizationRef, { nullable: true, description: 'With DISTRICT or CHILD: the organization counted for.' })
  organization!: OrganizationRef | null;
}

const HONOURED = 'least(e.recognised_on, e.awarded_on)';
const COLUMN: Record<ExemplarStatsDimension, string> = {
  KIND: 'e.kind',
  STATUS: 'e.status',
  FIELD: 'e.field',
  YEAR: `extract(year from ${HONOURED})::int`,
  DISTRICT: 'district.id',
  CHILD: `case when d.path = root.path then d.id else split_part(substr(d.path, length(root.path) + 1), '/', 1)::uuid end`,
};

/**
 * Exemplar counts grouped by any of kind, status, field, year first honoured,
 * district and child organization — one statement over the exemplar table and
 * the directory replica. "1.567 điển hình được biểu dương, khen thưởng" is
 * `honouredFrom`/`honouredTo` over the province with no grouping.
 */
export async function exemplarStats(ctx: RequestContext, filter: ExemplarFilter | null | undefined, input: ExemplarStatsInput): Promise<ExemplarStatsRow[]> {
  checkExemplarFilter(filter);
  const check = new InputCheck();
  const dims = [...new Set(input.groupBy)];
  if (dims.includes(ExemplarStatsDimension.CHILD) && !filter?.organizationId) check.add('groupBy', 'CHILD needs filter.organizationId.');
  if (dims.includes(ExemplarStatsDimension.DISTRICT) && dims.includes(ExemplarStatsDimension.CHILD))
    check.add('groupBy', 'choose DISTRICT or CHILD, not both.');
  check.dateRange('input.honouredFrom', input.honouredFrom, 'input.honouredTo', input.honouredTo);
  check.done();
  const base = filteredExemplars(ctx.em.getKnex(), filter, ctx.caller, await indexedSubtreeDepth(ctx, filter)).select('*');
  const honouredOnly = input.honouredOnly || input.honouredFrom || input.honouredTo;
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (honouredOnly) where.push(`${HONOURED} is not null`);
  if (input.honouredFrom) {
    where.push(`${HONOURED} >= ?`);
    bindings.push(input.honouredFrom);
  }
  if (input.honouredTo) {
    where.push(`${HONOURED} <= ?`);
    bindings.push(input.honouredTo);
  }
  const needsOrg = dims.includes(ExemplarStatsDimension.DISTRICT) || dims.includes(ExemplarStatsDimension.CHILD);
  const joins = [
    needsOrg ? 'join directory_organization d on d.id = e.organization_id' : '',
    dims.includes(ExemplarStatsDimension.DISTRICT)
      ? `left join lateral (select x.id from directory_organization x where x.id = any(string_to_array(trim(both '/' from d.path), '/')::uuid[]) and x.level = 'DISTRICT' order by x.depth limit 1) district on true`
      : '',
    dims.includes(ExemplarStatsDimension.CHILD) ? 'cross join (select path from directory_organization where id = ?) root' : '',
  ];
  const joinBindings = dims.includes(ExemplarStatsDimension.CHILD) ? [filter!.organizationId] : [];
  const select = dims.map((dim) => `${COLUMN[dim]} as "${dim}"`);
  const { sql, bindings: baseBindings } = base.toSQL();
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select ${[...select, 'count(*)::int as "count"'].join(', ')} from (${sql}) e ${joins.join(' ')}
     ${where.length ? `where ${where.join(' and ')}` : ''}
     ${dims.length ? `group by ${dims.map((_, i) => i + 1).join(', ')} order by ${dims.map((_, i) => i + 1).join(', ')}` : ''}`,
    [...baseBindings, ...joinBindings, ...bindings] as never[],
  );
  return rows.map((r) => {
    const organizationId = (r.DISTRICT ?? r.CHILD ?? null) as string | null;
    return {
      count: r.count as number,
      kind: (r.KIND as ExemplarKind) ?? null,
      status: (r.STATUS as ExemplarStatus) ?? null,
      field: (r.FIELD as ExemplarField) ?? null,
      year: (r.YEAR as number) ?? null,
      organizationId,
      organization: refOf(organizationId),
    };
  });
}
