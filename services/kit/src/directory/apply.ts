import type { Knex } from '@mikro-orm/postgresql';
import { BACKGROUND_SQL } from '../database/sql-stats.js';
import type { FeedChange } from './feed.js';

const COLUMNS = 'id, parent_id, path, depth, level, type, name, short_name, search_text, valid_from, valid_to, deleted_at, version, updated_at, seq';

/** The last feed seq applied to this schema's replica. */
export async function appliedSeq(knex: Knex): Promise<number> {
  const { rows } = await knex.raw(BACKGROUND_SQL + 'select last_seq from directory_state');
  return Number(rows[0]?.last_seq ?? 0);
}

/**
 * Applies feed changes and records the new seq in ONE transaction: a crash
 * leaves either both or neither, so no change is applied twice or skipped.
 * The state row is locked first and changes at or below its seq are dropped,
 * so several instances of a subgraph (one replica table) may follow at once.
 * Returns the changes actually applied, in seq order.
 */
export async function applyFeedChanges(knex: Knex, changes: FeedChange[], lastSeq: number): Promise<FeedChange[]> {
  return knex.transaction(async (trx) => {
    const { rows } = await trx.raw(BACKGROUND_SQL + 'select last_seq from directory_state for update');
    const current = Number(rows[0].last_seq);
    const fresh = changes.filter((c) => c.seq > current).sort((a, b) => a.seq - b.seq);
    // One statement per kind; an organization changed several times in the page keeps its last state.
    const latest = new Map<string, FeedChange>();
    for (const c of fresh) latest.set(c.organizationId, c);
    const upserts = [...latest.values()].filter((c) => c.state);
    const gone = [...latest.values()].filter((c) => !c.state).map((c) => c.organizationId);
    if (upserts.length) {
      const rows = upserts.map((c) => ({ ...c.state!, seq: c.seq }));
      await trx.raw(
        `${BACKGROUND_SQL}insert into directory_organization (${COLUMNS})
         select id, "parentId", path, depth, level, type, name, "shortName", "searchText", "validFrom", "validTo", "deletedAt", version, "updatedAt", seq
           from jsonb_to_recordset(?::jsonb) as r(id uuid, "parentId" uuid, path text, depth integer, level text, type text, name text, "shortName" text,
             "searchText" text, "validFrom" date, "validTo" date, "deletedAt" timestamptz, version integer, "updatedAt" timestamptz, seq bigint)
         on conflict (id) do update set ${COLUMNS.split(', ')
           .slice(1)
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
        [JSON.stringify(rows)],
      );
    }
    if (gone.length) await trx.raw(BACKGROUND_SQL + 'delete from directory_organization where id = any(?::uuid[])', [`{${gone.join(',')}}`]);
    if (lastSeq > current) await trx.raw(BACKGROUND_SQL + 'update directory_state set last_seq = ?, updated_at = now()', [lastSeq]);
    return fresh;
  });
}
