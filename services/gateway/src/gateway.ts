import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ANONYMOUS,
  createLogger,
  errorPlugin,
  noSniff,
  requestIdOf,
  scalarLiteralsRule,
  withoutSuggestions,
  type Caller,
  type Logger,
  type RunningServer,
} from '@lantoa/kit';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { armor } from './armor.js';
import { createAuthenticator } from './auth.js';
import type { GatewayConfig } from './config.js';
import { currentRequest, type GatewayContext } from './context.js';
import { formatGatewayError, httpErrorHandler, operationGuardPlugin, unexpectedErrorPlugin, withKitScalars } from './errors.js';
import { requestGuard } from './guard.js';
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from './rate-limit.js';
import { createSubgraphPool, type SubgraphHeaders } from './subgraphs.js';
import { uploadRoutes } from './uploads.js';

export interface GatewayOptions {
  log?: Logger;
  /** Supergraph SDL to serve instead of the file at SUPERGRAPH_PATH. */
  supergraphSdl?: string;
  /** Headers added to every subgraph request (they cannot replace the caller proof, which the gateway sets itself). */
  subgraphHeaders?: SubgraphHeaders;
  /** How long /readyz waits for each subgraph's /readyz. */
  readyTimeoutMs?: number;
  /** Prefix of the rate-limit keys in Redis (tests isolate themselves with their own). */
  rateLimitKeyPrefix?: string;
  /** Consecutive connection failures before the gateway fails fast for a subgraph (3), and how long until it probes again (1 s). */
  subgraphBreaker?: { threshold?: number; coolDownMs?: number };
}

async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read the supergraph at ${path} (run \`pnpm schema\` to generate it): ${(err as Error).message}`);
  }
}

// Apollo's logger takes one message; ours takes a message and fields.
const apolloLogger = (log: Logger) => ({
  debug: (m: unknown) => log.debug(String(m)),
  info: (m: unknown) => log.info(String(m)),
  warn: (m: unknown) => log.warn(String(m)),
  error: (m: unknown) => log.error(String(m)),
});

/**
 * The only public entry point: serves the committed supergraph at /graphql,
 * with limits, CORS, compression and error masking, and plans each operation
 * over the subgraphs at their configured URLs. Every request is authenticated
 * (identity verifies the bearer credential; none means anonymous) and rate
 * limited before its body is read, and every subgraph fetch carries the
 * verified caller signed with GATEWAY_SECRET; nothing the client sent is
 * forwarded.
 */
