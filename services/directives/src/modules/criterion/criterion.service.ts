import { Access, checkExpectedVersion, conflict, InputCheck, notFound, searchKey, type RequestContext, type TextRule } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { DirectiveService } from '../directive/directive.service.js';
import { Criterion, Evaluation } from './criterion.entity.js';
import type { CreateCriterionInput, RecordEvaluationInput, UpdateCriterionInput } from './criterion.inputs.js';

const RULES = {
  code: { max: 20, required: true },
  title: { max: 1000, required: true },
  description: { max: 10_000, kind: 'note' },
  note: { max: 2000, kind: 'note' },
} satisfies Record<string, TextRule>;
const MAX_SCORE = 1000;

/** Criteria belong to the registry (admins); evaluations are recorded by reviewers of the evaluated organization's subtree. */
export class CriterionService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateCriterionInput): Promise<Criterion> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      check.uuid('input.directiveId', input.directiveId);
      const fields = this.checkFields(check, input);
      check.done();
      await new DirectiveService(this.ctx).liveForUpdate(em, input.directiveId, 'input.directiveId');
      const [{ next }] = await em.execute<{ next: number }[]>(
        'select coalesce(max(position), 0) + 1 as next from criterion where directive_id = ? and deleted_at is null',
        [input.directiveId],
      );
      const criterion = em.create(Criterion, { directiveId: input.directiveId, ...fields, position: input.position ?? next! });
      await this.flush(em, criterion);
      return criterion;
    });
  }

  async update(id: string, input: UpdateCriterionInput, expectedVersion?: number | null): Promise<Criterion> {
    return this.ctx.em.transactional(async (em) => {
      const criterion = await this.live(em, Criterion, id);
      checkExpectedVersion('Criterion', criterion, expectedVersion);
      const check = new InputCheck('update');
      for (const key of ['code', 'title', 'maxScore', 'position'] as const) check.required(`input.${key}`, input[key]);
      const fields = this.checkFields(check, {
        directiveId: criterion.directiveId,
        code: input.code ?? criterion.code,
        title: input.title ?? criterion.title,
        description: input.description !== undefined ? input.description : criterion.description,
        maxScore: input.maxScore ?? criterion.maxScore,
      });
      check.done();
      Object.assign(criterion, fields, input.position != null ? { position: input.position } : {});
      await this.flush(em, criterion);
      return criterion;
    });
  }

  async remove(id: string): Promise<Criterion> {
    return this.ctx.em.transactional(async (em) => {
      const criterion = await this.live(em, Criterion, id);
      criterion.deletedAt = new Date();
      await em.flush();
      return criterion;
    });
  }

  /** Records a score; the same criterion, organization and period again replaces it (one evaluation per period). */
  async record(input: RecordEvaluationInput): Promise<Evaluation> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      check.uuid('input.criterionId', input.criterionId);
      check.uuid('input.organizationId', input.organizationId);
      check.day('input.periodFrom', input.periodFrom, 'planned');
      check.day('input.periodTo', input.periodTo, 'planned');
      check.dateRange('input.periodFrom', input.periodFrom, 'input.periodTo', input.periodTo);
      const note = check.text('input.note', input.note, RULES.note);
      check.done();
      const criterion = await em.findOne(Criterion, { id: input.criterionId, deletedAt: null });
      if (!criterion) throw notFound('Criterion', input.criterionId, 'input.criterionId');
      if (!Number.isFinite(input.score) || input.score < 0 || input.score > criterion.maxScore)
        check.add('input.score', `must be between 0 and ${criterion.maxScore}.`);
      check.done();
      const directory = new Directory(this.ctx);
      await directory.requireLive(input.organizationId, 'input.organizationId');
      await directory.requireInScope(
        this.ctx.caller,
        Access.REVIEW,
        input.organizationId,
        'Evaluations are recorded by reviewers of the evaluated organization’s subtree.',
      );
      const key = {
        criterionId: input.criterionId,
        organizationId: input.organizationId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        deletedAt: null,
      };
      const existing = await em.findOne(Evaluation, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const evaluation = existing ?? em.create(Evaluation, { ...key, score: input.score, note: note ?? null, searchText: '' });
      evaluation.score = input.score;
      evaluation.note = note ?? null;
      evaluation.searchText = searchKey(evaluation.note ?? '');
      await this.flush(em, evaluation);
      return evaluation;
    });
  }

  async removeEvaluation(id: string): Promise<Evaluation> {
    return this.ctx.em.transactional(async (em) => {
      const evaluation = await this.live(em, Evaluation, id);
      await new Directory(this.ctx).requireInScope(
        this.ctx.caller,
        Access.REVIEW,
        evaluation.organizationId,
        'This evaluation is of an organization outside your subtree.',
      );
      evaluation.deletedAt = new Date();
      await em.flush();
      return evaluation;
    });
  }

  private checkFields(check: InputCheck, input: CreateCriterionInput) {
    const code = check.text('input.code', input.code, RULES.code)?.toUpperCase();
    const title = check.text('input.title', input.title, RULES.title);
    const description = check.text('input.description', input.description, RULES.description);
    if (!Number.isFinite(input.maxScore) || input.maxScore <= 0 || input.maxScore > MAX_SCORE)
      check.add('input.maxScore', `must be above 0 and at most ${MAX_SCORE}.`);
    return { code: code!, title: title!, description: description ?? null, maxScore: input.maxScore };
  }

  private async live<T extends Criterion | Evaluation>(em: RequestContext['em'], entity: new () => T, id: string): Promise<T> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const found = await em.findOne(entity as never, { id, deletedAt: null } as never, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found) throw notFound(entity.name, id, 'id');
    return found as T;
  }

  private async flush(em: RequestContext['em'], record: Criterion | Evaluation): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw conflict(
          record instanceof Criterion
            ? `Code ${record.code} is already used by another criterion of this document.`
            : 'This organization was just evaluated on this criterion for this period; reload and try again.',
        );
      }
      throw err;
    }
  }
}
