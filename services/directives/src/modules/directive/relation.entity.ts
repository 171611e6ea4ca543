import { audited, BaseRecord } from '@lantoa/kit';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { RelationKind } from './directive.enums.js';

/** A typed link between two documents, read from → to ("499-BC/TU EVALUATES 01-KL/TW"). */
@ObjectType({ description: 'A typed relation between two documents, read from → to.' })
@Entity({ tableName: 'directive_relation' })
export class DirectiveRelation extends BaseRecord {
  @Field(() => ID, { description: 'The document the relation starts from.' })
  @Property({ type: 'uuid' })
  fromId!: string;

  @Field(() => ID, { description: 'The document it points to.' })
  @Property({ type: 'uuid' })
  toId!: string;

  @Field(() => RelationKind, { description: 'How the first relates to the second.' })
  @Enum({ items: () => RelationKind, type: 'text' })
  kind!: RelationKind;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

audited(DirectiveRelation, { type: 'DirectiveRelation', scope: () => null });
