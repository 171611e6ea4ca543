import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Orm } from '../database/orm.js';
import { sqlStats } from '../database/sql-stats.js';
import { Loaders, type RequestContext } from '../graphql/context.js';
import type { Logger } from '../log.js';
import { errorPlugin, formatError } from './errors.js';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes the gateway's request id when it is well-formed, so one id follows a request through every log. */
export const requestIdOf = (header: string | undefined) => (header && REQUEST_ID.test(header) ? header : randomUUID());

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
}): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Keep idle connections from the gateway's pool open longer than the gateway keeps them.
  httpServer.keepAliveTimeout = 65_000;
  let requests = 0;

  const apollo = new ApolloServer<RequestContext>({
    schema: o.schema,
    introspection: !o.production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), errorPlugin(o.log)],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: o.name });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await o.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready', service: o.name });
    } catch (err) {
      o.log.warn('not ready', { error: err });
      res.status(503).json({ status: 'unavailable', service: o.name });
    }
  });
  app.get('/metrics', (_req, res) => {
    res.type('text/plain').send(
      `# TYPE lantoa_sql_statements_total counter\nlantoa_sql_statements_total{service="${o.name}"} ${sqlStats.statements}\n` +
        `# TYPE lantoa_graphql_requests_total counter\nlantoa_graphql_requests_total{service="${o.name}"} ${requests}\n`,
    );
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        requests++;
        return { requestId: requestIdOf(req.header('x-request-id')), em: o.orm.em.fork(), caller: null, loaders: new Loaders() };
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
