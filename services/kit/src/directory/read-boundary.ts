import type { Knex } from '@mikro-orm/postgresql';
import { Access, can, isUnscoped, Role, type Caller } from '../auth/caller.js';
import { pgArray } from '../database/sql.js';
import type { RequestContext } from '../graphql/context.js';
import { Directory, subtreeCondition } from './directory.js';

/**
 * Who reads a record before it is public (issue #17, "drafts stay inside the
 * office"). Each resource declares its rule once, next to its entity:
 *
 * | caller                                          | sees                                                |
 * |-------------------------------------------------|-----------------------------------------------------|
 * | admin                                           | everything                                          |
 * | editor, reviewer (or WRITE token) of an org     | everything of its subtree; elsewhere as below       |
 * | any other signed-in user with a role (viewers)  | `viewers` statuses                                  |
 * | READ tokens, integrator accounts                | `public` statuses: what the province publishes      |
 *
 * Lists, counts and statistics take `condition` (one SQL condition, the same
 * for the page, totalCount and every statistic); one-record reads, `_entities`
 * and attachments take `canRead`, so a hidden record is null exactly as a
 * missing one. Deleted rows are softDeleteCondition's business, not this one's.
 */
export interface ReadBoundaryDeclaration<T> {
  /** Statuses every signed-in user with a console role sees (viewers). */
  viewers: readonly string[];
  /** Statuses that are public: all that READ tokens and integrator accounts see. */
  public: readonly string[];
  /** The record's organization id column: its editors and reviewers are those of this organization's subtree. */
  organizationColumn: string;
  /** The status column (default `status`). */
  statusColumn?: string;
  /**
   * "The record lies in the subtree of this organization" as the resource's
   * indexes answer it best; default: the organization column in the
   * replica's subtree (subtreeCondition).
   */
  inSubtree?: (qb: Knex.QueryBuilder, organizationId: string) => void;
  /** The status and organization of a loaded record. */
  statusOf: (record: T) => string;
  organizationOf: (record: T) => string;
}

export interface ReadBoundary<T> {
  /** For lists, counts and statistics: restricts a query over the record's table to what the caller may read. */
  condition(knex: Knex, caller: Caller): (qb: Knex.QueryBuilder) => void;
  /** For one record (by id, `_entities`, attachments): may the caller read it? Batched through the directory. */
  canRead(ctx: RequestContext, record: T): Promise<boolean>;
  /**
   * Does the caller read the record as its office does (admins, its subtree's editors and reviewers)?
   * Others read its public face only: a timeline without the reviewers' reasons for returning it.
   */
  readsAsOffice(ctx: RequestContext, record: T): Promise<boolean>;
}

/** The steps whose notes are the office's own (a reviewer's reasons for returning a record), hidden from other readers. */
export function withoutOfficeNotes<S extends { action: string; note: string | null }>(steps: S[], actions: readonly string[]): S[] {
  return steps.map((s) =>
    s.note && actions.includes(s.action) ? Object.assign(Object.create(Object.getPrototypeOf(s) as object) as S, s, { note: null }) : s,
  );
}

/** The statuses a caller reads outside their editing scope; null: every status. */
function statusesFor(caller: Caller, d: { viewers: readonly string[]; public: readonly string[] }): readonly string[] | null {
  if (isUnscoped(caller)) return null;
  // Integrator accounts act for another system, as its tokens do: they read what is public.
  const console = caller.kind === 'user' && caller.roles.some((r) => r !== Role.INTEGRATOR);
  return console ? d.viewers : d.public;
}

/** Callers who also read every record of their subtree: those who may edit there. */
const editingScope = (caller: Caller): string | null => (can(caller, Access.EDIT) && caller.organizationId ? caller.organizationId : null);

export function readBoundary<T>(d: ReadBoundaryDeclaration<T>): ReadBoundary<T> {
  const status = d.statusColumn ?? 'status';
  return {
    condition(knex, caller) {
      const statuses = statusesFor(caller, d);
      if (!statuses) return () => {};
      const visible = (qb: Knex.QueryBuilder) => void qb.whereRaw(`${status} = any(?::text[])`, [pgArray(statuses)]);
      const scope = editingScope(caller);
      if (!scope) return visible;
      const inScope = (qb: Knex.QueryBuilder) => {
        if (d.inSubtree) d.inSubtree(qb, scope);
        else subtreeCondition(knex, d.organizationColumn, { organizationId: scope, includeDescendants: true })(qb);
        // The same rule as scopeCondition: an editor of a deleted organization edits nowhere.
        qb.whereExists(knex('directory_organization').select(knex.raw('1')).where('id', scope).whereNull('deleted_at'));
      };
      return (qb) => void qb.where((w) => void w.where(visible).orWhere(inScope));
    },
    async canRead(ctx, record) {
      const statuses = statusesFor(ctx.caller, d);
      if (!statuses || statuses.includes(d.statusOf(record))) return true;
      return this.readsAsOffice(ctx, record);
    },
    async readsAsOffice(ctx, record) {
      if (isUnscoped(ctx.caller)) return true;
      return !!editingScope(ctx.caller) && new Directory(ctx).inScope(ctx.caller, d.organizationOf(record));
    },
  };
}
