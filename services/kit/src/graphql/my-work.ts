import 'reflect-metadata';
import { Arg, Directive, Field, ID, Int, ObjectType, type ClassType } from 'type-graphql';
import type { EntityName } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/postgresql';
import type { Caller } from '../auth/caller.js';
import { loadById } from '../database/rows.js';
import { forbidden } from '../errors.js';
import { InputCheck } from '../validation.js';
import type { RequestContext } from './context.js';

/**
 * "Việc của tôi" (issue #17): what waits for the signed-in user. `Query.myWork`
 * (exemplars subgraph) returns the caller's MyWork; the exemplars, media and
 * directives subgraphs each add their lists to it, so one request fans out to
 * the three in parallel. Every subgraph declares the type alike from here.
 */
export const MY_WORK_DESCRIPTION =
  'What waits for the signed-in user (“Việc của tôi”): records to verify or approve, records returned to them, tasks due soon or overdue, progress reports owed.';

/** A fresh class per subgraph (several may run in one process), each given its own fields by that subgraph's resolvers. */
export function myWorkType() {
  @Directive('@key(fields: "userId")')
  @ObjectType('MyWork', { description: MY_WORK_DESCRIPTION })
  class MyWork {
    @Field(() => ID, { description: 'Id of the signed-in user (or API token) whose work this is.' })
    userId!: string;
  }
  return MyWork;
}

export interface MyWorkKey {
  userId: string;
}

/** The caller's own MyWork (`Query.myWork`). */
export const myWorkOf = (caller: Caller): MyWorkKey => ({ userId: caller.id ?? '' });

/**
 * `_entities` for MyWork: a subgraph answers for the caller only, whatever
 * id a representation carries (the lists are computed from the caller, and
 * nobody reads another user's work).
 */
export function resolveMyWorkReference(ref: { id: string }, ctx: RequestContext): MyWorkKey {
  const { userId } = ref as unknown as MyWorkKey;
  if (userId !== ctx.caller.id) throw forbidden('This is another user’s work list: each user reads only their own.');
  return { userId };
}

/** Each list shows its first few entries; the count says how many wait in all. */
export const MY_WORK_DEFAULT_FIRST = 10;
export const MY_WORK_MAX_FIRST = 50;

/** The `first` argument of every MyWork list (a parameter decorator: `@myWorkFirstArg() first: number`). */
export const myWorkFirstArg = () =>
  Arg('first', () => Int, { defaultValue: MY_WORK_DEFAULT_FIRST, description: `How many to list (0–${MY_WORK_MAX_FIRST}); the count covers all.` });

/** BAD_USER_INPUT naming `first` unless it is 0…MY_WORK_MAX_FIRST. */
export function checkMyWorkFirst(first: number): void {
  const check = new InputCheck();
  if (!Number.isInteger(first) || first < 0 || first > MY_WORK_MAX_FIRST) check.add('first', `must be between 0 and ${MY_WORK_MAX_FIRST} (got ${first}).`);
  check.done();
}

export interface MyWorkList<T> {
  totalCount: number;
  nodes: T[];
}

/** `<name> { totalCount, nodes }`: one list of MyWork. */
export function MyWorkListType<T extends object>(Node: ClassType<T>, name: string, what: string) {
  @ObjectType(name, { description: `A list of ${what} waiting for the signed-in user: the first few, and how many in all.` })
  class MyWorkListClass implements MyWorkList<T> {
    @Field(() => Int, { description: 'How many wait in all.' })
    totalCount!: number;

    @Field(() => [Node], { description: 'The first of them (as many as `first` asked), most urgent first.' })
    nodes!: T[];
  }
  return MyWorkListClass;
}

/**
 * One list of MyWork in two statements whatever the volume: `ids` (a query
 * selecting the records' `id`, filtered and ordered) with the count of every
 * match in the same statement, then the first records by id (batched with the
 * request's other lookups of that entity).
 */
export async function readMyWorkList<T extends { id: string }>(
  ctx: RequestContext,
  entity: EntityName<T> & { name: string },
  ids: Knex.QueryBuilder,
  first: number,
): Promise<MyWorkList<T>> {
  checkMyWorkFirst(first);
  // At least one row, so that the count comes back even when no record is asked for (the menu's badges).
  const rows = await ctx.em.execute<{ id: string; my_work_total: string | number }[]>(
    ids.select(ctx.em.getKnex().raw('count(*) over () as my_work_total')).limit(Math.max(first, 1)),
  );
  const nodes = await Promise.all(rows.slice(0, first).map((r) => loadById(ctx, entity, r.id)));
  return { totalCount: Number(rows[0]?.my_work_total ?? 0), nodes: nodes.filter((n): n is T => n != null) };
}

/** What a caller with nothing waiting in a list gets. */
export const emptyMyWorkList = <T>(first: number): MyWorkList<T> => {
  checkMyWorkFirst(first);
  return { totalCount: 0, nodes: [] };
};
