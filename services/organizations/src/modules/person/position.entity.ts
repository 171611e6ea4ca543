import { Entity, Property } from '@mikro-orm/core';
import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** A title a person holds in an organization for a period; a person may hold several at once. */
@ObjectType({ description: 'A position held by a person in an organization.' })
@Entity({ tableName: 'position' })
export class Position extends BaseRecord {
  @Field(() => ID, { description: 'Id of the person.' })
  @Property({ type: 'uuid' })
  personId!: string;

  @Field(() => ID, { description: 'Id of the organization.' })
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => String, { description: 'Title, e.g. "Phó Bí thư Thường trực Tỉnh ủy".' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day in the position, if known.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  validFrom: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in the position; null while held.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  validTo: string | null = null;
}

audited(Position, { type: 'Position', scope: (p) => p.organizationId });
