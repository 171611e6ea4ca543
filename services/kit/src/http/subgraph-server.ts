import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Orm } from '../database/orm.js';
import { sqlStats } from '../database/sql-stats.js';
import { AUDIT_EVENTS_PATH, auditEventsHandler } from '../audit/audit-endpoint.js';
import type { AuditVisibility } from '../audit/audit-queries.js';
import { CALLER_HEADER, verifyCallerProof, type CallerProof } from '../auth/index.js';
import { ErrorCode } from '../errors.js';
import { Loaders, type RequestContext } from '../graphql/context.js';
import type { Logger } from '../log.js';
import { sendHttpError } from './wire.js';
import { SUBGRAPH_BODY_LIMIT } from './body-limit.js';
import { errorPlugin, formatError, withoutSuggestions } from './errors.js';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export { requestIdOf } from './wire.js';

/** Browsers must take every answer for the type it declares (JSON), never sniff it into HTML or script. */
export const noSniff: express.RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
};

/**
 * Subgraphs trust only the gateway: a request without its valid signed proof
 * is refused with 401 before any GraphQL runs (defence in depth: the network
 * should not let it through either).
 */
export function requireGatewayProof(secret: string): express.RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.proof = await verifyCallerProof(req.header(CALLER_HEADER), secret);
      next();
    } catch {
      sendHttpError(req, res, 401, ErrorCode.UNAUTHENTICATED, 'This service only answers requests that come through the Lan Tỏa gateway.');
    }
  };
}

/**
 * Serves one subgraph: POST /graphql, plus /healthz (process up), /readyz
 * (database answers) and /metrics (counters for the benchmark and monitoring).
 */
export async function startSubgraphServer(o: {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  host: string;
  port: number;
  log: Logger;
  production: boolean;
  /** Shared with the gateway: only requests carrying its signed proof are served. */
  gatewaySecret: string;
  /** Extra routes (internal endpoints), mounted before /graphql. */
  routes?: (app: express.Express) => void;
  /** Who may read which of this subgraph's audit events (served to the identity subgraph's auditEvents). */
  auditVisibility: AuditVisibility;
  /** Why the service cannot answer yet (e.g. its organization directory has not synced), or null; /readyz answers 503 meanwhile. */
  notReadyBecause?: () => string | null;
}): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(noSniff);
  const httpServer = http.createServer(app);
  // Keep idle connections from the gateway's pool open longer than the gateway keeps them.
  httpServer.keepAliveTimeout = 65_000;
  let requests = 0;

  const apollo = new ApolloServer<RequestContext>({
    schema: o.schema,
    introspection: !o.production,
    includeStacktraceInErrorResponses: false,
    // The process entry (main.ts) owns signals and stops the ORM too; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    formatError: o.production ? withoutSuggestions(formatError) : formatError,
    // Cache control is on by default and wraps every field resolver; nothing here sets cache hints.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      errorPlugin(o.log),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: o.name });
  });
  app.get('/readyz', async (_req, res) => {
    const waiting = o.notReadyBecause?.();
    if (waiting) return void res.status(503).json({ status: 'unavailable', service: o.name, reason: waiting });
    try {
      await o.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready', service: o.name });
    } catch (err) {
      o.log.warn('not ready', { error: err });
      res.status(503).json({ status: 'unavailable', service: o.name });
    }
  });
  // Counters tell an outsider how busy the service is: only the gateway (or a holder of its secret) may read them.
  app.get('/metrics', requireGatewayProof(o.gatewaySecret), (_req, res) => {
    res
      .type('text/plain')
      .send(
        `# TYPE lantoa_sql_statements_total counter\nlantoa_sql_statements_total{service="${o.name}"} ${sqlStats.statements}\n` +
          `# TYPE lantoa_graphql_requests_total counter\nlantoa_graphql_requests_total{service="${o.name}"} ${requests}\n`,
      );
  });
  o.routes?.(app);
  app.post(AUDIT_EVENTS_PATH, express.json({ limit: '64kb' }), requireGatewayProof(o.gatewaySecret), auditEventsHandler(o.orm, o.auditVisibility));
  app.use(
    '/graphql',
    express.json({ limit: SUBGRAPH_BODY_LIMIT }),
    requireGatewayProof(o.gatewaySecret),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        requests++;
        const proof = res.locals.proof as CallerProof;
        // The logger context travels with every fork of this EntityManager; the audit subscriber reads it (requestOf).
        return {
          requestId: proof.requestId,
          em: o.orm.em.fork({ loggerContext: { request: proof } }),
          caller: proof.caller,
          loaders: new Loaders(),
          clientAddress: proof.clientAddress,
        };
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(o.port, o.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${o.host}:${port}/graphql`;
  o.log.info('subgraph listening', { url });
  return {
    url,
    port,
    async stop() {
      await apollo.stop();
    },
  };
}
