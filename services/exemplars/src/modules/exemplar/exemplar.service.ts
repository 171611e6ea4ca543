import {
  Access,
  can,
  checkExpectedVersion,
  conflict,
  InputCheck,
  notFound,
  richTextToPlain,
  sanitizeRichText,
  searchKey,
  todayInProvince,
  type RequestContext,
  type TextRule,
} from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Movement } from '../movement/movement.entity.js';
import { requireLiveForeignLinks } from '../refs/links.js';
import { Exemplar } from './exemplar.entity.js';
import { ExemplarAction, ExemplarKind, ExemplarStatus } from './exemplar.enums.js';
import type { CreateExemplarInput, UpdateExemplarInput } from './exemplar.inputs.js';
import { actionsFrom, STEPS } from './lifecycle.js';
import { ExemplarStep, lastDatedStep } from './step.entity.js';

const RULES = {
  name: { max: 300, required: true },
  summary: { max: 2000, kind: 'note' },
  achievements: { max: 10_000, kind: 'note' },
  note: { max: 2000, kind: 'note' },
} satisfies Record<string, TextRule>;
const MAX_STORY = 100_000;

/** What duplicate detection compares: the name without case, diacritics, punctuation or spaces. */
export const nameKeyOf = (name: string) => searchKey(name).replace(/[^a-z0-9]/g, '');

const searchTextOf = (e: Pick<Exemplar, 'name' | 'summary' | 'story' | 'achievements'>) =>
  searchKey([e.name, e.summary, e.achievements, e.story ? richTextToPlain(e.story) : null].filter(Boolean).join(' ').slice(0, 20_000));

/**
 * Writes to exemplars: editors and reviewers of the exemplar's organization
 * subtree (admins anywhere). Creation detects likely duplicates; the status
 * changes only through lifecycle steps, each kept on the timeline.
 */
