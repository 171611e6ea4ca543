/**
 * Migration20261206100000_authority_enums on a database that took free-text
 * types and levels before they became enums: the rows no organization can
 * match are withdrawn (soft-deleted, kept), the others untouched, so the
 * table reads as enums without an error.
 */
import { openSubgraphOrm, type Orm } from '@lantoa/kit';
import { createTestDatabase, type TestDatabase } from '@lantoa/kit/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { subgraph } from '../subgraph.js';

let db: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  db = await createTestDatabase('authority_enums');
  orm = await openSubgraphOrm(subgraph, db.url, 2);
  await orm.em.execute('create schema if not exists exemplars');
});

afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

it('withdraws authority rows whose organization type or level is not a value of the enums, and keeps the rest', async () => {
  const migrator = orm.getMigrator();
  await migrator.up({ to: 'Migration20261206000000_commendation_unique_decision' });
  const row = (type: string, level: string) => ({ id: randomUUID(), type, level });
  const good = row('STATE_EXECUTIVE', 'PROVINCE');
  const badType = row('NOT_A_TYPE', 'PROVINCE');
  const badLevel = row('FRONT', 'NOT_A_LEVEL');
  for (const r of [good, badType, badLevel])
    await orm.em.execute(
      `insert into exemplars.commendation_authority (id, organization_type, organization_level, form, created_at, updated_at) values (?, ?, ?, 'ORDER', now(), now())`,
      [r.id, r.type, r.level],
    );
  await migrator.up();
  const rows = await orm.em.execute<{ id: string; deleted_at: string | null; version: number }[]>(
    'select id, deleted_at, version from exemplars.commendation_authority',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(good.id)).toMatchObject({ deleted_at: null, version: 1 });
  for (const bad of [badType, badLevel]) {
    expect(byId.get(bad.id)?.deleted_at).not.toBeNull();
    expect(byId.get(bad.id)?.version).toBe(2);
  }
});
