import { DateScalar, PageArgs } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ReportFigure, ReportPeriodKind } from './report.entity.js';

@InputType({ description: 'Narrows a list of progress reports; all given conditions must hold.' })
export class ProgressReportFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title or sections, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only reports on this task.' })
  taskId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only reports on this document.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only reports by this organization.' })
  reportingOrganizationId?: string | null;

  @Field(() => ReportPeriodKind, { nullable: true, description: 'Only this kind of period.' })
  periodKind?: ReportPeriodKind | null;
}

@ArgsType()
export class ProgressReportsArgs extends PageArgs {
  @Field(() => ProgressReportFilter, { nullable: true, description: 'Conditions.' })
  filter?: ProgressReportFilter | null;
}

const SECTIONS =
  'Sections are rich text: HTML is kept to safe markup (no scripts, styles or event handlers); text without tags is taken as plain text, its line breaks kept. Each section at most 50,000 characters.';

@InputType({ description: `A new progress report, on a task or a document (or both). ${SECTIONS}` })
export class CreateProgressReportInput {
  @Field(() => String, { description: 'Title (1–1000 characters).' })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The task reported on.' })
  taskId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The document reported on.' })
  directiveId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The registered report document this is (its type must be REPORT).' })
  reportDirectiveId?: string | null;

  @Field(() => ID, { description: 'The reporting organization (in your subtree unless you are an admin).' })
  reportingOrganizationId!: string;

  @Field(() => ReportPeriodKind, { description: 'What it covers.' })
  periodKind!: ReportPeriodKind;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  periodTo!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was submitted.' })
  submittedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Results.' })
  results?: string | null;

  @Field(() => String, { nullable: true, description: 'Shortcomings.' })
  shortcomings?: string | null;

  @Field(() => String, { nullable: true, description: 'Causes.' })
  causes?: string | null;

  @Field(() => String, { nullable: true, description: 'Lessons.' })
  lessons?: string | null;

  @Field(() => String, { nullable: true, description: 'Next steps.' })
  nextSteps?: string | null;

  @Field(() => String, { nullable: true, description: 'Recommendations.' })
  recommendations?: string | null;

  @Field(() => [ReportFigure], { nullable: true, description: 'Named figures (at most 100).' })
  figures?: ReportFigure[] | null;
}

@InputType({ description: `Changes to a progress report; omitted fields stay as they are, null clears an optional field. ${SECTIONS}` })
export class UpdateProgressReportInput {
  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => ReportPeriodKind, { nullable: true, description: 'What it covers.' })
  periodKind?: ReportPeriodKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period.' })
  periodTo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was submitted.' })
  submittedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Results.' })
  results?: string | null;

  @Field(() => String, { nullable: true, description: 'Shortcomings.' })
  shortcomings?: string | null;

  @Field(() => String, { nullable: true, description: 'Causes.' })
  causes?: string | null;

  @Field(() => String, { nullable: true, description: 'Lessons.' })
  lessons?: string | null;

  @Field(() => String, { nullable: true, description: 'Next steps.' })
  nextSteps?: string | null;

  @Field(() => String, { nullable: true, description: 'Recommendations.' })
  recommendations?: string | null;

  @Field(() => [ReportFigure], { nullable: true, description: 'Named figures (replaces the list).' })
  figures?: ReportFigure[] | null;
}
