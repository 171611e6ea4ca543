import { DateScalar, PageArgs } from '@lantoa/kit';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new evaluation criterion of a document.' })
export class CreateCriterionInput {
  @Field(() => ID, { description: 'The document.' })
  directiveId!: string;

  @Field(() => String, { description: 'Short code, unique within the document (1–20 characters).' })
  code!: string;

  @Field(() => String, { description: 'What is evaluated (1–1000 characters).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'How it is evaluated (at most 10,000 characters).' })
  description?: string | null;

  @Field(() => Float, { description: 'Highest score (above 0, at most 1000).' })
  maxScore!: number;

  @Field(() => Int, { nullable: true, description: 'Order within the document; default last.' })
  position?: number | null;
}

@InputType({ description: 'Changes to a criterion; omitted fields stay as they are.' })
export class UpdateCriterionInput {
  @Field(() => String, { nullable: true, description: 'Short code.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'What is evaluated.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'How it is evaluated.' })
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'Highest score.' })
  maxScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Order within the document.' })
  position?: number | null;
}

@InputType({ description: 'An evaluation of an organization on one criterion for a period (recording the same again replaces the score).' })
export class RecordEvaluationInput {
  @Field(() => ID, { description: 'The criterion.' })
  criterionId!: string;

  @Field(() => ID, { description: 'The organization evaluated (in your subtree unless you are an admin).' })
  organizationId!: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  periodTo!: string;

  @Field(() => Float, { description: 'Score, from 0 to the criterion’s maxScore.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Free note (at most 2000 characters).' })
  note?: string | null;
}

@InputType({ description: 'Narrows a list of evaluations; all given conditions must hold.' })
export class EvaluationFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the note, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only on this criterion.' })
  criterionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only on the criteria of this document.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only of this organization.' })
  organizationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only periods ending on or after this day.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only periods starting on or before this day.' })
  periodTo?: string | null;
}

@ArgsType()
export class EvaluationsArgs extends PageArgs {
  @Field(() => EvaluationFilter, { nullable: true, description: 'Conditions.' })
  filter?: EvaluationFilter | null;
}
