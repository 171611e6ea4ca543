import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, withDatabase } from '../database/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL database on a server where tests may create databases. */
    pgAdminUrl: string;
  }
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * Runs once per `vitest run`: tests use the server of DATABASE_URL when given,
 * otherwise a throwaway embedded PostgreSQL, so a machine with only Node runs
 * the whole suite against real PostgreSQL.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgAdminUrl', withDatabase(process.env.DATABASE_URL, 'postgres'));
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'lantoa-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}
