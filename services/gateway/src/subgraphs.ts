import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CALLER_HEADER } from '@lantoa/kit';
import { GraphQLError } from 'graphql';
import { Agent, fetch } from 'undici';
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
  /** Names of the subgraphs whose /healthz did not answer 2xx within `timeoutMs`; empty when all are up. */
  unhealthy(timeoutMs: number): Promise<string[]>;
  close(): Promise<void>;
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
}): SubgraphPool {
  const agents = new Map<string, Agent>();
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
    return async (url, init) => {
      const timeout = AbortSignal.timeout(o.timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal as AbortSignal, timeout]) : timeout;
      const res = await fetch(url, {
        method: init?.method,
        headers: init?.headers,
        body: init?.body,
        signal,
        dispatcher,
      });
      // undici's Response is a structural superset of the fetcher contract, but its Headers type differs in detail.
      return res as unknown as FetcherResponse;
    };
  };

  return {
    urls: o.urls,
    dataSource(name) {
      return new RemoteGraphQLDataSource<GatewayContext>({
        // The configured URL wins over the one written into the supergraph at composition time.
        url: urlOf(name),
        fetcher: fetcherFor(name),
        // A transport failure (refused, reset, timed out) arrives as a bare Error without extensions, which
        // error plugins cannot annotate; give it a GraphQL shape, keeping the cause for the log.
        didEncounterError(error) {
          if (error instanceof GraphQLError) throw error;
          throw new GraphQLError(`Subgraph "${name}" at ${urlOf(name)} failed: ${describe(error)}`, {
            originalError: error,
            extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' },
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
    async unhealthy(timeoutMs) {
      const results = await Promise.all(
        Object.entries(o.urls).map(async ([name, url]) => {
          try {
            const res = await fetch(new URL('/healthz', url), { dispatcher: agentFor(name), signal: AbortSignal.timeout(timeoutMs) });
            await res.body?.cancel();
            return res.ok ? null : name;
          } catch {
            return name;
          }
        }),
      );
      return results.filter((n): n is string => n !== null);
    },
    async close() {
      await Promise.all([...agents.values()].map((a) => a.close()));
      agents.clear();
    },
  };
}
