import { PageArgs } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Narrows a list of themes; all given conditions must hold.' })
export class ThemeFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title or description, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only themes that apply to this year.' })
  year?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only themes set by this organization.' })
  issuerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class ThemesArgs extends PageArgs {
  @Field(() => ThemeFilter, { nullable: true, description: 'Conditions.' })
  filter?: ThemeFilter | null;
}

@InputType({ description: 'A new annual theme.' })
export class CreateThemeInput {
  @Field(() => String, { description: 'The theme as proclaimed (1–1000 characters).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it asks (at most 10,000 characters).' })
  description?: string | null;

  @Field(() => ID, { description: 'The organization that set it.' })
  issuerId!: string;

  @Field(() => Int, { description: 'First year.' })
  yearFrom!: number;

  @Field(() => Int, { description: 'Last year (at least yearFrom).' })
  yearTo!: number;

  @Field(() => ID, { nullable: true, description: 'The document that set it.' })
  basisDirectiveId?: string | null;
}

@InputType({ description: 'Changes to a theme; omitted fields stay as they are, null clears an optional field.' })
export class UpdateThemeInput {
  @Field(() => String, { nullable: true, description: 'The theme.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'What it asks.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that set it.' })
  issuerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'First year.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year.' })
  yearTo?: number | null;

  @Field(() => ID, { nullable: true, description: 'The document that set it.' })
  basisDirectiveId?: string | null;
}
