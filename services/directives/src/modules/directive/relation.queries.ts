import { pgArray, selectGrouped, type RequestContext } from '@lantoa/kit';
import { DirectiveRelation } from './relation.entity.js';

/** Relations of many documents in one statement per direction (a DataLoader per request). */
export function relationsOf(ctx: RequestContext, directiveId: string, column: 'from_id' | 'to_id'): Promise<DirectiveRelation[]> {
  const by = column === 'from_id' ? 'fromId' : 'toId';
  return ctx.loaders
    .get<string, DirectiveRelation[]>(`directive_relation.${column}`, (ids) => {
      const knex = ctx.em.getKnex();
      const qb = knex('directive_relation')
        .select('*')
        .whereRaw(`${column} = any(?::uuid[])`, [pgArray(ids as string[])])
        .whereNull('deleted_at')
        .orderBy([{ column: 'kind' }, { column: 'created_at' }, { column: 'id' }]);
      return selectGrouped(ctx.em, DirectiveRelation, qb, by, ids);
    })
    .load(directiveId);
}