export class ExemplarService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateExemplarInput, confirmDuplicate: boolean): Promise<Exemplar> {
    return this.ctx.em.transactional(async (em) => {
      const values = await this.checked(em, new InputCheck('create'), input, input);
      const duplicates = await em.find(
        Exemplar,
        { organizationId: values.organizationId, nameKey: values.nameKey, deletedAt: null },
        { limit: 5, orderBy: { createdAt: 'desc' } },
      );
      if (duplicates.length && !confirmDuplicate) {
        throw conflict(
          `“${duplicates[0]!.name}” is already recorded for this organization. Check the candidates; send confirmDuplicate: true to record another.`,
          {
            duplicates: duplicates.map((d) => ({ id: d.id, name: d.name, status: d.status, createdAt: d.createdAt.toISOString() })),
          },
        );
      }
      const exemplar = em.create(Exemplar, { ...values, status: ExemplarStatus.REGISTERED, searchText: '' });
      exemplar.searchText = searchTextOf(exemplar);
      // The unit of work does not order the two inserts (the step refers to the exemplar by id only): the exemplar goes first.
      await em.flush();
      this.record(em, exemplar, 'REGISTER', null, todayInProvince(), null);
      await em.flush();
      return exemplar;
    });
  }

  async update(id: string, input: UpdateExemplarInput, expectedVersion?: number | null): Promise<Exemplar> {
    return this.ctx.em.transactional(async (em) => {
      const e = await this.liveForUpdate(em, id, Access.EDIT);
      checkExpectedVersion('Exemplar', e, expectedVersion);
      const check = new InputCheck('update');
      for (const key of ['kind', 'name', 'organizationId', 'field'] as const) check.required(`input.${key}`, input[key]);
      const merged = { ...e, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as CreateExemplarInput;
      Object.assign(e, await this.checked(em, check, merged, input));
      e.searchText = searchTextOf(e);
      await em.flush();
      return e;
    });
  }

  async setDeleted(id: string, deleted: boolean): Promise<Exemplar> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const e = await em.findOne(Exemplar, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!e || (deleted && e.deletedAt)) throw notFound('Exemplar', id, 'id');
      await this.requireInScope(e.organizationId, Access.EDIT);
      e.deletedAt = deleted ? new Date() : null;
      await em.flush();
      return e;
    });
  }

  /**
   * One lifecycle step. A step the status does not allow is CONFLICT; a step
   * the caller's role or scope does not allow is FORBIDDEN; a revocation or
   * rejection without a reason is BAD_USER_INPUT. Each leaves nothing behind.
   */
  async transition(id: string, action: ExemplarAction, o: { note?: string | null; on?: string | null; expectedVersion?: number | null }): Promise<Exemplar> {
    return this.ctx.em.transactional(async (em) => {
      const step = STEPS[action];
      const check = new InputCheck();
      const note = check.text('note', o.note, RULES.note);
      if (step.needsNote && !note) check.add('note', `is required: say why (${action}).`);
      const on = o.on ?? todayInProvince();
      check.day('on', on, 'past');
      check.uuid('id', id);
      check.done();
      const e = await this.liveForUpdate(em, id, step.access);
      checkExpectedVersion('Exemplar', e, o.expectedVersion);
      if (!step.from.includes(e.status)) {
        const allowed = actionsFrom(e.status).filter((a) => can(this.ctx.caller, STEPS[a].access));
        throw conflict(`${action} is not a step an exemplar can take from ${e.status}${allowed.length ? `; it can: ${allowed.join(', ')}` : ''}.`, {
          status: e.status,
          allowedActions: allowed,
        });
      }
      const previous = await lastDatedStep(em, e.id);
      check.notBefore('on', on, previous?.onDay, `the day of the previous step, ${previous?.action}`);
      check.done();
      const from = e.status;
      e.status = step.to;
      if (action === ExemplarAction.RECOGNISE) e.recognisedOn = on;
      if (action === ExemplarAction.AWARD) e.awardedOn = on;
      this.record(em, e, action, from, on, note ?? null);
      await em.flush();
      return e;
    });
  }

  private record(em: EntityManager, e: Exemplar, action: ExemplarAction | 'REGISTER', from: ExemplarStatus | null, onDay: string, note: string | null): void {
    const caller = this.ctx.caller;
    em.create(ExemplarStep, {
      exemplarId: e.id,
      action,
      fromStatus: from,
      toStatus: e.status,
      actorId: caller.id,
      actorName: caller.displayName ?? null,
      occurredAt: new Date(),
      onDay,
      note,
    });
  }

  /** A live exemplar locked for a write, after checking the caller's access in its organization's subtree. */
  async liveForUpdate(em: EntityManager, id: string, access: Access): Promise<Exemplar> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const e = await em.findOne(Exemplar, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!e) throw notFound('Exemplar', id, 'id');
    await this.requireInScope(e.organizationId, access);
    return e;
  }

  requireInScope(organizationId: string, access: Access): Promise<void> {
    const message = `This exemplar belongs to an organization outside your own organization’s subtree${access === Access.REVIEW ? ': only its reviewers may take this step' : ''}.`;
    return new Directory(this.ctx).requireInScope(this.ctx.caller, access, organizationId, message);
  }

  /** Field rules, then references; `given` is what the caller sent (an update re-checks only changed references). */
  private async checked(em: EntityManager, check: InputCheck, input: CreateExemplarInput, given: UpdateExemplarInput) {
    const name = check.text('input.name', input.name, RULES.name);
    const summary = check.text('input.summary', input.summary, RULES.summary);
    const achievements = check.text('input.achievements', input.achievements, RULES.achievements);
    let story: string | null = null;
    if (input.story != null) {
      if (input.story.length > MAX_STORY) check.add('input.story', `must be at most ${MAX_STORY} characters.`);
      story = sanitizeRichText(input.story).html || null;
    }
    for (const key of ['personId', 'subjectOrganizationId', 'organizationId', 'directiveId', 'themeId', 'movementId'] as const)
      check.uuid(`input.${key}`, input[key]);
    if (input.kind === ExemplarKind.INDIVIDUAL && input.subjectOrganizationId)
      check.add('input.subjectOrganizationId', 'is for collectives; an individual is about a person.');
    if (input.kind !== ExemplarKind.INDIVIDUAL && input.personId) check.add('input.personId', 'is for individuals.');
    check.day('input.periodFrom', input.periodFrom, 'planned');
    check.day('input.periodTo', input.periodTo, 'planned');
    check.dateRange('input.periodFrom', input.periodFrom, 'input.periodTo', input.periodTo);
    check.done();
    const directory = new Directory(this.ctx);
    if (given.organizationId) {
      await directory.requireLive(input.organizationId, 'input.organizationId');
      await this.requireInScope(input.organizationId, Access.EDIT);
    }
    if (given.subjectOrganizationId) await directory.requireLive(given.subjectOrganizationId, 'input.subjectOrganizationId');
    if (given.movementId && !(await em.findOne(Movement, { id: given.movementId, deletedAt: null })))
      throw notFound('Movement', given.movementId, 'input.movementId');
    await requireLiveForeignLinks(this.ctx, given);
    return {
      kind: input.kind,
      name: name!,
      nameKey: nameKeyOf(name!),
      personId: input.personId ?? null,
      subjectOrganizationId: input.subjectOrganizationId ?? null,
      organizationId: input.organizationId,
      field: input.field,
      summary: summary ?? null,
      story,
      achievements: achievements ?? null,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      directiveId: input.directiveId ?? null,
      themeId: input.themeId ?? null,
      movementId: input.movementId ?? null,
    };
  }
}
