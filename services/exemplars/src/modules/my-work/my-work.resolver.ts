import {
  Access,
  can,
  emptyMyWorkList,
  myWorkFirstArg,
  myWorkOf,
  myWorkType,
  MyWorkListType,
  readMyWorkList,
  type MyWorkKey,
  type MyWorkList,
  type RequestContext,
} from '@lantoa/kit';
import { scopeCondition } from '@lantoa/kit/directory';
import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { Exemplar } from '../exemplar/exemplar.entity.js';
import { ExemplarAction, ExemplarStatus } from '../exemplar/exemplar.enums.js';

/** "Việc của tôi": this subgraph answers Query.myWork and adds the exemplars waiting for the caller. */
export const MyWork = myWorkType();
export const MyWorkExemplars = MyWorkListType(Exemplar, 'MyWorkExemplars', 'exemplars');

/** A rejection is final (lifecycle.ts): it stays in its proposer's list this long, then it is history. */
export const RETURNED_FOR_DAYS = 30;

@Resolver(() => MyWork)
export class MyWorkExemplarsResolver {
  @Query(() => MyWork, {
    description: 'What waits for you (“Việc của tôi”): each list with its first entries and a count, from every subgraph in one request.',
  })
  myWork(@Ctx() ctx: RequestContext): MyWorkKey {
    return myWorkOf(ctx.caller);
  }

  @FieldResolver(() => MyWorkExemplars, {
    description: 'Proposed exemplars of your subtree waiting for your verification (reviewers), newest first; your own proposals are left to another reviewer.',
  })
  exemplarsToVerify(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<Exemplar>> | MyWorkList<Exemplar> {
    if (!can(ctx.caller, Access.REVIEW)) return emptyMyWorkList(first);
    const knex = ctx.em.getKnex();
    const ids = knex('exemplar as e').select('e.id').where('e.status', ExemplarStatus.PROPOSED).whereNull('e.deleted_at');
    scopeCondition(knex, 'e.organization_id', ctx.caller)(ids);
    // Four-eyes (the proposer never verifies) is not enforced yet; the queue already leaves a reviewer's own proposals out.
    ids.whereNotExists(
      knex('exemplar_step as s')
        .select(knex.raw('1'))
        .whereRaw('s.exemplar_id = e.id')
        .where({ 's.action': ExemplarAction.PROPOSE, 's.actor_id': ctx.caller.id }),
    );
    return readMyWorkList(
      ctx,
      Exemplar,
      ids.orderBy([
        { column: 'e.updated_at', order: 'desc' },
        { column: 'e.id', order: 'desc' },
      ]),
      first,
    );
  }

  @FieldResolver(() => MyWorkExemplars, {
    description: `Exemplars you proposed that a reviewer rejected in the last ${RETURNED_FOR_DAYS} days (the note says why), newest first.`,
  })
  exemplarsReturnedToMe(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<Exemplar>> | MyWorkList<Exemplar> {
    if (!can(ctx.caller, Access.EDIT) || !ctx.caller.id) return emptyMyWorkList(first);
    const knex = ctx.em.getKnex();
    // An exemplar is proposed once (only from REGISTERED): its PROPOSE step names the proposer.
    const proposedByMe = knex('exemplar_step').select('exemplar_id').where({ actor_id: ctx.caller.id, action: ExemplarAction.PROPOSE });
    const ids = knex('exemplar as e')
      .select('e.id')
      .where('e.status', ExemplarStatus.REJECTED)
      .whereNull('e.deleted_at')
      .whereIn('e.id', proposedByMe)
      .whereExists(
        knex('exemplar_step as r')
          .select(knex.raw('1'))
          .whereRaw('r.exemplar_id = e.id')
          .where('r.action', ExemplarAction.REJECT)
          .whereRaw(`r.occurred_at > now() - interval '${RETURNED_FOR_DAYS} days'`),
      );
    // Still within their subtree (read boundaries: a rejection is for the office's eyes, and someone moved elsewhere no longer reads it).
    scopeCondition(knex, 'e.organization_id', ctx.caller)(ids);
    return readMyWorkList(
      ctx,
      Exemplar,
      ids.orderBy([
        { column: 'e.updated_at', order: 'desc' },
        { column: 'e.id', order: 'desc' },
      ]),
      first,
    );
  }
}
