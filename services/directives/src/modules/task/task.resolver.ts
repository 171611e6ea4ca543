import {
  Access,
  AuditEventConnection,
  ConnectionType,
  DateScalar,
  isUuid,
  PageArgs,
  recordHistory,
  todayInProvince,
  type AuditEvent,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DirectiveRecord } from '../directive/directive.entity.js';
import { DirectiveQueries } from '../directive/directive.queries.js';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { deadlineStatusOf } from './deadline.js';
import { Task } from './task.entity.js';
import { DeadlineStatus } from './task.enums.js';
import { CreateTaskInput, TasksArgs, UpdateTaskInput } from './task.inputs.js';
import { TaskQueries } from './task.queries.js';
import { TaskService } from './task.service.js';
import { Criterion } from '../criterion/criterion.entity.js';
import { criteriaOf } from '../criterion/criterion.resolver.js';
import { ProgressReport } from '../report/report.entity.js';
import { reportsOf } from '../report/report.resolver.js';

export const TaskConnection = ConnectionType(Task, 'Task');

@Resolver(() => Task)
export class TaskResolver {
  @Authorized(Access.READ)
  @Query(() => Task, { nullable: true, description: 'One task; null when absent or deleted.' })
  task(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Task | null> | null {
    return isUuid(id) ? new TaskQueries(ctx).live(id) : null;
  }

  @Authorized(Access.READ)
  @Query(() => TaskConnection, { nullable: true, description: 'Tasks matching a filter, in pages; overdue first by default.' })
  tasks(@Args(() => TasksArgs) args: TasksArgs, @Ctx() ctx: RequestContext): Promise<Connection<Task>> {
    return new TaskQueries(ctx).list(args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Task, { description: 'Creates a task for a lead organization in your subtree (admins: any).' })
  createTask(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() ctx: RequestContext): Promise<Task> {
    return new TaskService(ctx).create(input);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Task, { description: 'Changes a task led within your subtree; CONFLICT when expectedVersion is stale.' })
  updateTask(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateTaskInput) input: UpdateTaskInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Task> {
    return new TaskService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Task, { description: 'Soft-deletes a task led within your subtree; restoreTask undoes it.' })
  deleteTask(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Task> {
    return new TaskService(ctx).setDeleted(id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Task, { description: 'Restores a soft-deleted task led within your subtree.' })
  restoreTask(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Task> {
    return new TaskService(ctx).setDeleted(id, false);
  }

  @FieldResolver(() => DirectiveRecord, { nullable: true, description: 'The document that created it.' })
  directive(@Root() t: Task, @Ctx() ctx: RequestContext): Promise<DirectiveRecord | null> | null {
    return t.directiveId ? new DirectiveQueries(ctx).byId(t.directiveId) : null;
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The lead organization. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  leadOrganization(@Root() t: Task): OrganizationRef {
    return organizationRef(t.leadOrganizationId)!;
  }

  @FieldResolver(() => [OrganizationRef], {
    nullable: 'items',
    description: 'The coordinating organizations (an item is null only when the organizations subgraph cannot answer).',
  })
  coordinatingOrganizations(@Root() t: Task): OrganizationRef[] {
    return t.coordinatingOrganizationIds.map((id) => ({ id }));
  }

  @FieldResolver(() => DeadlineStatus, {
    nullable: true,
    description: 'Against its due date on `asOf` (default today in Asia/Ho_Chi_Minh); null when cancelled.',
  })
  deadlineStatus(@Root() t: Task, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day.' }) asOf: string | null): DeadlineStatus | null {
    return deadlineStatusOf(t, asOf ?? todayInProvince());
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this task, newest first (admins; reviewers within their subtree).' })
  async history(@Root() t: Task, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    await requireReviewerOf(ctx, t.leadOrganizationId);
    return recordHistory(ctx, 'Task', t.id, args);
  }
}

/** History is for admins and for reviewers of the record's subtree. */
export const requireReviewerOf = (ctx: RequestContext, organizationId: string): Promise<void> =>
  new Directory(ctx).requireInScope(ctx.caller, Access.REVIEW, organizationId);

/** What tasks, reports and criteria add to a document (kept here so the document module does not depend on them). */
@Resolver(() => DirectiveRecord)
export class DirectiveTasksResolver {
  @FieldResolver(() => TaskConnection, { description: 'Tasks this document created, overdue first.' })
  tasks(@Root() d: DirectiveRecord, @Args(() => TasksArgs) args: TasksArgs, @Ctx() ctx: RequestContext): Promise<Connection<Task>> {
    return new TaskQueries(ctx).list({ ...args, filter: { ...args.filter, directiveId: d.id } });
  }

  @FieldResolver(() => [ProgressReport], { description: 'Progress reports on this document, latest period first.' })
  progressReports(@Root() d: DirectiveRecord, @Ctx() ctx: RequestContext): Promise<ProgressReport[]> {
    return reportsOf(ctx, 'directive_id', d.id);
  }

  @FieldResolver(() => [Criterion], { description: 'Its evaluation criteria, in order.' })
  criteria(@Root() d: DirectiveRecord, @Ctx() ctx: RequestContext): Promise<Criterion[]> {
    return criteriaOf(ctx, d.id);
  }
}

@Resolver(() => Task)
export class TaskReportsResolver {
  @FieldResolver(() => [ProgressReport], { description: 'Progress reports on this task, latest period first.' })
  progressReports(@Root() t: Task, @Ctx() ctx: RequestContext): Promise<ProgressReport[]> {
    return reportsOf(ctx, 'task_id', t.id);
  }
}
