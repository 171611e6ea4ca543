import { CALLER_HEADER, Role, signCallerProof, type Caller } from '@lantoa/kit';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Subgraphs serve only requests that carry the gateway's signed caller proof.
 * The benchmark starts both with a secret of its own, and signs the proof
 * itself for the requests it sends to the subgraph directly.
 */
export const GATEWAY_SECRET = randomBytes(48).toString('base64');

/** A signed-in reader: what the subgraph sees for a console user browsing the tree. */
const BENCH_CALLER: Caller = {
  kind: 'user',
  id: randomUUID(),
  name: 'bench@lantoa.local',
  organizationId: null,
  roles: [Role.VIEWER],
  scopes: [],
};

/** Headers for direct subgraph requests; the proof lives `ttlSeconds`, so sign one per run. */
export async function subgraphHeaders(ttlSeconds: number): Promise<Record<string, string>> {
  return { [CALLER_HEADER]: await signCallerProof(BENCH_CALLER, 'bench', GATEWAY_SECRET, ttlSeconds) };
}
