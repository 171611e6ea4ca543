/**
 * `pnpm db:migrate` and `pnpm db:seed`: the launcher's database selection
 * (DATABASE_URL, or the embedded server started just for this command), then
 * every subgraph's migrations and, for seed, the demo data.
 */
import { ConfigError } from '../services/kit/src/config.js';
import { loadDatabaseConfig, loadDotEnv, LauncherError, oneLine } from './lib/config.js';
import { describeDatabaseError, openDatabase, type Database } from './lib/database.js';
import { migrateAll, seedAll } from './lib/subgraph-data.js';
import { loadSubgraphs } from './lib/subgraphs.js';

const say = (msg: string): void => void process.stdout.write(`[lantoa] ${msg}\n`);
const command = process.argv[2];

async function main(): Promise<void> {
  if (command !== 'migrate' && command !== 'seed') throw new LauncherError('Usage: tsx scripts/db.ts migrate|seed');
  loadDotEnv();
  const cfg = loadDatabaseConfig();
  const data = loadSubgraphs();
  const db: Database = await openDatabase(cfg, say);
  say(`Database: ${db.where}`);
  try {
    const subgraphs = await data;
    await migrateAll(subgraphs, db.url, say);
    if (command === 'seed') await seedAll(subgraphs, db.url, say, { production: process.env.NODE_ENV === 'production' });
  } catch (err) {
    throw new LauncherError(describeDatabaseError(err, db) ?? `${command} failed: ${oneLine(err)}`, { cause: err });
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const known = err instanceof LauncherError || err instanceof ConfigError || (err instanceof Error && err.name === 'EmbeddedPostgresError');
    process.stderr.write(`[lantoa] ${known ? (err instanceof ConfigError ? oneLine(err) : (err as Error).message) : oneLine(err)}\n`);
    if (process.env.LOG_LEVEL === 'debug') console.error(err);
    process.exit(1);
  },
);
