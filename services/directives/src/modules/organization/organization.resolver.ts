import { Access, DateScalar, type Connection, type RequestContext } from '@lantoa/kit';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { DirectiveRecord } from '../directive/directive.entity.js';
import { DirectivesArgs } from '../directive/directive.inputs.js';
import { DirectiveQueries } from '../directive/directive.queries.js';
import { DirectiveConnection } from '../directive/directive.resolver.js';
import { Task } from '../task/task.entity.js';
import { TaskRole } from '../task/task.enums.js';
import { TasksArgs } from '../task/task.inputs.js';
import { TaskQueries } from '../task/task.queries.js';
import { TaskConnection } from '../task/task.resolver.js';
import { taskStats, TaskStats } from '../task/task-stats.js';
import { OrganizationRef } from './organization.ref.js';

@ArgsType()
class OrganizationTasksArgs extends TasksArgs {
  @Field(() => TaskRole, { defaultValue: TaskRole.LEAD, description: 'Tasks this organization leads, coordinates, or either.' })
  role: TaskRole = TaskRole.LEAD;

  @Field(() => Boolean, { defaultValue: false, description: 'Also tasks of every organization below it.' })
  includeDescendants: boolean = false;
}

@ArgsType()
class TaskStatsArgs {
  @Field(() => Boolean, { defaultValue: true, description: 'Count the tasks of the whole subtree (default), or of this organization only.' })
  includeDescendants: boolean = true;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'One row for this organization’s own tasks and one per child organization (covering its subtree).',
  })
  groupByChildren: boolean = false;

  @Field(() => DateScalar, { nullable: true, description: 'The day statuses are computed for; default today in Asia/Ho_Chi_Minh.' })
  asOf?: string | null;
}

/** What the directives subgraph adds to Organization. */
@Resolver(() => OrganizationRef)
export class OrganizationDirectivesResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => DirectiveConnection, { description: 'Documents this organization issued (`filter.issuerId` is this organization).' })
  issuedDirectives(
    @Root() o: OrganizationRef,
    @Args(() => DirectivesArgs) args: DirectivesArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<DirectiveRecord>> {
    return new DirectiveQueries(ctx).list({ ...args, filter: { ...args.filter, issuerId: o.id } });
  }

  @Authorized(Access.READ)
  @FieldResolver(() => TaskConnection, { description: 'Tasks this organization leads or coordinates, overdue first.' })
  tasks(@Root() o: OrganizationRef, @Args(() => OrganizationTasksArgs) args: OrganizationTasksArgs, @Ctx() ctx: RequestContext): Promise<Connection<Task>> {
    return new TaskQueries(ctx).list({
      ...args,
      filter: { ...args.filter, organizationId: o.id, role: args.role, includeDescendants: args.includeDescendants },
    });
  }

  @Authorized(Access.READ)
  @FieldResolver(() => [TaskStats], { description: 'Tasks led by this organization (and its subtree) by deadline status; per child organization on request.' })
  taskStats(@Root() o: OrganizationRef, @Args(() => TaskStatsArgs) args: TaskStatsArgs, @Ctx() ctx: RequestContext): Promise<TaskStats[]> {
    return taskStats(ctx, o.id, args);
  }
}
