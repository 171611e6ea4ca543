import { badUserInput, conflict, InputCheck, notFound, type RequestContext } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DirectiveRecord } from './directive.entity.js';
import { DirectiveStatus, RelationKind } from './directive.enums.js';
import type { RelateDirectivesInput } from './directive.inputs.js';
import { DirectiveService } from './directive.service.js';
import { DirectiveRelation } from './relation.entity.js';

/**
 * Typed relations between documents. A document cannot relate to itself;
 * supersession sets the superseded document's status and may not form a
 * cycle (A replaces B, which replaces A).
 */
export class RelationService {
  constructor(private readonly ctx: RequestContext) {}

  async relate(input: RelateDirectivesInput): Promise<DirectiveRelation> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('input.fromId', input.fromId);
      check.uuid('input.toId', input.toId);
      const note = check.text('input.note', input.note, { max: 2000, kind: 'note' });
      if (input.fromId === input.toId) check.add('input.toId', 'is the same document as fromId: a document cannot relate to itself.');
      check.done();
      const documents = new DirectiveService(this.ctx);
      // Locked in id order, so two relations between the same pair cannot deadlock.
      const [first, second] = [input.fromId, input.toId].sort();
      const locked = new Map<string, DirectiveRecord>();
      for (const id of [first!, second!]) locked.set(id, await documents.liveForUpdate(em, id, id === input.fromId ? 'input.fromId' : 'input.toId'));
      const from = locked.get(input.fromId)!;
      const to = locked.get(input.toId)!;
      const existing = await em.findOne(DirectiveRelation, { fromId: from.id, toId: to.id, kind: input.kind, deletedAt: null });
      if (existing) throw conflict(`${from.number} already ${input.kind.toLowerCase()} ${to.number} (relation ${existing.id}).`, { existingId: existing.id });
      if (input.kind === RelationKind.SUPERSEDES) await this.refuseCycle(em, from, to);
      const relation = em.create(DirectiveRelation, { fromId: from.id, toId: to.id, kind: input.kind, note: note ?? null });
      if (input.kind === RelationKind.SUPERSEDES) to.status = DirectiveStatus.SUPERSEDED;
      await em.flush();
      return relation;
    });
  }

  /** Removes a relation (soft delete); a document no longer superseded by anything is in force again. */
  async unrelate(id: string): Promise<DirectiveRelation> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const relation = await em.findOne(DirectiveRelation, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!relation) throw notFound('DirectiveRelation', id, 'id');
      relation.deletedAt = new Date();
      if (relation.kind === RelationKind.SUPERSEDES) {
        const others = await em.count(DirectiveRelation, { toId: relation.toId, kind: RelationKind.SUPERSEDES, deletedAt: null, id: { $ne: id } });
        const to = await em.findOne(DirectiveRecord, { id: relation.toId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!others && to?.status === DirectiveStatus.SUPERSEDED) to.status = DirectiveStatus.IN_FORCE;
      }
      await em.flush();
      return relation;
    });
  }

  /** `from` SUPERSEDES `to` closes a cycle when `to` already supersedes `from`, directly or through others. */
  private async refuseCycle(em: EntityManager, from: DirectiveRecord, to: DirectiveRecord): Promise<void> {
    const [hit] = await em.execute<{ id: string }[]>(
      `with recursive chain(id) as (
         select to_id from directive_relation where from_id = ? and kind = 'SUPERSEDES' and deleted_at is null
         union
         select r.to_id from directive_relation r join chain c on r.from_id = c.id where r.kind = 'SUPERSEDES' and r.deleted_at is null
       ) select id from chain where id = ? limit 1`,
      [to.id, from.id],
    );
    if (hit) throw badCycle(from, to);
  }
}

// Like a move under one's own subtree in organizations: the input contradicts the graph, so BAD_USER_INPUT naming the field.
const badCycle = (from: DirectiveRecord, to: DirectiveRecord) =>
  badUserInput([
    { path: 'input.toId', message: `${to.number} already supersedes ${from.number} (directly or through other documents): a cycle of supersessions.` },
  ]);
