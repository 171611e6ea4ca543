import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { Entity, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** An evaluation criterion (tiêu chí đánh giá) attached to a document. */
@ObjectType({ description: 'An evaluation criterion attached to a document.' })
@Entity({ tableName: 'criterion' })
export class Criterion extends BaseRecord {
  @Field(() => ID, { description: 'Id of the document it belongs to.' })
  @Property({ type: 'uuid' })
  directiveId!: string;

  @Field(() => String, { description: 'Short code, unique within the document (e.g. "TC1").' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'What is evaluated.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'How it is evaluated.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => Float, { description: 'Highest score.' })
  @Property({ type: 'double', columnType: 'numeric(8,2)' })
  maxScore!: number;

  @Field(() => Int, { description: 'Order within the document.' })
  @Property({ type: 'integer' })
  position!: number;
}

/** How an organization did on one criterion for a period. */
@ObjectType({ description: 'How an organization did on one criterion for a period.' })
@Entity({ tableName: 'evaluation' })
export class Evaluation extends BaseRecord {
  @Field(() => ID, { description: 'Id of the criterion.' })
  @Property({ type: 'uuid' })
  criterionId!: string;

  @Field(() => ID, { description: 'Id of the organization evaluated.' })
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  @Property({ type: 'string', columnType: 'date' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  @Property({ type: 'string', columnType: 'date' })
  periodTo!: string;

  @Field(() => Float, { description: 'Score, from 0 to the criterion’s maxScore.' })
  @Property({ type: 'double', columnType: 'numeric(8,2)' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(Criterion, { type: 'Criterion', scope: () => null });
audited(Evaluation, { type: 'Evaluation', scope: (e) => e.organizationId });
