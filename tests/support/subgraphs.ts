import { seedSubgraph, type RunningSubgraph } from '@lantoa/kit';
import { freePort } from '@lantoa/kit/testing';
import { startSubgraph } from '@lantoa/kit';
import { loadSubgraphs } from '../../scripts/lib/subgraphs.js';

export interface Subgraphs {
  /** Subgraph name → the running service. */
  byName: Record<string, RunningSubgraph>;
  /** Every subgraph's URL variable (ORGANIZATIONS_URL, …), for a gateway's environment. */
  urlEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Every subgraph of SUBGRAPHS over real HTTP on one database, each knowing
 * where the others are (ports are picked first, so the order of start does
 * not decide who can find whom). `env` goes to every one (secrets); each
 * reads only its own variables.
 */
export async function startSubgraphs(databaseUrl: string, env: Record<string, string>, o: { seed?: boolean } = {}): Promise<Subgraphs> {
  const descriptors = await loadSubgraphs();
  const ports = await Promise.all(descriptors.map(() => freePort()));
  const urlEnv = Object.fromEntries(descriptors.map((d, i) => [d.urlEnv, `http://127.0.0.1:${ports[i]}/graphql`]));
  const byName: Record<string, RunningSubgraph> = {};
  const stop = async () => {
    for (const s of Object.values(byName).reverse()) await s.stop().catch(() => undefined);
  };
  try {
    for (const [i, d] of descriptors.entries()) {
      byName[d.name] = await startSubgraph(d, { LOG_LEVEL: 'warn', ...urlEnv, ...env, DATABASE_URL: databaseUrl, PORT: String(ports[i]) });
    }
    if (o.seed !== false) for (const d of descriptors) await seedSubgraph(d, databaseUrl);
  } catch (err) {
    await stop();
    throw err;
  }
  return { byName, urlEnv, stop };
}
