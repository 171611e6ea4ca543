import {
  Access,
  can,
  emptyMyWorkList,
  myWorkFirstArg,
  myWorkType,
  MyWorkListType,
  readMyWorkList,
  todayInProvince,
  type MyWorkList,
  type RequestContext,
} from '@lantoa/kit';
import { scopeCondition } from '@lantoa/kit/directory';
import type { Knex } from '@mikro-orm/postgresql';
import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Task } from '../task/task.entity.js';
import { TaskStatus } from '../task/task.enums.js';

/** "Việc của tôi": this subgraph adds the caller's organizations' tasks and reports to MyWork (Query.myWork is the exemplars subgraph's). */
export const MyWork = myWorkType();
export const MyWorkTasks = MyWorkListType(Task, 'MyWorkTasks', 'tasks');

/** "Due soon": due today or within this many days, in the province's calendar. */
export const DUE_SOON_DAYS = 14;

/** The reporting period reports are owed for: the half-year (báo cáo 6 tháng) that `today` falls in; its first day. */
export const halfYearStart = (today: string): string => `${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? '01' : '07'}-01`;

/**
 * Open tasks (not started or in progress) led by an organization of the
 * caller's subtree, for those who act on them (editors, reviewers; admins:
 * every organization). Viewers and read-only tokens have none.
 */
function openTasksOfMine(ctx: RequestContext): Knex.QueryBuilder | null {
  if (!can(ctx.caller, Access.EDIT)) return null;
  const knex = ctx.em.getKnex();
  const ids = knex('task as t').select('t.id').whereIn('t.status', [TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS]).whereNull('t.deleted_at');
  scopeCondition(knex, 't.lead_organization_id', ctx.caller)(ids);
  return ids;
}

const mostUrgentFirst = (qb: Knex.QueryBuilder) =>
  qb.orderBy([
    { column: 't.due_on', order: 'asc' },
    { column: 't.id', order: 'asc' },
  ]);

@Resolver(() => MyWork)
export class MyWorkTasksResolver {
  @FieldResolver(() => MyWorkTasks, {
    description: `Open tasks led by your organization or one below it, due today or within ${DUE_SOON_DAYS} days (Asia/Ho_Chi_Minh), earliest due first.`,
  })
  tasksDueSoon(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<Task>> | MyWorkList<Task> {
    const ids = openTasksOfMine(ctx);
    if (!ids) return emptyMyWorkList(first);
    ids.whereRaw(`t.due_on between ?::date and ?::date + ${DUE_SOON_DAYS}`, [todayInProvince(), todayInProvince()]);
    return readMyWorkList(ctx, Task, mostUrgentFirst(ids), first);
  }

  @FieldResolver(() => MyWorkTasks, { description: 'Open tasks led by your organization or one below it, past their due date, most overdue first.' })
  overdueTasks(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<Task>> | MyWorkList<Task> {
    const ids = openTasksOfMine(ctx);
    if (!ids) return emptyMyWorkList(first);
    ids.where('t.due_on', '<', todayInProvince());
    return readMyWorkList(ctx, Task, mostUrgentFirst(ids), first);
  }

  @FieldResolver(() => MyWorkTasks, {
    description:
      'Open tasks led by your organization or one below it with no progress report of the current half-year (báo cáo 6 tháng) from that organization yet: no live report on the task by its lead organization whose period ends on or after the half-year’s first day. Earliest due first.',
  })
  reportsOwed(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<Task>> | MyWorkList<Task> {
    const ids = openTasksOfMine(ctx);
    if (!ids) return emptyMyWorkList(first);
    const knex = ctx.em.getKnex();
    ids.whereNotExists(
      knex('progress_report as r')
        .select(knex.raw('1'))
        .whereRaw('r.task_id = t.id and r.reporting_organization_id = t.lead_organization_id')
        .whereNull('r.deleted_at')
        .where('r.period_to', '>=', halfYearStart(todayInProvince())),
    );
    return readMyWorkList(ctx, Task, mostUrgentFirst(ids), first);
  }
}
