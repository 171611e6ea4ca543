import { pgArray, PROVINCE_TIME_ZONE, type RequestContext } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OrganizationRef } from '../refs/refs.js';
import type { Campaign } from './campaign.entity.js';

@ObjectType({ description: 'One outlet’s part in a campaign.' })
export class OutletProgress {
  @Field(() => ID, { description: 'Id of the outlet.' })
  outletId!: string;

  @Field(() => OrganizationRef, { description: 'The outlet.' })
  outlet!: OrganizationRef;

  @Field(() => String, { nullable: true, description: 'Its name, from the directory replica.' })
  outletName!: string | null;

  @Field(() => Int, { description: 'Published items it contributed.' })
  items!: number;

  @Field(() => Int, { nullable: true, description: 'Its target (the campaign’s targetPerOutlet); null when none is set.' })
  target!: number | null;
}

@ObjectType({ description: 'A campaign’s progress, computed from the published items that cover its directive or theme within its period.' })
export class CampaignProgress {
  @Field(() => Int, { description: 'Published items counted.' })
  items!: number;

  @Field(() => Int, { description: 'Of those, items covering at least one exemplar.' })
  exemplarItems!: number;

  @Field(() => Float, { description: 'items / targetItems (1 when the target is 0).' })
  itemsRatio!: number;

  @Field(() => Float, { description: 'exemplarItems / targetExemplarItems (1 when the target is 0).' })
  exemplarItemsRatio!: number;

  @Field(() => [OutletProgress], { description: 'Each participating press outlet, and any other outlet that contributed, most items first.' })
  outlets!: OutletProgress[];
}

interface Row {
  campaign_id: string;
  outlet_id: string;
  items: number;
  exemplar_items: number;
}

const ratio = (done: number, target: number) => (target > 0 ? done / target : 1);

/** Progress of many campaigns, batched: one statement for a page of campaigns. */
export async function progressOf(ctx: RequestContext, c: Campaign): Promise<CampaignProgress> {
  const rows = await ctx.loaders
    .get<string, Row[]>('campaign.progress', async (ids) => {
      const all = await ctx.em.execute<Row[]>(
        `select c.id as campaign_id, m.outlet_id, count(*)::int as items, (count(*) filter (where m.exemplar_ids <> '{}'))::int as exemplar_items
         from campaign c
         join media_item m on m.deleted_at is null and m.status in ('PUBLISHED', 'ARCHIVED')
           and m.published_at >= (c.period_from::timestamp at time zone '${PROVINCE_TIME_ZONE}')
           and m.published_at < ((c.period_to + 1)::timestamp at time zone '${PROVINCE_TIME_ZONE}')
           and ((c.directive_id is not null and m.directive_ids @> array[c.directive_id]) or (c.theme_id is not null and m.theme_ids @> array[c.theme_id]))
         where c.id = any(?::uuid[])
         group by c.id, m.outlet_id`,
        [pgArray(ids as string[])],
      );
      return ids.map((id) => all.filter((r) => r.campaign_id === id));
    })
    .load(c.id);
  const directory = new Directory(ctx);
  const participants = await Promise.all(c.participantIds.map((id) => directory.byId(id)));
  const outletIds = new Set([...participants.filter((p) => p?.type === 'PRESS').map((p) => p!.id), ...rows.map((r) => r.outlet_id)]);
  const outlets = await Promise.all(
    [...outletIds].map(async (id) => ({
      outletId: id,
      outlet: { id },
      outletName: await directory.name(id),
      items: rows.find((r) => r.outlet_id === id)?.items ?? 0,
      target: c.targetPerOutlet,
    })),
  );
  const items = rows.reduce((n, r) => n + r.items, 0);
  const exemplarItems = rows.reduce((n, r) => n + r.exemplar_items, 0);
  return {
    items,
    exemplarItems,
    itemsRatio: ratio(items, c.targetItems),
    exemplarItemsRatio: ratio(exemplarItems, c.targetExemplarItems),
    outlets: outlets.sort((x, y) => y.items - x.items || x.outletId.localeCompare(y.outletId)),
  };
}
