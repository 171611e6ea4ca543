import { pgArray, selectGrouped, type RequestContext } from '@lantoa/kit';
import { OrgSuccession } from './succession.entity.js';

/** Successions touching many organizations in one statement per direction. */
export function successionsOf(ctx: RequestContext, orgId: string, side: 'from_id' | 'to_id'): Promise<OrgSuccession[]> {
  return ctx.loaders
    .get<string, OrgSuccession[]>(`succession.by:${side}`, async (ids) => {
      const knex = ctx.em.getKnex();
      const qb = knex('org_succession')
        .select('*')
        .whereRaw(`${side} = any(?::uuid[])`, [pgArray(ids as string[])])
        .whereNull('deleted_at')
        .orderBy(['effective_on', 'id']);
      return selectGrouped(ctx.em, OrgSuccession, qb, side === 'from_id' ? 'fromId' : 'toId', ids);
    })
    .load(orgId);
}
