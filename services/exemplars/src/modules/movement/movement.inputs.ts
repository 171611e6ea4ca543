import { DateScalar, PageArgs } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows a list of movements; all given conditions must hold.' })
export class MovementFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name or description, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only movements launched by this organization.' })
  launchingOrganizationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only movements going on this day.' })
  activeOn?: string | null;
}

@ArgsType()
export class MovementsArgs extends PageArgs {
  @Field(() => MovementFilter, { nullable: true, description: 'Conditions.' })
  filter?: MovementFilter | null;
}

@InputType({ description: 'A new emulation movement.' })
export class CreateMovementInput {
  @Field(() => String, { description: 'Its name (1–500 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it calls for (at most 10,000 characters).' })
  description?: string | null;

  @Field(() => ID, { description: 'The organization that launches it (in your subtree unless you are an admin).' })
  launchingOrganizationId!: string;

  @Field(() => DateScalar, { description: 'First day.' })
  periodFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day.' })
  periodTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document it serves.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The annual theme it serves.' })
  themeId?: string | null;
}

@InputType({ description: 'Changes to a movement; omitted fields stay as they are, null clears an optional field.' })
export class UpdateMovementInput {
  @Field(() => String, { nullable: true, description: 'Its name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What it calls for.' })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day.' })
  periodTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document it serves.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The annual theme it serves.' })
  themeId?: string | null;
}
