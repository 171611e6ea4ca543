import { audited, BaseRecord, DateScalar } from '@lantoa/kit';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ReportPeriodKind {
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
  INTERIM_REVIEW = 'INTERIM_REVIEW',
  FINAL_REVIEW = 'FINAL_REVIEW',
  OTHER = 'OTHER',
}
registerEnumType(ReportPeriodKind, {
  name: 'ReportPeriodKind',
  description: 'What a progress report covers.',
  valuesConfig: {
    HALF_YEAR: { description: 'Báo cáo 6 tháng.' },
    YEAR: { description: 'Báo cáo năm.' },
    INTERIM_REVIEW: { description: 'Sơ kết (e.g. after 3 years).' },
    FINAL_REVIEW: { description: 'Tổng kết.' },
    OTHER: { description: 'Anything else.' },
  },
});

/** A named figure of a report, e.g. "Điển hình được biểu dương, khen thưởng": 1567. */
@ObjectType({ description: 'A named figure of a report, e.g. exemplars commended: 1567.' })
@InputType('ReportFigureInput', { description: 'A named figure of a report.' })
export class ReportFigure {
  @Field(() => String, { description: 'What is counted (1–200 characters).' })
  name!: string;

  @Field(() => Float, { description: 'The figure.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. "người", "%" (at most 50 characters).' })
  unit?: string | null;
}

/** A progress report (báo cáo) on a task or a document, by a reporting organization, for a period. */
@ObjectType({ description: 'A progress report on a task or a document: sections and figures for a period.' })
@Entity({ tableName: 'progress_report' })
export class ProgressReport extends BaseRecord {
  @Field(() => String, { description: 'Title of the report.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the task reported on.' })
  @Property({ type: 'uuid', nullable: true })
  taskId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the document reported on.' })
  @Property({ type: 'uuid', nullable: true })
  directiveId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Id of the registered document this report is (499-BC/TU is one).' })
  @Property({ type: 'uuid', nullable: true })
  reportDirectiveId: string | null = null;

  @Field(() => ID, { description: 'Id of the reporting organization.' })
  @Property({ type: 'uuid' })
  reportingOrganizationId!: string;

  @Field(() => ReportPeriodKind, { description: 'What it covers.' })
  @Enum({ items: () => ReportPeriodKind, type: 'text' })
  periodKind!: ReportPeriodKind;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  @Property({ type: 'string', columnType: 'date' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  @Property({ type: 'string', columnType: 'date' })
  periodTo!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was submitted.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  submittedOn: string | null = null;

  // The six sections are rich text, sanitised on the way in (kit/rich-text), so they are safe to show as HTML.
  @Field(() => String, { nullable: true, description: 'Kết quả đạt được: results, as safe HTML.' })
  @Property({ type: 'text', nullable: true })
  results: string | null = null;

  @Field(() => String, { nullable: true, description: 'Hạn chế: shortcomings, as safe HTML.' })
  @Property({ type: 'text', nullable: true })
  shortcomings: string | null = null;

  @Field(() => String, { nullable: true, description: 'Nguyên nhân: causes, as safe HTML.' })
  @Property({ type: 'text', nullable: true })
  causes: string | null = null;

  @Field(() => String, { nullable: true, description: 'Bài học kinh nghiệm: lessons, as safe HTML.' })
  @Property({ type: 'text', nullable: true })
  lessons: string | null = null;

  @Field(() => String, { nullable: true, description: 'Phương hướng, nhiệm vụ, giải pháp: next steps, as safe HTML.' })
  @Property({ type: 'text', nullable: true })
  nextSteps: string | null = null;

  @Field(() => String, { nullable: true, description: 'Kiến nghị: recommendations, as safe HTML.' })
  @Property({ type: 'text', nullable: true })
  recommendations: string | null = null;

  @Field(() => [ReportFigure], { description: 'Named figures.' })
  @Property({ type: 'json' })
  figures: ReportFigure[] = [];

  @Property({ type: 'text' })
  searchText!: string;
}

audited(ProgressReport, { type: 'ProgressReport', scope: (r) => r.reportingOrganizationId });
