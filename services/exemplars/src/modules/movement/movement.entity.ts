import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { Entity, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** An emulation movement (phong trào thi đua): exemplars and commendations may belong to one. */
@ObjectType({ description: 'An emulation movement (phong trào thi đua), launched by an organization for a period.' })
@Entity({ tableName: 'movement' })
export class Movement extends BaseRecord {
  @Field(() => String, { description: 'Its name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it calls for.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => ID, { description: 'Id of the organization that launched it.' })
  @Property({ type: 'uuid' })
  launchingOrganizationId!: string;

  @Field(() => DateScalar, { description: 'First day.' })
  @Property({ type: 'string', columnType: 'date' })
  periodFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day; null while it goes on.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  periodTo: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the document it serves.' })
  @Property({ type: 'uuid', nullable: true })
  directiveId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the annual theme it serves.' })
  @Property({ type: 'uuid', nullable: true })
  themeId: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(Movement, { type: 'Movement', scope: (m) => m.launchingOrganizationId });
