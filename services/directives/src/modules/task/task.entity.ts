import { audited, BaseRecord, DateScalar, ENTITY_DESCRIPTIONS } from '@lantoa/kit';
import { ArrayType, Entity, Enum, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TaskGroup, TaskStatus } from './task.enums.js';

/** A task (nhiệm vụ) created by a document and assigned to a lead organization, with coordinators and a due date. */
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Task })
@Entity({ tableName: 'task' })
export class Task extends BaseRecord {
  @Field(() => String, { description: 'What is to be done.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the document (or report) that created it.' })
  @Property({ type: 'uuid', nullable: true })
  directiveId: string | null = null;

  @Field(() => TaskGroup, { description: 'Which of the four groups it belongs to.' })
  @Enum({ items: () => TaskGroup, type: 'text', fieldName: 'task_group' })
  group!: TaskGroup;

  @Field(() => ID, { description: 'Id of the lead organization.' })
  @Property({ type: 'uuid' })
  leadOrganizationId!: string;

  @Field(() => [ID], { description: 'Ids of the coordinating organizations.' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  coordinatingOrganizationIds: string[] = [];

  @Field(() => DateScalar, { description: 'Due date (hạn hoàn thành).' })
  @Property({ type: 'string', columnType: 'date' })
  dueOn!: string;

  @Field(() => TaskStatus, { description: 'Where the work stands.' })
  @Enum({ items: () => TaskStatus, type: 'text' })
  status!: TaskStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was completed; set exactly when the status is DONE.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  completedOn: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(Task, { type: 'Task', scope: (t) => t.leadOrganizationId });
