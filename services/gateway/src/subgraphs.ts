import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, createLogger, ErrorCode, type Logger } from '@lantoa/kit';
import { GraphQLError, Kind, parse, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { Agent, fetch } from 'undici';
import { createCircuitBreaker, SubgraphUnavailableError, type CircuitBreaker } from './breaker.js';
import type { GatewayContext } from './context.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Extra headers for every subgraph request. They cannot replace the caller
 * proof, which the gateway sets last; no header of the client's is forwarded.
 */
export type SubgraphHeaders = (context: GatewayContext) => Record<string, string> | Promise<Record<string, string>>;

// undici reports "fetch failed" and keeps the reason (ECONNREFUSED, timeout) in `cause`.
const describe = (error: Error): string => {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
};

export interface SubgraphPool {
  /** Subgraph name → its configured /graphql URL. */
  readonly urls: Readonly<Record<string, string>>;
  dataSource(name: string): RemoteGraphQLDataSource<GatewayContext>;
  /** Names of the subgraphs whose /readyz (their database answers) did not answer 2xx within `timeoutMs`; empty when all are ready. */
  unready(timeoutMs: number): Promise<string[]>;
  /** Subgraph name → its circuit breaker's state, for /readyz. */
  circuits(): Record<string, string>;
  close(): Promise<void>;
}

/** HTTP statuses a proxy or load balancer in front of a subgraph answers when the subgraph itself is down. */
const DOWN_STATUSES = new Set([502, 503, 504]);

const UNAVAILABLE_MESSAGE = 'This part of the answer is unavailable right now: a service behind the gateway is down or not answering. Try again shortly.';
// A mutation sent to a subgraph that then timed out or dropped the connection may have been applied.
const UNKNOWN_OUTCOME_MESSAGE = 'The service behind the gateway did not answer in time: this change may or may not have been made. Check before trying again.';

/** Connection errors that mean the request was never delivered: nothing can have been changed. */
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const causeCode = (err: unknown): string | undefined => ((err as Error).cause as { code?: string } | undefined)?.code;

function fetchOperation(options: GraphQLDataSourceProcessOptions<GatewayContext>): OperationDefinitionNode | undefined {
  try {
    // The planner hands over the parsed fetch operation; parse the query only if it did not.
    const doc = ('document' in options && options.document) || parse(options.request.query ?? '');
    return doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return undefined;
  }
}

/** The response paths a fetch would have filled: its root fields, or one entity per representation. */
function pathsOf(options: GraphQLDataSourceProcessOptions<GatewayContext>, op: OperationDefinitionNode | undefined): (string | number)[][] {
  const representations = options.request.variables?.representations;
  const selections: SelectionSetNode['selections'] = op?.selectionSet.selections ?? [];
  const names: string[] = [];
  const collect = (list: SelectionSetNode['selections']) => {
    for (const sel of list) {
      if (sel.kind === Kind.FIELD && sel.name.value !== '__typename') names.push(sel.alias?.value ?? sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet.selections);
    }
  };
  collect(selections);
  // The gateway maps ['_entities', i] to the path of the i-th entity in the client's answer.
  if (names.length === 1 && names[0] === '_entities' && Array.isArray(representations)) return representations.map((_r, i) => ['_entities', i]);
  return names.map((n) => [n]);
}

/**
 * A data source that answers for an unavailable subgraph instead of failing
 * the whole operation: one SERVICE_UNAVAILABLE error per field the fetch would
 * have filled, with its path. The gateway then returns what the other
 * subgraphs sent, with null (and GraphQL's null propagation) where this one's
 * fields would have been.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (err) {
      if (!(err instanceof SubgraphUnavailableError)) throw err;
      const op = fetchOperation(options);
      const message = op?.operation === 'mutation' && err.mayHaveArrived ? UNKNOWN_OUTCOME_MESSAGE : UNAVAILABLE_MESSAGE;
      const errors: GraphQLFormattedError[] = pathsOf(options, op).map((path) => ({ message, path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }));
      if (!errors.length) errors.push({ message, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
      return { errors };
    }
  }
}

/**
 * One keep-alive undici pool per subgraph: the per-request cost of the
 * gateway is dominated by connection setup otherwise, and a bounded pool
 * keeps a slow subgraph from absorbing every socket.
 */
export function createSubgraphPool(o: {
  urls: Record<string, string>;
  timeoutMs: number;
  maxSockets: number;
  headers?: SubgraphHeaders;
  log?: Logger;
  /** Consecutive connection failures that make the gateway fail fast for a subgraph, and for how long before probing it. */
  breaker?: { threshold?: number; coolDownMs?: number };
}): SubgraphPool {
  const log = o.log ?? createLogger('gateway');
  const agents = new Map<string, Agent>();
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (name: string): CircuitBreaker => {
    let breaker = breakers.get(name);
    if (!breaker) {
      breaker = createCircuitBreaker({ subgraph: name, log, ...o.breaker });
      breakers.set(name, breaker);
    }
    return breaker;
  };
  const agentFor = (name: string): Agent => {
    let agent = agents.get(name);
    if (!agent) {
      // Shorter than the subgraph's keepAliveTimeout (65 s), so we never reuse a socket the server is closing.
      agent = new Agent({ connections: o.maxSockets, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
      agents.set(name, agent);
    }
    return agent;
  };
  const urlOf = (name: string): string => {
    const url = o.urls[name];
    if (!url) throw new Error(`The supergraph names subgraph "${name}", which has no configured URL.`);
    return url;
  };

  const fetcherFor = (name: string): Fetcher => {
    const dispatcher = agentFor(name);
    const breaker = breakerFor(name);
    return async (url, init) => {
      const requestId = (init?.headers as Record<string, string> | undefined)?.['x-request-id'];
      breaker.admit(); // throws at once while the subgraph is known to be down
      const timeout = AbortSignal.timeout(o.timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal as AbortSignal, timeout]) : timeout;
      let res;
      try {
        res = await fetch(url, { method: init?.method, headers: init?.headers, body: init?.body, signal, dispatcher });
      } catch (err) {
        // Refused, reset, or timed out: the subgraph is not there for us, whatever the cause.
        const reason = describe(err as Error);
        breaker.failed(reason, requestId);
        throw new SubgraphUnavailableError(name, reason, { cause: err, mayHaveArrived: !NOT_DELIVERED.has(causeCode(err) ?? '') });
      }
      if (DOWN_STATUSES.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        breaker.failed(`HTTP ${res.status}`, requestId);
        throw new SubgraphUnavailableError(name, `HTTP ${res.status}`);
      }
      breaker.succeeded();
      // undici's Response is a structural superset of the fetcher contract, but its Headers type differs in detail.
      return res as unknown as FetcherResponse;
    };
  };

  return {
    urls: o.urls,
    dataSource(name) {
      return new SubgraphDataSource({
        // The configured URL wins over the one written into the supergraph at composition time.
        url: urlOf(name),
        fetcher: fetcherFor(name),
        // A transport failure (refused, reset, timed out) arrives as a bare Error without extensions, which
        // error plugins cannot annotate; give it a GraphQL shape, keeping the cause for the log.
        didEncounterError(error) {
          if (error instanceof GraphQLError || error instanceof SubgraphUnavailableError) throw error;
          throw new GraphQLError(`Subgraph "${name}" at ${urlOf(name)} failed: ${describe(error)}`, {
            originalError: error,
            // Not the caller's doing: masked as INTERNAL_SERVER_ERROR, the cause is logged under the request id.
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          });
        },
        // The request to the subgraph is built from scratch: nothing the client sent (its Authorization, its own
        // x-lantoa-caller) is copied, only the variables below.
        async willSendRequest({ request, context }) {
          const ctx = context as Partial<GatewayContext>;
          const headers = request.http?.headers;
          if (!ctx.requestId || !headers) return; // health checks and schema loading carry no request
          headers.set('x-request-id', ctx.requestId);
          for (const [k, v] of Object.entries((await o.headers?.(ctx as GatewayContext)) ?? {})) headers.set(k, v);
          // Last, so that no hook can replace it. Without it the subgraph answers 401, which is the safe failure.
          if (ctx.proof) headers.set(CALLER_HEADER, await ctx.proof());
          else headers.delete(CALLER_HEADER);
        },
      });
    },
    async unready(timeoutMs) {
      const results = await Promise.all(
        Object.entries(o.urls).map(async ([name, url]) => {
          try {
            // /readyz, not /healthz: a subgraph whose database is down is up but cannot serve.
            const res = await fetch(new URL('/readyz', url), { dispatcher: agentFor(name), signal: AbortSignal.timeout(timeoutMs) });
            await res.body?.cancel();
            return res.ok ? null : name;
          } catch {
            return name;
          }
        }),
      );
      return results.filter((n): n is string => n !== null);
    },
    circuits: () => Object.fromEntries(Object.keys(o.urls).map((name) => [name, breakerFor(name).state()])),
    async close() {
      await Promise.all([...agents.values()].map((a) => a.close()));
      agents.clear();
    },
  };
}
