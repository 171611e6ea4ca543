import { BaseRecord } from '@lantoa/kit';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { MediaStatus, type MediaAction } from './item.enums.js';

/** One step of a media item's timeline: who did what, when, and why. Never changed once written. */
@ObjectType({ description: 'A step of a media item’s editorial workflow, with the actor, time and note.' })
@Entity({ tableName: 'media_item_step' })
export class MediaItemStep extends BaseRecord {
  @Field(() => ID, { description: 'Id of the media item.' })
  @Property({ type: 'uuid' })
  mediaItemId!: string;

  @Field(() => String, {
    description:
      'CREATE for the creation, else the step taken (SCHEDULED_PUBLISH when the scheduled time came; SCHEDULE_DROPPED when a restore found the schedule past and dropped it).',
  })
  @Property({ type: 'text' })
  action!: MediaAction | 'CREATE' | 'SCHEDULED_PUBLISH' | 'SCHEDULE_DROPPED';

  @Field(() => MediaStatus, { nullable: true, description: 'Status before the step; null for the creation.' })
  @Enum({ items: () => MediaStatus, type: 'text', nullable: true })
  fromStatus: MediaStatus | null = null;

  @Field(() => MediaStatus, { description: 'Status after the step.' })
  @Enum({ items: () => MediaStatus, type: 'text' })
  toStatus!: MediaStatus;

  @Field(() => ID, { nullable: true, description: 'Id of the user or API token that took it; null for a scheduled publication.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who took it: the user’s name and organization, or the API token’s name (never an e-mail).' })
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Note; the reason for a rejection.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
