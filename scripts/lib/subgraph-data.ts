import type { SubgraphInfo } from '../../services/kit/src/services.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LauncherError, repoRoot } from './config.js';

/** What each subgraph package exports for the launcher and `pnpm db:*`. */
export interface SubgraphData {
  name: string;
  /** Applies pending migrations; returns their names. */
  migrate(databaseUrl: string): Promise<string[]>;
  /** Loads the demo data idempotently; returns the rows inserted. */
  seed(databaseUrl: string): Promise<number>;
}

const pascal = (name: string): string => name.replace(/(^|[-_])([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * Found by convention (services/<name>/src/index.ts exports migrate<Name> and
 * seed<Name>), so a subgraph added to SUBGRAPHS needs no change here.
 */
async function dataOf(s: SubgraphInfo): Promise<SubgraphData> {
  const file = join(repoRoot, 'services', s.name, 'src', 'index.ts');
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const migrate = mod[`migrate${pascal(s.name)}`];
  const seed = mod[`seed${pascal(s.name)}`];
  if (typeof migrate !== 'function' || typeof seed !== 'function') {
    throw new LauncherError(`services/${s.name}/src/index.ts must export migrate${pascal(s.name)}(databaseUrl) and seed${pascal(s.name)}(databaseUrl).`);
  }
  return { name: s.name, migrate: migrate as SubgraphData['migrate'], seed: seed as SubgraphData['seed'] };
}

/** Imports every subgraph package (in the order of SUBGRAPHS). */
export function loadSubgraphData(subgraphs: readonly SubgraphInfo[]): Promise<SubgraphData[]> {
  const loading = Promise.all(subgraphs.map(dataOf));
  loading.catch(() => {}); // awaited later; an early failure must not crash as unhandled meanwhile
  return loading;
}

/** Runs every subgraph's pending migrations (each in its own PostgreSQL schema) and reports them. */
export async function migrateAll(subgraphs: readonly SubgraphData[], databaseUrl: string, say: (m: string) => void): Promise<void> {
  for (const s of subgraphs) {
    const applied = await s.migrate(databaseUrl);
    say(applied.length ? `${s.name}: applied ${applied.length} migration(s): ${applied.join(', ')}` : `${s.name}: schema up to date`);
  }
}

/** Loads every subgraph's demo data; rows already there are left alone. */
export async function seedAll(subgraphs: readonly SubgraphData[], databaseUrl: string, say: (m: string) => void): Promise<void> {
  for (const s of subgraphs) {
    const inserted = await s.seed(databaseUrl);
    say(inserted ? `${s.name}: inserted ${inserted} demo row(s)` : `${s.name}: demo data already present`);
  }
}
