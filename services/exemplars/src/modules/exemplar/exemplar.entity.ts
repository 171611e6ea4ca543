import { audited, BaseRecord, DateScalar, ENTITY_DESCRIPTIONS } from '@lantoa/kit';
import { readBoundary } from '@lantoa/kit/directory';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ExemplarField, ExemplarKind, ExemplarStatus } from './exemplar.enums.js';

/** An exemplary individual, collective, household or good practice, from registration to replication. */
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Exemplar })
@Entity({ tableName: 'exemplar' })
export class Exemplar extends BaseRecord {
  @Field(() => ExemplarKind, { description: 'Who or what is exemplary.' })
  @Enum({ items: () => ExemplarKind, type: 'text' })
  kind!: ExemplarKind;

  @Field(() => String, { description: 'Name of the person, collective or household, or title of the practice.' })
  @Property({ type: 'text' })
  name!: string;

  /** Folded name (no case, diacritics or spaces): what duplicate detection compares. */
  @Property({ type: 'text' })
  nameKey!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the person it is about (individuals).' })
  @Property({ type: 'uuid', nullable: true })
  personId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the organization it is about (collectives).' })
  @Property({ type: 'uuid', nullable: true })
  subjectOrganizationId: string | null = null;

  @Field(() => ID, { description: 'Id of the organization it belongs to (scope and statistics).' })
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ExemplarField, { description: 'Field of the work.' })
  @Enum({ items: () => ExemplarField, type: 'text' })
  field!: ExemplarField;

  @Field(() => String, { nullable: true, description: 'Short summary, plain text.' })
  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @Field(() => String, { nullable: true, description: 'The full story, as safe HTML (sanitised on the way in).' })
  @Property({ type: 'text', nullable: true })
  story: string | null = null;

  @Field(() => String, { nullable: true, description: 'Achievements, plain text.' })
  @Property({ type: 'text', nullable: true })
  achievements: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period the exemplar covers.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  periodFrom: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  periodTo: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the document it answers to.' })
  @Property({ type: 'uuid', nullable: true })
  directiveId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the annual theme it answers to.' })
  @Property({ type: 'uuid', nullable: true })
  themeId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the emulation movement it belongs to.' })
  @Property({ type: 'uuid', nullable: true })
  movementId: string | null = null;

  @Field(() => ExemplarStatus, { description: 'Step of the lifecycle reached.' })
  @Enum({ items: () => ExemplarStatus, type: 'text' })
  status!: ExemplarStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was recognised (biểu dương), kept through later steps.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  recognisedOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was awarded (khen thưởng), kept through later steps.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  awardedOn: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(Exemplar, { type: 'Exemplar', scope: (e) => e.organizationId, exclude: ['nameKey'] });

const S = ExemplarStatus;
/**
 * Who reads an exemplar (kit readBoundary): a dossier before verification,
 * a rejected one (with its note) and a revoked one stay with the editors,
 * reviewers and admins of its organization's subtree. Viewers read it from
 * VERIFIED on; READ tokens (a provincial portal) once it is public:
 * recognised or awarded, and the later steps that keep it so.
 */
export const EXEMPLAR_READ = readBoundary<Exemplar>({
  viewers: [S.VERIFIED, S.RECOGNISED, S.AWARDED, S.PUBLICISED, S.REPLICATED],
  public: [S.RECOGNISED, S.AWARDED, S.PUBLICISED, S.REPLICATED],
  organizationColumn: 'organization_id',
  // The subtree from the row's own ancestor ids (which the district indexes carry), not a probe of the replica per row.
  inSubtree: (qb, organizationId) => void qb.whereRaw('ancestor_ids @> array[?::uuid]', [organizationId]),
  statusOf: (e) => e.status,
  organizationOf: (e) => e.organizationId,
});
