import { Access, checkExpectedVersion, InputCheck, notFound, richTextToPlain, searchKey, toRichText, type RequestContext, type TextRule } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DirectiveRecord } from '../directive/directive.entity.js';
import { DocumentType } from '../directive/directive.enums.js';
import { Task } from '../task/task.entity.js';
import { ProgressReport, type ReportFigure } from './report.entity.js';
import type { CreateProgressReportInput, UpdateProgressReportInput } from './report.inputs.js';

const SECTION: TextRule = { max: 50_000, kind: 'note' };
const RULES = { title: { max: 1000, required: true }, figureName: { max: 200, required: true }, unit: { max: 50 } } satisfies Record<string, TextRule>;
const SECTIONS = ['results', 'shortcomings', 'causes', 'lessons', 'nextSteps', 'recommendations'] as const;
const MAX_FIGURES = 100;

const searchTextOf = (r: Pick<ProgressReport, 'title' | (typeof SECTIONS)[number]>) =>
  searchKey([r.title, ...SECTIONS.map((s) => r[s] && richTextToPlain(r[s]))].filter(Boolean).join(' ').slice(0, 20_000));

/**
 * Progress reports: written by editors and reviewers of the reporting
 * organization's subtree (admins anywhere), on a task or a document.
 */
export class ReportService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateProgressReportInput): Promise<ProgressReport> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      const values = this.checkFields(check, input);
      check.uuid('input.taskId', input.taskId);
      check.uuid('input.directiveId', input.directiveId);
      check.uuid('input.reportDirectiveId', input.reportDirectiveId);
      check.uuid('input.reportingOrganizationId', input.reportingOrganizationId);
      if (!input.taskId && !input.directiveId) check.add('input.taskId', 'or input.directiveId is required: a report is on a task or a document.');
      check.done();
      await new Directory(this.ctx).requireLive(input.reportingOrganizationId, 'input.reportingOrganizationId');
      await this.requireInScope(input.reportingOrganizationId);
      if (input.taskId && !(await em.findOne(Task, { id: input.taskId, deletedAt: null }))) throw notFound('Task', input.taskId, 'input.taskId');
      if (input.directiveId && !(await em.findOne(DirectiveRecord, { id: input.directiveId, deletedAt: null })))
        throw notFound('Directive', input.directiveId, 'input.directiveId');
      if (input.reportDirectiveId) {
        const doc = await em.findOne(DirectiveRecord, { id: input.reportDirectiveId, deletedAt: null });
        if (!doc) throw notFound('Directive', input.reportDirectiveId, 'input.reportDirectiveId');
        if (doc.documentType !== DocumentType.REPORT)
          check.add('input.reportDirectiveId', `${doc.number} is a ${doc.documentType.toLowerCase()}, not a report.`);
      }
      check.done();
      const report = em.create(ProgressReport, {
        ...values,
        taskId: input.taskId ?? null,
        directiveId: input.directiveId ?? null,
        reportDirectiveId: input.reportDirectiveId ?? null,
        reportingOrganizationId: input.reportingOrganizationId,
        searchText: '',
      });
      report.searchText = searchTextOf(report);
      await em.flush();
      return report;
    });
  }

  async update(id: string, input: UpdateProgressReportInput, expectedVersion?: number | null): Promise<ProgressReport> {
    return this.ctx.em.transactional(async (em) => {
      const report = await this.liveForUpdate(em, id);
      checkExpectedVersion('ProgressReport', report, expectedVersion);
      const check = new InputCheck('update');
      for (const key of ['title', 'periodKind', 'periodFrom', 'periodTo'] as const) check.required(`input.${key}`, input[key]);
      const merged = { ...report, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as CreateProgressReportInput;
      const values = this.checkFields(check, merged);
      check.done();
      Object.assign(report, values);
      report.searchText = searchTextOf(report);
      await em.flush();
      return report;
    });
  }

  async setDeleted(id: string, deleted: boolean): Promise<ProgressReport> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const report = await em.findOne(ProgressReport, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!report || (deleted && report.deletedAt)) throw notFound('ProgressReport', id, 'id');
      await this.requireInScope(report.reportingOrganizationId);
      report.deletedAt = deleted ? new Date() : null;
      await em.flush();
      return report;
    });
  }

  private async liveForUpdate(em: EntityManager, id: string): Promise<ProgressReport> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const report = await em.findOne(ProgressReport, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!report) throw notFound('ProgressReport', id, 'id');
    await this.requireInScope(report.reportingOrganizationId);
    return report;
  }

  private requireInScope(organizationId: string): Promise<void> {
    const message = 'Reports are written by editors of the reporting organization’s subtree; this one is outside yours.';
    return new Directory(this.ctx).requireInScope(this.ctx.caller, Access.EDIT, organizationId, message);
  }

  /** The rules of the fields create and update share. */
  private checkFields(check: InputCheck, input: CreateProgressReportInput) {
    const title = check.text('input.title', input.title, RULES.title);
    // Sections are rich text: the note rules first (controls, bidi, length), then only safe markup is kept.
    const sections = Object.fromEntries(SECTIONS.map((s) => [s, toRichText(check.text(`input.${s}`, input[s], SECTION))])) as Record<
      (typeof SECTIONS)[number],
      string | null
    >;
    check.day('input.periodFrom', input.periodFrom, 'planned');
    check.day('input.periodTo', input.periodTo, 'planned');
    check.dateRange('input.periodFrom', input.periodFrom, 'input.periodTo', input.periodTo);
    check.day('input.submittedOn', input.submittedOn, 'past');
    if (input.submittedOn && input.submittedOn < input.periodFrom) check.add('input.submittedOn', `must not be before periodFrom (${input.periodFrom}).`);
    const figures = input.figures ?? [];
    if (figures.length > MAX_FIGURES) check.add('input.figures', `must list at most ${MAX_FIGURES} figures.`);
    const cleaned: ReportFigure[] = figures.slice(0, MAX_FIGURES).map((f, i) => {
      if (!Number.isFinite(f.value)) check.add(`input.figures.${i}.value`, 'must be a finite number.');
      return {
        name: check.text(`input.figures.${i}.name`, f.name, RULES.figureName)!,
        value: f.value,
        unit: check.text(`input.figures.${i}.unit`, f.unit, RULES.unit) ?? null,
      };
    });
    return {
      title: title!,
      periodKind: input.periodKind,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      submittedOn: input.submittedOn ?? null,
      ...sections,
      figures: cleaned,
    };
  }
}
