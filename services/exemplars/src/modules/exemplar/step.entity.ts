import { BaseRecord, DateScalar } from '@lantoa/kit';
import { Entity, Enum, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { ExemplarAction, ExemplarStatus } from './exemplar.enums.js';

/** One step of an exemplar's timeline: who did what, when, and why. Never changed once written. */
@ObjectType({ description: 'A step of an exemplar’s lifecycle, with the actor, time and note.' })
@Entity({ tableName: 'exemplar_step' })
export class ExemplarStep extends BaseRecord {
  @Field(() => ID, { description: 'Id of the exemplar.' })
  @Property({ type: 'uuid' })
  exemplarId!: string;

  @Field(() => String, { description: 'REGISTER for the creation, else the step taken.' })
  @Property({ type: 'text' })
  action!: ExemplarAction | 'REGISTER';

  @Field(() => ExemplarStatus, { nullable: true, description: 'Status before the step; null for the registration.' })
  @Enum({ items: () => ExemplarStatus, type: 'text', nullable: true })
  fromStatus: ExemplarStatus | null = null;

  @Field(() => ExemplarStatus, { description: 'Status after the step.' })
  @Enum({ items: () => ExemplarStatus, type: 'text' })
  toStatus!: ExemplarStatus;

  @Field(() => ID, { nullable: true, description: 'Id of the user or API token that took it.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who took it: the user’s name and organization, or the API token’s name (never an e-mail).' })
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt!: Date;

  @Field(() => DateScalar, { description: 'The day it counts for (e.g. the day of the honouring ceremony), in the province’s calendar.' })
  @Property({ type: 'string', columnType: 'date' })
  onDay!: string;

  @Field(() => String, { nullable: true, description: 'Note; the reason for a rejection or revocation.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

/**
 * The step a new one follows, for its date (dates.ts: a timeline never goes
 * back). The registration is left out: its day is the day of data entry, and
 * an exemplar honoured years ago is registered today and then stepped
 * through its past.
 */
export const lastDatedStep = (em: EntityManager, exemplarId: string): Promise<ExemplarStep | null> =>
  em.findOne(ExemplarStep, { exemplarId, action: { $ne: 'REGISTER' } }, { orderBy: [{ onDay: 'desc' }, { occurredAt: 'desc' }] });
