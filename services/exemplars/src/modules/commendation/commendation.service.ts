import {
  Access,
  conflict,
  documentNumberKey,
  InputCheck,
  notFound,
  parseDocumentNumber,
  todayInProvince,
  type OrganizationLevel,
  type OrganizationType,
  type RequestContext,
} from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Exemplar } from '../exemplar/exemplar.entity.js';
import { ExemplarAction, ExemplarStatus } from '../exemplar/exemplar.enums.js';
import { ExemplarStep, lastDatedStep } from '../exemplar/step.entity.js';
import { Movement } from '../movement/movement.entity.js';
import { Commendation, CommendationAuthority } from './commendation.entity.js';
import { repeatedDecision, sameDecision } from './commendation.repeats.js';
import { CommendationStatus } from './commendation.enums.js';
import type { CreateCommendationInput, CreateCommendationAuthorityInput } from './commendation.inputs.js';

// Commendations honour exemplars that were checked; not those still being proposed, nor rejected or revoked ones.
const HONOURABLE = new Set([ExemplarStatus.VERIFIED, ExemplarStatus.RECOGNISED, ExemplarStatus.AWARDED, ExemplarStatus.PUBLICISED, ExemplarStatus.REPLICATED]);

/**
 * Commendations are recorded by reviewers of the exemplar's subtree. The
 * decision number is parsed like any document number, and the deciding
 * organization must hold the authority (the table admins keep) for the form.
 * A first commendation makes a verified or recognised exemplar AWARDED.
 */
