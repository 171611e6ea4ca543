import { pgArray, type RequestContext } from '@lantoa/kit';
import { OrgSuccession } from './succession.entity.js';

/** Successions touching many organizations in one statement per direction. */
export function successionsOf(ctx: RequestContext, orgId: string, side: 'from_id' | 'to_id'): Promise<OrgSuccession[]> {
  return ctx.loaders
    .get<string, OrgSuccession[]>(`succession.by:${side}`, async (ids) => {
      const knex = ctx.em.getKnex();
      const rows = await ctx.em
        .execute<Record<string, unknown>[]>(
          knex('org_succession').select('*').whereRaw(`${side} = any(?::uuid[])`, [pgArray(ids as string[])]).whereNull('deleted_at').orderBy(['effective_on', 'id']),
        );
      const out = new Map<string, OrgSuccession[]>();
      for (const r of rows) out.set(r[side] as string, [...(out.get(r[side] as string) ?? []), ctx.em.map(OrgSuccession, r)]);
      return ids.map((id) => out.get(id) ?? []);
    })
    .load(orgId);
}
