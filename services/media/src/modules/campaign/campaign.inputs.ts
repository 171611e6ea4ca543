import { DateScalar, PageArgs } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Narrows a list of campaigns.' })
export class CampaignFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name or description, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only campaigns for this directive.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only campaigns for this annual theme.' })
  themeId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only campaigns running on this day.' })
  activeOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted campaigns (to restore them).' })
  deleted?: boolean | null;
}

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignFilter, { nullable: true, description: 'Conditions.' })
  filter?: CampaignFilter | null;
}

@InputType({ description: 'A new propaganda campaign.' })
export class CreateCampaignInput {
  @Field(() => String, { description: 'Name (1–300 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Plan (at most 5,000 characters).' })
  description?: string | null;

  @Field(() => ID, { description: 'The organization that runs it (in your subtree unless you are an admin).' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'The directive it spreads (this or themeId is required).' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The annual theme it spreads.' })
  themeId?: string | null;

  @Field(() => DateScalar, { description: 'First day.' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day.' })
  periodTo!: string;

  @Field(() => [ID], { nullable: true, description: 'Organizations taking part (each must exist).' })
  participantIds?: string[] | null;

  @Field(() => Int, { description: 'Target: published items in the period (at least 0).' })
  targetItems!: number;

  @Field(() => Int, { nullable: true, description: 'Target: items covering an exemplar (at most targetItems).' })
  targetExemplarItems?: number | null;

  @Field(() => Int, { nullable: true, description: 'Target per participating press outlet.' })
  targetPerOutlet?: number | null;
}

@InputType({ description: 'Changes to a campaign; omitted fields stay as they are.' })
export class UpdateCampaignInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Plan.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that runs it.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The directive.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The annual theme.' })
  themeId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day.' })
  periodTo?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Organizations taking part.' })
  participantIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Target: published items.' })
  targetItems?: number | null;

  @Field(() => Int, { nullable: true, description: 'Target: items covering an exemplar.' })
  targetExemplarItems?: number | null;

  @Field(() => Int, { nullable: true, description: 'Target per outlet.' })
  targetPerOutlet?: number | null;
}
