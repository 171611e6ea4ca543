import { conflict, InputCheck, notFound, type RequestContext } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import { Organization } from './organization.entity.js';
import { SuccessionKind } from './organization.enums.js';
import type { RecordSuccessionInput } from './organization.inputs.js';
import { OrgSuccession } from './succession.entity.js';

const dayBefore = (isoDate: string) => {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

// The successor of these kinds is a new organization, which begins on the effective day.
const SUCCESSOR_BEGINS = new Set([SuccessionKind.MERGE, SuccessionKind.RENAME, SuccessionKind.SPLIT]);

/** Records history: who succeeded whom, and when. Nothing is renamed in place. */
export class SuccessionService {
  constructor(private readonly ctx: RequestContext) {}

  async record(input: RecordSuccessionInput): Promise<OrgSuccession[]> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      if (!input.fromIds.length) check.add('input.fromIds', 'must name at least one organization.');
      check.uuids('input.fromIds', input.fromIds);
      check.uuid('input.toId', input.toId);
      if (new Set(input.fromIds).size !== input.fromIds.length) check.add('input.fromIds', 'lists an organization twice.');
      if (input.kind === SuccessionKind.DISSOLVE && input.toId) check.add('input.toId', 'must be empty for DISSOLVE.');
      if (input.kind !== SuccessionKind.DISSOLVE && !input.toId) check.add('input.toId', `is required for ${input.kind}.`);
      if (input.toId && input.fromIds.includes(input.toId)) check.add('input.toId', 'cannot also be a predecessor.');
      if (input.kind === SuccessionKind.RENAME && input.fromIds.length > 1) check.add('input.fromIds', 'RENAME has exactly one predecessor.');
      const basis = check.text('input.basis', input.basis, { max: 500, kind: 'note' });
      const note = check.text('input.note', input.note, { max: 2000, kind: 'note' });
      check.done();

      const ids = [...input.fromIds, ...(input.toId ? [input.toId] : [])];
      const orgs = await em.find(Organization, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const byId = new Map(orgs.map((o) => [o.id, o]));
      input.fromIds.forEach((id, i) => {
        if (!byId.get(id) || byId.get(id)!.deletedAt) throw notFound('Organization', id, `input.fromIds.${i}`);
      });
      const to = input.toId ? byId.get(input.toId) : null;
      if (input.toId && (!to || to.deletedAt)) throw notFound('Organization', input.toId, 'input.toId');

      input.fromIds.forEach((id, i) => {
        const from = byId.get(id)!;
        if (from.validFrom && input.effectiveOn <= from.validFrom)
          check.add(`input.fromIds.${i}`, `"${from.name}" began on ${from.validFrom}, not before ${input.effectiveOn}.`);
      });
      check.done();

      const existing = await em.count(OrgSuccession, { fromId: { $in: input.fromIds }, toId: input.toId ?? null, kind: input.kind, deletedAt: null });
      if (existing) throw conflict('This succession is already recorded.');

      const rows = input.fromIds.map((fromId) =>
        em.create(OrgSuccession, {
          fromId,
          toId: input.toId ?? null,
          kind: input.kind,
          effectiveOn: input.effectiveOn,
          basis: basis ?? null,
          note: note ?? null,
        }),
      );
      if (input.endPredecessors) {
        for (const id of input.fromIds) {
          const from = byId.get(id)!;
          from.validTo ??= dayBefore(input.effectiveOn);
        }
      }
      if (to && SUCCESSOR_BEGINS.has(input.kind)) to.validFrom ??= input.effectiveOn;
      await em.flush();
      return rows;
    });
  }
}
