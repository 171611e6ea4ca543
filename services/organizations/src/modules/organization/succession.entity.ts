import { Entity, Enum, Property } from '@mikro-orm/core';
import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { SuccessionKind } from './organization.enums.js';

/**
 * One step of an organization's history: `from` was succeeded by `to` on
 * `effectiveOn`. Mergers are several rows with the same `to`. History is
 * recorded, never overwritten: a 2024 document still names its 2024 issuer.
 */
@ObjectType({ description: 'A merger, rename, absorption, split or dissolution of an organization.' })
@Entity({ tableName: 'org_succession' })
export class OrgSuccession extends BaseRecord {
  @Field(() => ID, { description: 'Id of the organization that ended or changed.' })
  @Property({ type: 'uuid' })
  fromId!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the successor; null for DISSOLVE.' })
  @Property({ type: 'uuid', nullable: true })
  toId: string | null = null;

  @Field(() => SuccessionKind, { description: 'How the succession happened.' })
  @Enum({ items: () => SuccessionKind, type: 'text' })
  kind!: SuccessionKind;

  @Field(() => DateScalar, { description: 'Day the successor took over (or the predecessor ended, for DISSOLVE).' })
  @Property({ type: 'string', columnType: 'date' })
  effectiveOn!: string;

  @Field(() => String, { nullable: true, description: 'The decision it rests on, e.g. "Nghị quyết số 202/2025/QH15".' })
  @Property({ type: 'text', nullable: true })
  basis: string | null = null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

audited(OrgSuccession, { type: 'OrgSuccession', scope: (s) => s.toId ?? s.fromId });
