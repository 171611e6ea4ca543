import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { isUnscoped, type Access, type Caller } from '../auth/caller.js';
import { requireAccess } from '../graphql/authorization.js';
import { inSubtreeOfIdSql } from '../database/tree-path.js';
import { forbidden, notFound } from '../errors.js';
import type { Loaders } from '../graphql/context.js';
import type { DirectoryFollower } from './follower.js';

/**
 * What every subgraph asks about the organization tree, answered from its
 * local replica (directory_organization) with plain SQL: no HTTP call per
 * request. Lookups are batched per request (DataLoader), so a page of N
 * records costs one statement, not N.
 */

const TABLE = 'directory_organization';

export interface DirectoryOrganization {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  level: string;
  type: string;
  name: string;
  shortName: string | null;
  validFrom: string | null;
  validTo: string | null;
  deletedAt: Date | null;
}

interface Row {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  level: string;
  type: string;
  name: string;
  short_name: string | null;
  valid_from: string | Date | null;
  valid_to: string | Date | null;
  deleted_at: string | Date | null;
}

const day = (v: string | Date | null) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const toOrganization = (r: Row): DirectoryOrganization => ({
  id: r.id,
  parentId: r.parent_id,
  path: r.path,
  depth: r.depth,
  level: r.level,
  type: r.type,
  name: r.name,
  shortName: r.short_name,
  validFrom: day(r.valid_from),
  validTo: day(r.valid_to),
  deletedAt: r.deleted_at == null ? null : new Date(r.deleted_at),
});

