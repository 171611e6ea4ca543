import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/admin.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, so files run in parallel without
 * truncating each other's tables. Call `drop` in afterAll.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `lantoa_${label.replace(/[^a-z0-9]/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
