import { collateVietnamese, inSubtreeOfPathSql, InputCheck, todayInProvince, type RequestContext } from '@lantoa/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OrganizationRef } from '../organization/organization.ref.js';
import { deadlineStatusSql } from './deadline.js';

@ObjectType({ description: 'Tasks led by an organization (or its subtree), counted by deadline status on a day.' })
export class TaskStats {
  @Field(() => ID, { description: 'The organization counted for.' })
  organizationId!: string;

  @Field(() => OrganizationRef, { nullable: true, description: 'The organization counted for (null only when the organizations subgraph cannot answer).' })
  organization!: OrganizationRef;

  @Field(() => Int, { description: 'All tasks, cancelled ones included.' })
  total!: number;

  @Field(() => Int, { description: 'Completed on or before the due date.' })
  doneOnTime!: number;

  @Field(() => Int, { description: 'Completed after the due date.' })
  doneLate!: number;

  @Field(() => Int, { description: 'Not completed, due date not passed.' })
  openWithinDeadline!: number;

  @Field(() => Int, { description: 'Not completed, due date passed.' })
  openOverdue!: number;

  @Field(() => Int, { description: 'Cancelled.' })
  cancelled!: number;
}

interface Row {
  group_id: string;
  total: string;
  done_on_time: string;
  done_late: string;
  open_within: string;
  open_overdue: string;
  cancelled: string;
}

const toStats = (organizationId: string, r: Row | undefined): TaskStats => ({
  organizationId,
  organization: { id: organizationId },
  total: Number(r?.total ?? 0),
  doneOnTime: Number(r?.done_on_time ?? 0),
  doneLate: Number(r?.done_late ?? 0),
  openWithinDeadline: Number(r?.open_within ?? 0),
  openOverdue: Number(r?.open_overdue ?? 0),
  cancelled: Number(r?.cancelled ?? 0),
});

/**
 * Counts tasks by lead organization, on day `asOf` (default today in the
 * province): for the organization itself, with its subtree when
 * `includeDescendants`; with `groupByChildren`, one row for the organization's
 * own tasks and one per live child covering that child's subtree (zeros
 * included). One statement over the task table and the directory replica.
 */
export async function taskStats(
  ctx: RequestContext,
  organizationId: string,
  o: { includeDescendants: boolean; groupByChildren: boolean; asOf?: string | null },
): Promise<TaskStats[]> {
  const check = new InputCheck();
  check.uuid('organizationId', organizationId);
  if (o.groupByChildren && !o.includeDescendants) check.add('groupByChildren', 'needs includeDescendants: a child’s count covers its subtree.');
  check.done();
  const asOf = o.asOf ?? todayInProvince();
  const status = deadlineStatusSql(asOf, 't');
  const group = o.groupByChildren ? `case when d.path = x.path then d.id else split_part(substr(d.path, length(x.path) + 1), '/', 1)::uuid end` : 'x.id';
  const within = o.includeDescendants ? inSubtreeOfPathSql('d.path', 'x.path') : 'd.id = x.id';
  const rows = await ctx.em.execute<Row[]>(
    `with x as (select id, path from directory_organization where id = ?)
     select ${group} as group_id, count(*) as total,
       count(*) filter (where st = 'DONE_ON_TIME') as done_on_time,
       count(*) filter (where st = 'DONE_LATE') as done_late,
       count(*) filter (where st = 'OPEN_WITHIN_DEADLINE') as open_within,
       count(*) filter (where st = 'OPEN_OVERDUE') as open_overdue,
       count(*) filter (where st is null) as cancelled
     from (select t.lead_organization_id, ${status} as st from task t where t.deleted_at is null) t
     join directory_organization d on d.id = t.lead_organization_id
     cross join x
     where ${within}
     group by 1`,
    [organizationId],
  );
  const byGroup = new Map(rows.map((r) => [r.group_id, r]));
  if (!o.groupByChildren) return [toStats(organizationId, byGroup.get(organizationId))];
  const children = await ctx.em.execute<{ id: string }[]>(
    `select id from directory_organization where parent_id = ? and deleted_at is null order by ${collateVietnamese('name')}, id`,
    [organizationId],
  );
  return [organizationId, ...children.map((c) => c.id)].map((id) => toStats(id, byGroup.get(id)));
}
