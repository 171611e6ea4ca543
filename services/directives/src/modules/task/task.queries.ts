import {
  containsPattern,
  idTerm,
  inSubtreeOfIdSql,
  InputCheck,
  pgArray,
  readPage,
  searchTerms,
  todayInProvince,
  type Connection,
  type RequestContext,
  type SortTerm,
  loadById,
  loadLiveById,
  softDeleteCondition,
  type Caller,
} from '@lantoa/kit';
import { subtreeCondition } from '@lantoa/kit/directory';
import type { Knex } from '@mikro-orm/postgresql';
import { deadlineRankSql, deadlineStatusOf, deadlineStatusSql, DEADLINE_RANK } from './deadline.js';
import { Task } from './task.entity.js';
import { TaskOrderField, type TaskFilter, type TaskOrder, type TasksArgs } from './task.inputs.js';
import { TaskRole } from './task.enums.js';

function sortTerms(orderBy: TaskOrder[] | null | undefined, asOf: string): SortTerm<Task>[] {
  const terms: Record<TaskOrderField, Omit<SortTerm<Task>, 'direction'>> = {
    DEADLINE: { sql: deadlineRankSql(asOf), type: 'integer', value: (t) => DEADLINE_RANK[deadlineStatusOf(t, asOf) ?? 'CANCELLED'] },
    DUE_ON: { sql: 'due_on', type: 'date', value: (t) => t.dueOn },
    TITLE: { sql: 'title', type: 'text', collate: true, value: (t) => t.title },
    CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (t) => t.createdAt },
  };
  const asked = orderBy?.length ? orderBy : [{ field: TaskOrderField.DEADLINE, direction: 'ASC' as const }];
  const chosen = asked.map((o) => ({ ...terms[o.field], direction: o.direction }) as SortTerm<Task>);
  // Within a deadline rank, the most urgent (earliest due) first.
  if (asked.length === 1 && asked[0]!.field === TaskOrderField.DEADLINE) chosen.push({ ...terms.DUE_ON, direction: chosen[0]!.direction });
  return [...chosen, idTerm(chosen[0]!.direction)];
}

function checkFilter(filter: TaskFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', filter?.ids);
  check.uuid('filter.directiveId', filter?.directiveId);
  check.uuid('filter.organizationId', filter?.organizationId);
  if (filter?.q != null && filter.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  if ((filter?.includeDescendants || filter?.role) && !filter.organizationId)
    check.add(filter.role ? 'filter.role' : 'filter.includeDescendants', 'needs filter.organizationId.');
  check.dateRange('filter.dueFrom', filter?.dueFrom, 'filter.dueTo', filter?.dueTo);
  check.done();
}

/** The organization condition of a task filter: lead, coordinator or either, of one organization or its subtree. */
export function organizationCondition(
  knex: Knex,
  o: { organizationId: string; includeDescendants?: boolean | null; role?: TaskRole | null },
): (qb: Knex.QueryBuilder) => void {
  const role = o.role ?? TaskRole.LEAD;
  const lead = subtreeCondition(knex, 'lead_organization_id', o);
  const subtree = knex.raw(
    o.includeDescendants ? `array(select id from directory_organization where ${inSubtreeOfIdSql('directory_organization')})` : 'array[?::uuid]',
    o.includeDescendants ? [o.organizationId, o.organizationId] : [o.organizationId],
  );
  const coordinator = (qb: Knex.QueryBuilder) => void qb.whereRaw('coordinating_organization_ids && ?', [subtree]);
  if (role === TaskRole.LEAD) return lead;
  if (role === TaskRole.COORDINATOR) return coordinator;
  return (qb) =>
    void qb.where((w) => {
      lead(w);
      w.orWhere((x) => coordinator(x));
    });
}

/** The FROM and WHERE of a task list (also what taskStats counts). */
export function filteredTasks(knex: Knex, filter: TaskFilter | null | undefined, asOf: string, caller: Caller): Knex.QueryBuilder {
  const qb = knex('task');
  softDeleteCondition(caller, filter?.deleted)(qb);
  if (!filter) return qb;
  if (filter.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(filter.ids)]);
  for (const term of searchTerms(filter.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
  if (filter.directiveId) qb.where('directive_id', filter.directiveId);
  if (filter.group) qb.where('task_group', filter.group);
  if (filter.status) qb.where('status', filter.status);
  if (filter.deadlineStatus) qb.whereRaw(`${deadlineStatusSql(asOf)} = ?`, [filter.deadlineStatus]);
  if (filter.dueFrom) qb.where('due_on', '>=', filter.dueFrom);
  if (filter.dueTo) qb.where('due_on', '<=', filter.dueTo);
  if (filter.organizationId)
    organizationCondition(knex, { organizationId: filter.organizationId, includeDescendants: filter.includeDescendants, role: filter.role })(qb);
  return qb;
}

/** Read paths for tasks: lists (overdue first by default) and batched lookups. */
export class TaskQueries {
  constructor(private readonly ctx: RequestContext) {}

  byId(id: string): Promise<Task | null> {
    return loadById(this.ctx, Task, id);
  }

  live(id: string): Promise<Task | null> {
    return loadLiveById(this.ctx, Task, id);
  }

  list(args: TasksArgs): Promise<Connection<Task>> {
    checkFilter(args.filter);
    const asOf = args.filter?.asOf ?? todayInProvince();
    return readPage(this.ctx.em, Task, filteredTasks(this.ctx.em.getKnex(), args.filter, asOf, this.ctx.caller), sortTerms(args.orderBy, asOf), args);
  }
}
