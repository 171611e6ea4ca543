import { DateScalar, InputCheck, MAX_PAGE_SIZE, pgArray, type RequestContext } from '@lantoa/kit';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { honouredExemplars } from '../refs/exemplars.js';
import { ExemplarRef } from '../refs/refs.js';

/** Items that count as coverage: live, and published (or published, then archived). */
export const COVERING = `deleted_at is null and status in ('PUBLISHED', 'ARCHIVED')`;

@ObjectType({ description: 'How the press has covered an exemplar: published items linking it.' })
export class Coverage {
  @Field(() => Int, { description: 'Published items covering it.' })
  count!: number;

  @Field(() => Date, { nullable: true, description: 'When the latest of them appeared; null when none has.' })
  lastPublishedAt!: Date | null;
}

/** Coverage of many exemplars, batched: one statement for a whole `_entities` call or page. */
export function coverageOf(ctx: RequestContext, exemplarId: string): Promise<Coverage> {
  return ctx.loaders
    .get<string, Coverage>('media.coverage', async (ids) => {
      // One GIN probe per id (`@> array[id]`): an `&&` over the whole list looks like one scan, but PostgreSQL
      // prices a many-key GIN search so high that it reads every item instead.
      const rows = await ctx.em.execute<{ id: string; count: number; last: Date | null }[]>(
        `select x.id, c.count, c.last
         from unnest(?::uuid[]) x(id)
         cross join lateral (select count(*)::int as count, max(m.published_at) as last from media_item m
                             where m.exemplar_ids @> array[x.id] and ${COVERING}) c
         where c.count > 0`,
        [pgArray(ids as string[])],
      );
      const byId = new Map(rows.map((r) => [r.id, { count: r.count, lastPublishedAt: r.last ? new Date(r.last) : null }]));
      return ids.map((id) => byId.get(id) ?? { count: 0, lastPublishedAt: null });
    })
    .load(exemplarId);
}

@ArgsType()
export class UncoveredExemplarsArgs {
  @Field(() => DateScalar, { description: 'Honoured (recognised or awarded) on or after this day.' })
  honouredFrom!: string;

  @Field(() => DateScalar, { description: 'Honoured on or before this day.' })
  honouredTo!: string;

  @Field(() => ID, { nullable: true, description: 'Only exemplars of this organization (with includeDescendants, of its subtree).' })
  organizationId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'With organizationId: also every organization below it.' })
  includeDescendants: boolean = false;

  @Field(() => Int, { defaultValue: 50, description: `How many to list (at most ${MAX_PAGE_SIZE}); totalCount counts all.` })
  first: number = 50;
}

@ObjectType({ description: 'An exemplar honoured in the period that no published item covers yet.' })
export class UncoveredExemplar {
  @Field(() => ExemplarRef, { description: 'The exemplar (its name, organization, … come from the exemplars subgraph).' })
  exemplar!: ExemplarRef;

  @Field(() => DateScalar, { description: 'The first day in the period it was recognised or awarded.' })
  honouredOn!: string;
}

@ObjectType({ description: 'The communications staff’s to-do list: exemplars honoured in a period without coverage, latest honoured first.' })
export class UncoveredExemplarList {
  @Field(() => [UncoveredExemplar], { description: 'The first of them.' })
  nodes!: UncoveredExemplar[];

  @Field(() => Int, { description: 'How many there are in all.' })
  totalCount!: number;
}

/**
 * Exemplars honoured in a period that no published item covers. The
 * exemplars subgraph owns which exemplars were honoured when (and who may
 * see them); this subgraph owns coverage. So: the honoured exemplars of the
 * period come from the exemplars subgraph (refs/exemplars.ts, one statement
 * per page of 200 there, with the caller's own permissions), the covered ones
 * are taken out here (one statement), and the gateway resolves each
 * exemplar's fields (name, organization) with one `_entities` call per
 * subgraph. The statement count is bounded by the period's years and pages,
 * not by the number of exemplars.
 */
export async function uncoveredExemplars(ctx: RequestContext, a: UncoveredExemplarsArgs): Promise<UncoveredExemplarList> {
  const check = new InputCheck();
  check.uuid('organizationId', a.organizationId);
  check.dateRange('honouredFrom', a.honouredFrom, 'honouredTo', a.honouredTo);
  if (a.honouredTo && a.honouredFrom && Number(a.honouredTo.slice(0, 4)) - Number(a.honouredFrom.slice(0, 4)) > 5)
    check.add('honouredTo', 'must be within five years of honouredFrom.');
  if (a.includeDescendants && !a.organizationId) check.add('includeDescendants', 'needs organizationId.');
  if (a.first < 0 || a.first > MAX_PAGE_SIZE) check.add('first', `must be between 0 and ${MAX_PAGE_SIZE}.`);
  check.done();
  const honoured = await honouredExemplars(ctx, {
    from: a.honouredFrom,
    to: a.honouredTo,
    organizationId: a.organizationId,
    includeDescendants: a.includeDescendants,
  });
  if (!honoured.length) return { nodes: [], totalCount: 0 };
  const ids = honoured.map((h) => h.id);
  // One GIN probe per honoured id (up to MAX_HONOURED of them), never a scan of the items: see coverageOf.
  const covered = await ctx.em.execute<{ id: string }[]>(
    `select x.id from unnest(?::uuid[]) x(id)
     where exists (select 1 from media_item m where m.exemplar_ids @> array[x.id] and ${COVERING})`,
    [pgArray(ids)],
  );
  const coveredIds = new Set(covered.map((r) => r.id));
  const open = honoured
    .filter((h) => !coveredIds.has(h.id))
    .sort((x, y) => (x.honouredOn === y.honouredOn ? x.id.localeCompare(y.id) : x.honouredOn < y.honouredOn ? 1 : -1));
  return { nodes: open.slice(0, a.first).map((h) => ({ exemplar: { id: h.id }, honouredOn: h.honouredOn })), totalCount: open.length };
}
