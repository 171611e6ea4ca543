import { conflict, type AppError } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Commendation } from './commendation.entity.js';

/** What makes two commendations the same decision: the exemplar, the decision number in any spelling (its key), form, decider and day. */
export interface DecisionKey {
  exemplarId: string;
  decisionNumberKey: string;
  form: Commendation['form'];
  decidingOrganizationId: string;
  decidedOn: string;
}

/** The live commendation recording this decision already, if any (repeats kept from before the unique index are skipped: they name their first). */
export async function sameDecision(em: EntityManager, key: DecisionKey): Promise<Commendation | null> {
  const [row] = await em.getConnection().execute<{ id: string }[]>(
    `select id from commendation where exemplar_id = ? and decision_number_key = ? and form = ? and deciding_organization_id = ? and decided_on = ?
         and deleted_at is null and duplicate_of is null limit 1`,
    [key.exemplarId, key.decisionNumberKey, key.form, key.decidingOrganizationId, key.decidedOn],
  );
  return row ? em.findOne(Commendation, { id: row.id }) : null;
}

/** CONFLICT naming the commendation that records the decision already. */
export function repeatedDecision(existing: Commendation): AppError {
  return conflict(
    `Decision ${existing.decisionNumber} of ${existing.decidedOn} already commends this exemplar (${existing.form}): commendation ${existing.id}.`,
    { existing: { id: existing.id, decisionNumber: existing.decisionNumber, decidedOn: existing.decidedOn, form: existing.form, status: existing.status } },
  );
}
