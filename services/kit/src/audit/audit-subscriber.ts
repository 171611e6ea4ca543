import { ChangeSetType, type ChangeSet, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { CallerProof } from '../auth/proof.js';
import { AuditEvent, type FieldChange } from './audit-event.entity.js';

export interface AuditSpec<T> {
  /** Type name in the API, e.g. "Organization". */
  type: string;
  /** The organization whose subtree the record belongs to; decides who may read its history. */
  scope: (record: T) => string | null;
  /** Fields never recorded (secrets) or not worth recording (derived). */
  exclude?: (keyof T & string)[];
}

const registry = new Map<unknown, AuditSpec<never>>();

/** Every create, update and (soft) delete of this entity is audited from now on. */
export function audited<T>(entity: new (...args: never[]) => T, spec: AuditSpec<T>): void {
  registry.set(entity, spec as AuditSpec<never>);
}

// Bookkeeping that changes on every write and says nothing about the change.
const ALWAYS_EXCLUDED = new Set(['version', 'updatedAt', 'createdAt', 'searchText']);

const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

function actionOf(cs: ChangeSet<object>): string {
  if (cs.type === ChangeSetType.CREATE) return 'CREATE';
  if (cs.type === ChangeSetType.DELETE) return 'DELETE';
  if ('deletedAt' in (cs.payload ?? {})) return (cs.entity as { deletedAt?: unknown }).deletedAt ? 'DELETE' : 'RESTORE';
  return 'UPDATE';
}

/**
 * Who and which request, carried by the request's EntityManager: forks (and
 * so transactions) inherit an EntityManager's logger context, which reaches
 * the flush far from the GraphQL context, without an AsyncLocalStorage that
 * would slow every promise of every request.
 */
export const requestOf = (loggerContext: Record<string, unknown>) => loggerContext.request as CallerProof | undefined;

/**
 * Adds an AuditEvent to the same flush (so the same transaction) as every
 * audited change. Writes outside a request (seeds, the first admin) are "system".
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const who = requestOf(em.getLoggerContext());
    for (const cs of uow.getChangeSets()) {
      const spec = registry.get(cs.entity.constructor) as AuditSpec<object> | undefined;
      if (!spec) continue;
      const excluded = new Set([...ALWAYS_EXCLUDED, ...(spec.exclude ?? [])]);
      const record = cs.entity as Record<string, unknown>;
      const original = (cs.originalEntity ?? {}) as Record<string, unknown>;
      const fields = cs.type === ChangeSetType.CREATE ? Object.keys(record) : Object.keys(cs.payload ?? {});
      const changes: FieldChange[] = fields
        .filter((f) => !excluded.has(f) && typeof record[f] !== 'function')
        .map((field) => ({
          field,
          before: cs.type === ChangeSetType.CREATE ? null : plain(original[field]),
          after: cs.type === ChangeSetType.DELETE ? null : plain(record[field]),
        }))
        .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
      if (!changes.length && cs.type === ChangeSetType.UPDATE) continue;
      const event = em.create(AuditEvent, {
        occurredAt: new Date(),
        actorKind: who?.caller.kind === 'anonymous' ? 'anonymous' : (who?.caller.kind ?? 'system'),
        actorId: who?.caller.id ?? null,
        actorName: who?.caller.name ?? null,
        requestId: who?.requestId ?? 'system',
        entityType: spec.type,
        entityId: record.id as string,
        action: actionOf(cs),
        organizationId: spec.scope(record),
        changes,
      });
      uow.computeChangeSet(event);
    }
  }
}
