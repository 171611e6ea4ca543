import { migrateSubgraph, seedSubgraph, type AnyDescriptor } from '../../services/kit/src/subgraph/start.js';

type Say = (m: string) => void;

/** Runs every subgraph's pending migrations (each in its own PostgreSQL schema) and reports them. */
export async function migrateAll(subgraphs: readonly AnyDescriptor[], databaseUrl: string, say: Say): Promise<void> {
  for (const s of subgraphs) {
    const applied = await migrateSubgraph(s, databaseUrl);
    say(applied.length ? `${s.name}: applied ${applied.length} migration(s): ${applied.join(', ')}` : `${s.name}: schema up to date`);
  }
}

/** Loads every subgraph's demo data; rows already there are left alone. */
export async function seedAll(subgraphs: readonly AnyDescriptor[], databaseUrl: string, say: Say, o: { production?: boolean } = {}): Promise<void> {
  for (const s of subgraphs) {
    const inserted = await seedSubgraph(s, databaseUrl, o);
    say(inserted ? `${s.name}: inserted ${inserted} demo row(s)` : `${s.name}: demo data already present`);
  }
}