export class CommendationService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateCommendationInput): Promise<Commendation> {
    try {
      return await this.insert(input);
    } catch (err) {
      // Two reviewers recording the same decision at once: the unique index refuses the second (Migration20261206000000).
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      const number = parseDocumentNumber(input.decisionNumber);
      const existing =
        number.ok &&
        (await sameDecision(this.ctx.em.fork(), {
          ...input,
          decisionNumberKey: documentNumberKey(number.value.canonical),
        }));
      throw existing ? repeatedDecision(existing) : err;
    }
  }

  private async insert(input: CreateCommendationInput): Promise<Commendation> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      for (const key of ['exemplarId', 'decidingOrganizationId', 'proposingOrganizationId', 'movementId'] as const) check.uuid(`input.${key}`, input[key]);
      const title = check.text('input.title', input.title, { max: 300 });
      const parsed = parseDocumentNumber(input.decisionNumber);
      if (!parsed.ok) check.add('input.decisionNumber', parsed.message);
      check.day('input.decidedOn', input.decidedOn, 'past');
      check.done();
      const exemplar = await em.findOne(Exemplar, { id: input.exemplarId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!exemplar) throw notFound('Exemplar', input.exemplarId, 'input.exemplarId');
      const directory = new Directory(this.ctx);
      await directory.requireInScope(
        this.ctx.caller,
        Access.REVIEW,
        exemplar.organizationId,
        'Commendations are recorded by reviewers of the exemplar’s subtree.',
      );
      if (!HONOURABLE.has(exemplar.status))
        throw conflict(`An exemplar that is ${exemplar.status} cannot be commended; it must be verified first.`, { status: exemplar.status });
      const decider = await directory.requireLive(input.decidingOrganizationId, 'input.decidingOrganizationId');
      if (input.proposingOrganizationId) await directory.requireLive(input.proposingOrganizationId, 'input.proposingOrganizationId');
      if (input.movementId && !(await em.findOne(Movement, { id: input.movementId, deletedAt: null })))
        throw notFound('Movement', input.movementId, 'input.movementId');
      const authority = await em.findOne(CommendationAuthority, {
        // The directory's replica keeps them as the organizations subgraph wrote them: values of these enums.
        organizationType: decider.type as OrganizationType,
        organizationLevel: decider.level as OrganizationLevel,
        form: input.form,
        deletedAt: null,
      });
      if (!authority) {
        check.add(
          'input.form',
          `“${decider.name}” (${decider.type}, ${decider.level}) may not grant ${input.form}, according to the commendation authority table.`,
        );
        check.done();
      }
      const number = (parsed as { ok: true; value: { canonical: string } }).value.canonical;
      const repeated = await sameDecision(em, {
        ...input,
        exemplarId: exemplar.id,
        decisionNumberKey: documentNumberKey(number),
        decidingOrganizationId: decider.id,
      });
      if (repeated) throw repeatedDecision(repeated);
      const c = em.create(Commendation, {
        exemplarId: exemplar.id,
        form: input.form,
        title: title ?? null,
        basis: input.basis,
        decidingOrganizationId: decider.id,
        proposingOrganizationId: input.proposingOrganizationId ?? null,
        decisionNumber: number,
        decisionNumberKey: documentNumberKey(number),
        decidedOn: input.decidedOn,
        movementId: input.movementId ?? null,
        status: CommendationStatus.IN_FORCE,
      });
      if (!exemplar.awardedOn || input.decidedOn < exemplar.awardedOn) exemplar.awardedOn = input.decidedOn;
      if (exemplar.status === ExemplarStatus.VERIFIED || exemplar.status === ExemplarStatus.RECOGNISED) {
        // The first commendation is the timeline's AWARD step, dated by the decision: never before the step it follows.
        const previous = await lastDatedStep(em, exemplar.id);
        check.notBefore('input.decidedOn', input.decidedOn, previous?.onDay, `the day of the previous step, ${previous?.action}`);
        check.done();
        const from = exemplar.status;
        exemplar.status = ExemplarStatus.AWARDED;
        em.create(ExemplarStep, {
          exemplarId: exemplar.id,
          action: ExemplarAction.AWARD,
          fromStatus: from,
          toStatus: ExemplarStatus.AWARDED,
          actorId: this.ctx.caller.id,
          actorName: this.ctx.caller.displayName ?? null,
          occurredAt: new Date(),
          onDay: input.decidedOn,
          note: `Quyết định số ${number}`,
        });
      }
      await em.flush();
      return c;
    });
  }

  async revoke(id: string, reason: string, on?: string | null): Promise<Commendation> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      const why = check.text('reason', reason, { max: 2000, required: true, kind: 'note' });
      const day = on ?? todayInProvince();
      check.day('on', day, 'past');
      check.done();
      const c = await em.findOne(Commendation, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c) throw notFound('Commendation', id, 'id');
      const exemplar = await em.findOneOrFail(Exemplar, { id: c.exemplarId });
      await new Directory(this.ctx).requireInScope(
        this.ctx.caller,
        Access.REVIEW,
        exemplar.organizationId,
        'Commendations are revoked by reviewers of the exemplar’s subtree.',
      );
      if (c.status === CommendationStatus.REVOKED) throw conflict(`Commendation ${c.decisionNumber} was already revoked on ${c.revokedOn}.`);
      if (day < c.decidedOn) check.add('on', `must not be before the decision (${c.decidedOn}).`);
      check.done();
      c.status = CommendationStatus.REVOKED;
      c.revokedOn = day;
      c.revocationReason = why!;
      await em.flush();
      return c;
    });
  }

  async createAuthority(input: CreateCommendationAuthorityInput): Promise<CommendationAuthority> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      const note = check.text('input.note', input.note, { max: 1000, kind: 'note' });
      check.done();
      const a = em.create(CommendationAuthority, {
        organizationType: input.organizationType,
        organizationLevel: input.organizationLevel,
        form: input.form,
        note: note ?? null,
      });
      try {
        await em.flush();
      } catch (err) {
        if (err instanceof UniqueConstraintViolationException)
          throw conflict(`${input.organizationType} at ${input.organizationLevel} level may already grant ${input.form}.`);
        throw err;
      }
      return a;
    });
  }

  async deleteAuthority(id: string): Promise<CommendationAuthority> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const a = await em.findOne(CommendationAuthority, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!a) throw notFound('CommendationAuthority', id, 'id');
      a.deletedAt = new Date();
      await em.flush();
      return a;
    });
  }
}
