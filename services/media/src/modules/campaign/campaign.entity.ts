import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { ArrayType, Entity, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A propaganda campaign (đợt tuyên truyền) for a directive or an annual theme, with its targets. */
@ObjectType({ description: 'A propaganda campaign (đợt tuyên truyền) for a directive or theme: period, participants, targets and progress.' })
@Entity({ tableName: 'campaign' })
export class Campaign extends BaseRecord {
  @Field(() => String, { description: 'Name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Plan, plain text.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => ID, { description: 'Id of the organization that runs it (scope of who may change it).' })
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the directive it spreads.' })
  @Property({ type: 'uuid', nullable: true })
  directiveId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the annual theme it spreads.' })
  @Property({ type: 'uuid', nullable: true })
  themeId: string | null = null;

  @Field(() => DateScalar, { description: 'First day.' })
  @Property({ type: 'string', columnType: 'date' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day.' })
  @Property({ type: 'string', columnType: 'date' })
  periodTo!: string;

  @Field(() => [ID], { description: 'Ids of the organizations taking part (outlets and others).' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  participantIds: string[] = [];

  @Field(() => Int, { description: 'Target: published items in the period.' })
  @Property({ type: 'integer' })
  targetItems!: number;

  @Field(() => Int, { description: 'Target: of those, items covering an exemplar.' })
  @Property({ type: 'integer' })
  targetExemplarItems: number = 0;

  @Field(() => Int, { nullable: true, description: 'Target per participating outlet: published items each.' })
  @Property({ type: 'integer', nullable: true })
  targetPerOutlet: number | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(Campaign, { type: 'Campaign', scope: (c) => c.organizationId });
