import { DateScalar, OrganizationLevel, OrganizationType, PageArgs } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { CommendationBasis, CommendationForm, CommendationStatus } from './commendation.enums.js';

@InputType({ description: 'A commendation decision for an exemplar.' })
export class CreateCommendationInput {
  @Field(() => ID, { description: 'The exemplar honoured (verified or later).' })
  exemplarId!: string;

  @Field(() => CommendationForm, { description: 'Form or title; the deciding organization must be allowed to grant it (commendationAuthorities).' })
  form!: CommendationForm;

  @Field(() => String, { nullable: true, description: 'The title as written in the decision (at most 300 characters).' })
  title?: string | null;

  @Field(() => CommendationBasis, { description: 'Why it is given.' })
  basis!: CommendationBasis;

  @Field(() => ID, { description: 'The organization that decided it.' })
  decidingOrganizationId!: string;

  @Field(() => ID, { nullable: true, description: 'The organization that proposed it.' })
  proposingOrganizationId?: string | null;

  @Field(() => String, { description: 'Number of the decision as written, e.g. "Số 1436/QĐ-UBND"; stored canonically.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Day of the decision (not in the future).' })
  decidedOn!: string;

  @Field(() => ID, { nullable: true, description: 'The emulation movement it belongs to.' })
  movementId?: string | null;
}

@InputType({ description: 'Narrows a list of commendations; all given conditions must hold.' })
export class CommendationFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A decision number in any spelling ("1436 qd ubnd").' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only commendations of this exemplar.' })
  exemplarId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only commendations decided by this organization.' })
  decidingOrganizationId?: string | null;

  @Field(() => CommendationForm, { nullable: true, description: 'Only this form.' })
  form?: CommendationForm | null;

  @Field(() => CommendationStatus, { nullable: true, description: 'Only this status.' })
  status?: CommendationStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Decided on or after this day.' })
  decidedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Decided on or before this day.' })
  decidedTo?: string | null;
}

@ArgsType()
export class CommendationsArgs extends PageArgs {
  @Field(() => CommendationFilter, { nullable: true, description: 'Conditions.' })
  filter?: CommendationFilter | null;
}

@InputType({ description: 'An organization type and level that may grant a form.' })
export class CreateCommendationAuthorityInput {
  @Field(() => OrganizationType, { description: 'Organization type, e.g. STATE_EXECUTIVE.' })
  organizationType!: OrganizationType;

  @Field(() => OrganizationLevel, { description: 'Organization level, e.g. PROVINCE.' })
  organizationLevel!: OrganizationLevel;

  @Field(() => CommendationForm, { description: 'The form it may grant.' })
  form!: CommendationForm;

  @Field(() => String, { nullable: true, description: 'Legal basis or note (at most 1,000 characters).' })
  note?: string | null;
}
