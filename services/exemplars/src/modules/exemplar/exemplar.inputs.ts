import { DateScalar, PageArgs, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ExemplarField, ExemplarKind, ExemplarStatus } from './exemplar.enums.js';

export enum ExemplarOrderField {
  CREATED_AT = 'CREATED_AT',
  NAME = 'NAME',
  RECOGNISED_ON = 'RECOGNISED_ON',
}
registerEnumType(ExemplarOrderField, { name: 'ExemplarOrderField', description: 'Fields exemplars can be ordered by.' });

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class ExemplarOrder {
  @Field(() => ExemplarOrderField, { description: 'Field to order by (NAME sorts in Vietnamese order).' })
  field!: ExemplarOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of exemplars; all given conditions must hold.' })
export class ExemplarFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name, summary or story, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only exemplars of this organization (with `includeDescendants`, of its subtree).' })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With `organizationId`: also every organization below it.' })
  includeDescendants?: boolean | null;

  @Field(() => [ExemplarKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: ExemplarKind[] | null;

  @Field(() => [ExemplarField], { nullable: true, description: 'Only these fields.' })
  fields?: ExemplarField[] | null;

  @Field(() => [ExemplarStatus], { nullable: true, description: 'Only these lifecycle steps.' })
  statuses?: ExemplarStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Only exemplars recognised or awarded in this year.' })
  honouredInYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only exemplars about this person.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only exemplars answering to this document.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only exemplars answering to this annual theme.' })
  themeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only exemplars of this emulation movement.' })
  movementId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class ExemplarsArgs extends PageArgs {
  @Field(() => ExemplarFilter, { nullable: true, description: 'Conditions.' })
  filter?: ExemplarFilter | null;

  @Field(() => [ExemplarOrder], { nullable: true, description: 'Ordering; default newest first.' })
  orderBy?: ExemplarOrder[] | null;
}

@InputType({ description: 'A new exemplar (registered).' })
export class CreateExemplarInput {
  @Field(() => ExemplarKind, { description: 'Who or what is exemplary.' })
  kind!: ExemplarKind;

  @Field(() => String, { description: 'Name or title (1–300 characters).' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The person it is about (individuals).' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization it is about (collectives).' })
  subjectOrganizationId?: string | null;

  @Field(() => ID, { description: 'The organization it belongs to (in your subtree unless you are an admin).' })
  organizationId!: string;

  @Field(() => ExemplarField, { description: 'Field of the work.' })
  field!: ExemplarField;

  @Field(() => String, { nullable: true, description: 'Short summary (at most 2,000 characters).' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The full story as HTML (at most 100,000 characters); scripts, styles and event handlers are removed.' })
  story?: string | null;

  @Field(() => String, { nullable: true, description: 'Achievements (at most 10,000 characters).' })
  achievements?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period covered.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period covered.' })
  periodTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document it answers to.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The annual theme it answers to.' })
  themeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The emulation movement it belongs to.' })
  movementId?: string | null;
}

@InputType({
  description: 'Changes to an exemplar; omitted fields stay as they are, null clears an optional field. The status changes only through transitionExemplar.',
})
export class UpdateExemplarInput {
  @Field(() => ExemplarKind, { nullable: true, description: 'Kind.' })
  kind?: ExemplarKind | null;

  @Field(() => String, { nullable: true, description: 'Name or title.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person it is about.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization it is about.' })
  subjectOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization it belongs to.' })
  organizationId?: string | null;

  @Field(() => ExemplarField, { nullable: true, description: 'Field of the work.' })
  field?: ExemplarField | null;

  @Field(() => String, { nullable: true, description: 'Summary.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The full story as HTML.' })
  story?: string | null;

  @Field(() => String, { nullable: true, description: 'Achievements.' })
  achievements?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period.' })
  periodTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The annual theme.' })
  themeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The emulation movement.' })
  movementId?: string | null;
}
