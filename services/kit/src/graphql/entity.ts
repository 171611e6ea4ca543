// type-graphql decorators need the metadata API before they run.
import 'reflect-metadata';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What every record has (shared/API.md): a UUID, timestamps, an optimistic
 * version and a soft-delete mark. One class is both the table and the GraphQL
 * type. Types are explicit in every decorator because tsx emits no decorator
 * metadata.
 */
// Decorated so subclasses inherit its fields; unreferenced, it never appears in the schema.
@ObjectType()
export abstract class BaseRecord {
  /** Filled by defaults, so `em.create` does not require them. */
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'version' | 'deletedAt';

  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When the record was created.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the record last changed.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Increases with every change; send it back as `expectedVersion` so no edit is overwritten silently.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => Date, { nullable: true, description: 'Set when the record was deleted (soft delete); null while it is live.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  deletedAt: Date | null = null;
}