// The follower of each ORM (by its configuration, shared by every fork): the reference check catches up through it before refusing.
const followers = new WeakMap<object, DirectoryFollower>();
export function registerDirectoryFollower(em: EntityManager, follower: DirectoryFollower): void {
  followers.set(em.config, follower);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Directory {
  constructor(private readonly ctx: { em: EntityManager; loaders: Loaders }) {}

  private get loader() {
    return this.ctx.loaders.get<string, DirectoryOrganization | null>('directory.byId', async (ids) => {
      // Keys are checked UUIDs (byId), so the array literal needs no quoting.
      const rows = await this.ctx.em.execute<Row[]>(`select * from ${TABLE} where id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
      const map = new Map(rows.map((r) => [r.id, toOrganization(r)]));
      return ids.map((i) => map.get(i) ?? null);
    });
  }

  /** The organization as the replica knows it, deleted ones included; null if unknown. Batched. */
  byId(id: string): Promise<DirectoryOrganization | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.loader.load(id.toLowerCase());
  }

  /**
   * Is `organizationId` inside the caller's subtree (their organization or
   * below)? The same rule as the organizations subgraph's own inScope: admins
   * are unscoped; a caller without an organization, or whose organization is
   * deleted or unknown, is in no subtree.
   */
  async inScope(caller: Caller, organizationId: string): Promise<boolean> {
    if (isUnscoped(caller)) return true;
    if (!caller.organizationId) return false;
    const [mine, target] = await Promise.all([this.byId(caller.organizationId), this.byId(organizationId)]);
    return !!mine && !!target && !mine.deletedAt && target.path.startsWith(mine.path);
  }

  /**
   * The rule of every write in a subgraph that follows the directory:
   * FORBIDDEN unless the caller has `access` and the organization is in
   * their subtree. `message` says whose subtree, in the record's words.
   */
  async requireInScope(
    caller: Caller,
    access: Access,
    organizationId: string,
    message = 'This record belongs to an organization outside your own organization’s subtree.',
  ): Promise<void> {
    requireAccess(caller, access);
    if (!(await this.inScope(caller, organizationId))) throw forbidden(message);
  }

  /** Exists and is not deleted. */
  async isLive(id: string): Promise<boolean> {
    const o = await this.byId(id);
    return !!o && !o.deletedAt;
  }

  /** Names for lists; null for an unknown id. Batched with byId. */
  async name(id: string): Promise<string | null> {
    return (await this.byId(id))?.name ?? null;
  }

  /**
   * For writes that reference an organization: refuses with NOT_FOUND (naming
   * the input field) unless it exists and is not deleted. A miss is confirmed
   * against the feed first (one catch-up), so an organization created a moment
   * ago is not refused because the replica had not seen it yet.
   */
  async requireLive(id: string, field: string): Promise<DirectoryOrganization> {
    let o = await this.byId(id);
    if (!o || o.deletedAt) {
      const follower = followers.get(this.ctx.em.config);
      if (follower) {
        try {
          await follower.syncNow();
        } catch (err) {
          // Without a first sync the replica knows nothing: refusing as NOT_FOUND would be a lie.
          if (!follower.isReady()) throw new Error(`The organization directory has not been synced yet (${(err as Error).message}).`);
        }
        this.loader.clear(id.toLowerCase());
        o = await this.byId(id);
      }
    }
    if (!o || o.deletedAt) throw notFound('Organization', id, field);
    return o;
  }
}

/**
 * A list query's organization condition: records of `organizationId` only,
 * or (includeDescendants) of it and every organization below it, deleted ones
 * included (their records stay where they were). `column` names the record's
 * organization id column; the same condition serves the page and totalCount.
 * One index range scan on the replica's path.
 */
export function subtreeCondition(
  knex: Knex,
  column: string,
  o: { organizationId: string; includeDescendants?: boolean | null },
): (qb: Knex.QueryBuilder) => void {
  if (!o.includeDescendants) return (qb) => void qb.where(column, o.organizationId);
  return (qb) => void qb.whereIn(column, knex(TABLE).select('id').whereRaw(inSubtreeOfIdSql(TABLE), [o.organizationId, o.organizationId]));
}

/** Records in the caller's subtree only (nothing for a caller without a live organization); admins see all. For list queries. */
export function scopeCondition(knex: Knex, column: string, caller: Caller): (qb: Knex.QueryBuilder) => void {
  if (isUnscoped(caller)) return () => {};
  if (!caller.organizationId) return (qb) => void qb.whereRaw('false');
  const condition = subtreeCondition(knex, column, { organizationId: caller.organizationId, includeDescendants: true });
  return (qb) => {
    condition(qb);
    qb.whereExists(knex(TABLE).select(knex.raw('1')).where('id', caller.organizationId).whereNull('deleted_at'));
  };
}

export interface AncestorCount {
  /** The ancestor at the asked level (the record's own organization when it is at that level); null for records above that level. */
  organizationId: string | null;
  count: number;
}

/**
 * Statistics "per district", "per commune": counts the records of `records`
 * (a query builder over the record table, already filtered) grouped by the
 * ancestor of each record's organization at `level` (the topmost one, should
 * a branch repeat a level). Ancestors come from the path, so this is one
 * statement with primary-key lookups, however large the tree.
 */
export async function countByAncestorLevel(em: EntityManager, records: Knex.QueryBuilder, column: string, level: string): Promise<AncestorCount[]> {
  const knex = em.getKnex();
  const r = records
    .clone()
    .clearSelect()
    .clearOrder()
    .select(knex.raw('?? as org_id', [column]));
  const qb = knex
    .select('a.id as organization_id')
    .count('* as count')
    .from(r.as('r'))
    .join(`${TABLE} as d`, 'd.id', 'r.org_id')
    .joinRaw(
      `left join lateral (select x.id from ${TABLE} x where x.id = any(string_to_array(trim(both '/' from d.path), '/')::uuid[]) and x.level = ? order by x.depth limit 1) a on true`,
      [level],
    )
    .groupBy('a.id');
  const rows = await em.execute<{ organization_id: string | null; count: string }[]>(qb);
  return rows.map((row) => ({ organizationId: row.organization_id, count: Number(row.count) }));
}
