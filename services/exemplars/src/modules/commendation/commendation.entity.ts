import { audited, BaseRecord, DateScalar, OrganizationLevel, OrganizationType } from '@lantoa/kit';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CommendationBasis, CommendationForm, CommendationStatus } from './commendation.enums.js';

/** A commendation decision for an exemplar: form, deciding and proposing bodies, decision number and day. */
@ObjectType({ description: 'A commendation (khen thưởng) given to an exemplar by a decision.' })
@Entity({ tableName: 'commendation' })
export class Commendation extends BaseRecord {
  @Field(() => ID, { description: 'Id of the exemplar honoured.' })
  @Property({ type: 'uuid' })
  exemplarId!: string;

  @Field(() => CommendationForm, { description: 'Form or title.' })
  @Enum({ items: () => CommendationForm, type: 'text' })
  form!: CommendationForm;

  @Field(() => String, { nullable: true, description: 'The title as written in the decision, e.g. "Bằng khen của Chủ tịch UBND tỉnh".' })
  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Field(() => CommendationBasis, { description: 'Why it was given.' })
  @Enum({ items: () => CommendationBasis, type: 'text' })
  basis!: CommendationBasis;

  @Field(() => ID, { description: 'Id of the organization that decided it.' })
  @Property({ type: 'uuid' })
  decidingOrganizationId!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the organization that proposed it.' })
  @Property({ type: 'uuid', nullable: true })
  proposingOrganizationId: string | null = null;

  @Field(() => String, { description: 'Number of the decision, canonical (e.g. "1436/QĐ-UBND").' })
  @Property({ type: 'text' })
  decisionNumber!: string;

  @Property({ type: 'text' })
  decisionNumberKey!: string;

  @Field(() => DateScalar, { description: 'Day of the decision.' })
  @Property({ type: 'string', columnType: 'date' })
  decidedOn!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the emulation movement it belongs to.' })
  @Property({ type: 'uuid', nullable: true })
  movementId: string | null = null;

  @Field(() => CommendationStatus, { description: 'In force or revoked.' })
  @Enum({ items: () => CommendationStatus, type: 'text' })
  status!: CommendationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was revoked.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  revokedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  @Property({ type: 'text', nullable: true })
  revocationReason: string | null = null;
}

/** Who may grant what, as data admins keep: an organization of this type and level may decide this form. */
@ObjectType({ description: 'An organization of this type and level may grant this form of commendation (kept by admins).' })
@Entity({ tableName: 'commendation_authority' })
export class CommendationAuthority extends BaseRecord {
  @Field(() => OrganizationType, { description: 'Organization type, e.g. STATE_EXECUTIVE.' })
  @Enum({ items: () => OrganizationType, type: 'text' })
  organizationType!: OrganizationType;

  @Field(() => OrganizationLevel, { description: 'Organization level, e.g. PROVINCE.' })
  @Enum({ items: () => OrganizationLevel, type: 'text' })
  organizationLevel!: OrganizationLevel;

  @Field(() => CommendationForm, { description: 'The form it may grant.' })
  @Enum({ items: () => CommendationForm, type: 'text' })
  form!: CommendationForm;

  @Field(() => String, { nullable: true, description: 'Legal basis or note.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

audited(Commendation, { type: 'Commendation', scope: (c) => c.decidingOrganizationId, exclude: ['decisionNumberKey'] });
audited(CommendationAuthority, { type: 'CommendationAuthority', scope: () => null });
