import { audited, BaseRecord, ENTITY_DESCRIPTIONS } from '@lantoa/kit';
import { Entity, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** An annual theme (chủ đề năm), set by a Standing Board for one or more years. */
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Theme })
@Entity({ tableName: 'theme' })
export class Theme extends BaseRecord {
  @Field(() => String, { description: 'The theme as proclaimed.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it asks of organizations.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => ID, { description: 'Id of the organization that set it.' })
  @Property({ type: 'uuid' })
  issuerId!: string;

  @Field(() => Int, { description: 'First year it applies to.' })
  @Property({ type: 'integer' })
  yearFrom!: number;

  @Field(() => Int, { description: 'Last year it applies to.' })
  @Property({ type: 'integer' })
  yearTo!: number;

  @Field(() => ID, { nullable: true, description: 'Id of the document that set it.' })
  @Property({ type: 'uuid', nullable: true })
  basisDirectiveId: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(Theme, { type: 'Theme', scope: (t) => t.issuerId });