export async function startGateway(config: GatewayConfig, opts: GatewayOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? createLogger('gateway');
  const production = config.NODE_ENV === 'production';
  const supergraphSdl = opts.supergraphSdl ?? (await readSupergraph(config.SUPERGRAPH_PATH));
  const pool = createSubgraphPool({
    urls: config.subgraphUrls,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    maxSockets: config.SUBGRAPH_MAX_SOCKETS,
    headers: opts.subgraphHeaders,
    log,
    breaker: opts.subgraphBreaker,
  });

  const app = express();
  app.disable('x-powered-by');
  // Behind one reverse proxy, req.ip is the address it appended to X-Forwarded-For; otherwise the socket's.
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  const httpServer = http.createServer(app);
  // Outlive the idle timeout of a reverse proxy's upstream pool, so it never reuses a socket we are closing.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const limits = armor(
    { maxDepth: config.MAX_DEPTH, maxAliases: config.MAX_ALIASES, maxCost: config.MAX_COST, maxDirectives: config.MAX_DIRECTIVES },
    production,
  );
  const apollo = new ApolloServer<GatewayContext>({
    gateway: withKitScalars(
      new ApolloGateway({
        supergraphSdl,
        buildService: ({ name }) => pool.dataSource(name),
        logger: apolloLogger(log),
      }),
    ),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    validationRules: [...limits.validationRules, scalarLiteralsRule()],
    formatError: production ? withoutSuggestions(formatGatewayError) : formatGatewayError,
    logger: apolloLogger(log),
    // main.ts owns the signals: it also has to close the pools and exit.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      errorPlugin(log),
      unexpectedErrorPlugin(log),
      operationGuardPlugin(),
      ...limits.plugins,
    ],
  });
  await apollo.start();

  const authenticator = createAuthenticator({
    identityUrl: config.identityUrl,
    gatewaySecret: config.GATEWAY_SECRET,
    cacheTtlMs: config.AUTH_CACHE_TTL_MS,
    timeoutMs: config.AUTH_TIMEOUT_MS,
    log,
  });
  const limiter: RateLimiter = config.REDIS_URL
    ? await redisRateLimiter({ url: config.REDIS_URL, log, keyPrefix: opts.rateLimitKeyPrefix })
    : memoryRateLimiter();

  app.use(noSniff);
  app.use((req, res, next) => {
    // Only a trusted proxy's id is taken (it made it, for its own logs); a client's could make two requests share
    // one id in every log and audit event. A client's own id is kept beside ours for the logs of its failures.
    const sent = req.header('x-request-id');
    const requestId = config.TRUST_PROXY ? requestIdOf(sent) : requestIdOf(undefined);
    res.locals.requestId = requestId;
    if (!config.TRUST_PROXY && sent && /^[\w.-]{1,100}$/.test(sent)) res.locals.clientRequestId = sent;
    res.setHeader('x-request-id', requestId);
    next();
  });
  // Origins off the list get no CORS headers at all, so browsers refuse to hand them the response.
  app.use(
    cors({
      origin: config.CORS_ORIGINS,
      exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
      maxAge: 600,
    }),
  );
  app.use(compression());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/readyz', async (_req, res) => {
    // Ready when every subgraph is ready (its database answers), so a load balancer stops sending traffic otherwise.
    const down = await pool.unready(opts.readyTimeoutMs ?? 2_000);
    if (down.length === 0) {
      // Redis down is degraded (limits per instance), not unready: the gateway still protects and serves.
      res.json({ status: 'ready', service: 'gateway', rateLimits: limiter.backend() });
      return;
    }
    log.warn('not ready', { unavailable: down });
    res.status(503).json({ status: 'unavailable', service: 'gateway', unavailable: down, circuits: pool.circuits(), rateLimits: limiter.backend() });
  });
  app.use(
    '/graphql',
    // Before the body is read: a refused request costs neither parsing nor planning.
    requestGuard({
      authenticator,
      limiter,
      gatewaySecret: config.GATEWAY_SECRET,
      perCaller: config.RATE_LIMIT_PER_MINUTE,
      perAnonymousIp: config.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      log,
    }),
    express.json({ limit: config.BODY_LIMIT }),
    (req, res, next) => {
      // Express 5 leaves req.body unset for non-JSON bodies; Apollo then answers 500 instead of a clear 400.
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      // Entered after the body is read: stream callbacks would otherwise run outside this request's store.
      currentRequest.run({ requestId: res.locals.requestId as string }, next);
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        requestId: res.locals.requestId as string,
        caller: (res.locals.caller as Caller | undefined) ?? ANONYMOUS,
        proof: res.locals.proof as GatewayContext['proof'],
      }),
    }),
  );
  app.use(uploadRoutes({ config, authenticator, limiter, log })); // PUT /uploads/…, GET /files/… of the kit's attachments
  if (production) app.use((await import('./console.js')).consoleHandler()); // the built admin console at /, after the API routes
  app.use(httpErrorHandler(log, config.BODY_LIMIT));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await apollo.stop().catch(() => undefined);
    await Promise.all([pool.close(), authenticator.close(), limiter.close()]);
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}/graphql`;
  log.info('gateway listening', { url, subgraphs: config.subgraphUrls, rateLimits: limiter.backend() });

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      // Drains in-flight requests (the drain plugin closes the HTTP server), then the subgraph pools.
      stopping ??= apollo.stop().then(() => Promise.all([pool.close(), authenticator.close(), limiter.close()]).then(() => undefined));
      return stopping;
    },
  };
}
