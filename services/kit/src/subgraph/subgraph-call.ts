import { CALLER_HEADER, signCallerProof } from '../auth/proof.js';
import { AppError, ErrorCode, notFound } from '../errors.js';
import type { RequestContext } from '../graphql/context.js';

/**
 * A GraphQL call from one subgraph to another, on behalf of the caller of the
 * current request: the same signed caller proof the gateway would send
 * (GATEWAY_SECRET, 60 s), so the other subgraph applies the caller's own
 * permissions and nothing more. Used only where a subgraph must know a fact
 * another one owns and keeps no replica of (links checked at write time).
 * Down or failing: SERVICE_UNAVAILABLE, never a guess.
 */
export interface SubgraphEndpoint {
  name: string;
  url: string;
  secret: string;
}

const TIMEOUT_MS = 5_000;
const endpoints = new Map<string, SubgraphEndpoint>();

/** From the descriptor's start hook: where another subgraph answers (its URL variable) and the secret to sign with. */
export function configureEndpoint(e: SubgraphEndpoint): void {
  endpoints.set(e.name, e);
}

function endpoint(name: string): SubgraphEndpoint {
  const e = endpoints.get(name);
  if (!e) throw new Error(`The ${name} endpoint is not configured (the subgraph was not started through its descriptor).`);
  return e;
}

export async function callSubgraph<T>(name: string, ctx: RequestContext, query: string, variables: Record<string, unknown>): Promise<T> {
  const to = endpoint(name);
  const proof = await signCallerProof(ctx.caller, ctx.requestId, to.secret, 60, ctx.clientAddress ?? null);
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    const res = await fetch(to.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: proof },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = (await res.json()) as typeof body;
  } catch (err) {
    throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, `The ${to.name} subgraph did not answer (${(err as Error).name}); try again later.`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    // The caller's own problems (permissions, input) pass through with their code; anything else is the other service's failure.
    if (code === ErrorCode.FORBIDDEN || code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.BAD_USER_INPUT) throw new AppError(code, first.message);
    throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, `The ${to.name} subgraph could not answer (${code ?? 'error'}); try again later.`);
  }
  return body.data as T;
}

/** An entity of another subgraph named by a write, with the input path to blame when it does not exist. */
export interface LinkedEntity {
  typename: string;
  id: string;
  path: string;
}

/** The entities a list input links to: ids of one type, each blamed at `path.i`. */
export function linked(typename: string, path: string, ids: readonly string[] | null | undefined): LinkedEntity[] {
  return (ids ?? []).map((id, i) => ({ typename, id, path: `${path}.${i}` }));
}

/**
 * Refuses with NOT_FOUND (naming its input path) the first linked entity that
 * the owning subgraph does not know or has soft-deleted, as the caller may
 * see it. One `_entities` call for all of them (batched there by id).
 */
export async function requireLiveEntities(to: string, ctx: RequestContext, links: readonly LinkedEntity[]): Promise<void> {
  if (!links.length) return;
  const types = [...new Set(links.map((l) => l.typename))];
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ${types.map((t) => `... on ${t} { id deletedAt }`).join(' ')} } }`;
  const data = await callSubgraph<{ _entities: ({ id: string; deletedAt: string | null } | null)[] }>(to, ctx, query, {
    r: links.map((l) => ({ __typename: l.typename, id: l.id })),
  });
  const missing = links.findIndex((_, i) => !data._entities[i] || data._entities[i]!.deletedAt);
  if (missing >= 0) throw notFound(links[missing]!.typename, links[missing]!.id, links[missing]!.path);
}

/**
 * Which of these linked ids the owning subgraph still answers for (not
 * deleted, visible to the caller), in their order: a list of links shows only
 * those. A deleted record resolves to null through `_entities`, which in a
 * list of non-null entities would null the whole record that links to it.
 * One `_entities` call per request and type, however many records and links.
 */
export async function liveLinks(to: string, ctx: RequestContext, typename: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const loader = ctx.loaders.get<string, boolean>(`liveLinks:${to}:${typename}`, async (keys) => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`;
    const data = await callSubgraph<{ _entities: ({ id: string } | null)[] }>(to, ctx, query, { r: keys.map((id) => ({ __typename: typename, id })) });
    return data._entities.map((e) => !!e);
  });
  const live = await Promise.all(ids.map((id) => loader.load(id)));
  return ids.filter((_, i) => live[i]);
}
