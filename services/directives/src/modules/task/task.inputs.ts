import { DateScalar, PageArgs, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DeadlineStatus, TaskGroup, TaskRole, TaskStatus } from './task.enums.js';

export enum TaskOrderField {
  DEADLINE = 'DEADLINE',
  DUE_ON = 'DUE_ON',
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TaskOrderField, {
  name: 'TaskOrderField',
  description: 'Fields tasks can be ordered by.',
  valuesConfig: { DEADLINE: { description: 'Overdue first, then open, done late, done on time, cancelled; then by due date.' } },
});

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class TaskOrder {
  @Field(() => TaskOrderField, { description: 'Field to order by.' })
  field!: TaskOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of tasks; all given conditions must hold.' })
export class TaskFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title or description, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tasks created by this document.' })
  directiveId?: string | null;

  @Field(() => TaskGroup, { nullable: true, description: 'Only this group.' })
  group?: TaskGroup | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Only this status.' })
  status?: TaskStatus | null;

  @Field(() => DeadlineStatus, { nullable: true, description: 'Only tasks in this deadline status on `asOf`.' })
  deadlineStatus?: DeadlineStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day deadline statuses are computed for; default today in Asia/Ho_Chi_Minh.' })
  asOf?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tasks of this organization (see `role`, `includeDescendants`).' })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With `organizationId`: also tasks of every organization below it.' })
  includeDescendants?: boolean | null;

  @Field(() => TaskRole, { nullable: true, description: 'With `organizationId`: as lead (default), as coordinator, or either.' })
  role?: TaskRole | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due on or after this day.' })
  dueFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due on or before this day.' })
  dueTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class TasksArgs extends PageArgs {
  @Field(() => TaskFilter, { nullable: true, description: 'Conditions.' })
  filter?: TaskFilter | null;

  @Field(() => [TaskOrder], { nullable: true, description: 'Ordering; default overdue first (DEADLINE), then by due date.' })
  orderBy?: TaskOrder[] | null;
}

@InputType({ description: 'A new task.' })
export class CreateTaskInput {
  @Field(() => String, { description: 'What is to be done (1–1000 characters).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details (at most 10,000 characters).' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document (or report) that created it.' })
  directiveId?: string | null;

  @Field(() => TaskGroup, { description: 'Which group it belongs to.' })
  group!: TaskGroup;

  @Field(() => ID, { description: 'The lead organization (in your subtree unless you are an admin).' })
  leadOrganizationId!: string;

  @Field(() => [ID], { nullable: true, description: 'Coordinating organizations (at most 50, not the lead).' })
  coordinatingOrganizationIds?: string[] | null;

  @Field(() => DateScalar, { description: 'Due date; not before the document’s issue date.' })
  dueOn!: string;

  @Field(() => TaskStatus, { nullable: true, description: 'Default NOT_STARTED.' })
  status?: TaskStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was completed; required exactly when status is DONE.' })
  completedOn?: string | null;
}

@InputType({ description: 'Changes to a task; omitted fields stay as they are, null clears an optional field.' })
export class UpdateTaskInput {
  @Field(() => String, { nullable: true, description: 'What is to be done.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Details.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document that created it.' })
  directiveId?: string | null;

  @Field(() => TaskGroup, { nullable: true, description: 'Group.' })
  group?: TaskGroup | null;

  @Field(() => ID, { nullable: true, description: 'The lead organization.' })
  leadOrganizationId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Coordinating organizations (replaces the list).' })
  coordinatingOrganizationIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Due date.' })
  dueOn?: string | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Status; DONE needs completedOn.' })
  status?: TaskStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was completed.' })
  completedOn?: string | null;
}
