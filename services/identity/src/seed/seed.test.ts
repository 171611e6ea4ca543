import { createLogger, migrateSubgraph, seedSubgraph } from '@lantoa/kit';
import { createTestDatabase, type TestDatabase } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../subgraph.js';
import { DEMO_USERS } from './demo-users.js';
import { seedDemoUsers } from './seed.js';

let db: TestDatabase;
let sql: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase('identity_seed');
  await migrateSubgraph(subgraph, db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

const users = async () => (await sql.query<{ n: number }>('select count(*)::int as n from identity.user_account')).rows[0]!.n;

describe('the demo users', () => {
  it('are never created in production, whoever asks, and the refusal is logged', async () => {
    expect(await seedSubgraph(subgraph, db.url, { production: true })).toBe(0);
    expect(await users()).toBe(0);
    const lines: string[] = [];
    const log = { ...createLogger('identity'), info: (msg: string) => void lines.push(msg) };
    // The identity seed itself refuses, not only the launcher's call of it.
    expect(await seedDemoUsers({} as never, { production: true, log })).toBe(0);
    expect(lines.join('\n')).toMatch(/production: no demo users/);
  });

  it('are created outside production, once', async () => {
    expect(await seedSubgraph(subgraph, db.url)).toBe(DEMO_USERS.length);
    expect(await seedSubgraph(subgraph, db.url)).toBe(0);
    expect(await users()).toBe(DEMO_USERS.length);
  });
});
