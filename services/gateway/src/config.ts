import { commonEnv, csv, defaultSubgraphUrl, GATEWAY_PORT, gatewaySecret, loadConfig, port, REQUEST_BODY_LIMIT, SUBGRAPHS } from '@lantoa/kit';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The committed supergraph, found from this file so the gateway starts from any working directory. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url));

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// URL');

// An origin as browsers send it: scheme, host and port, no path or trailing slash.
const origin = httpUrl.refine((u) => new URL(u).origin === u, 'must be an origin such as https://console.example.vn (no path, no trailing slash)');

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

// Same grammar as the `bytes` package express uses, so a value accepted here never fails at start.
// The default lets the largest document through in any JSON encoding (kit/http/body-limit.ts).
const byteSize = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'must be a size such as 100kb or 1mb')
  .default(REQUEST_BODY_LIMIT);

const redisUrl = z
  .string()
  .url()
  .refine((u) => /^rediss?:\/\//.test(u), 'must be a redis:// or rediss:// URL');

// z.coerce.boolean() reads "false" as true; accept only the spellings people mean.
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(fallback ? 'true' : 'false');

/** Every variable the gateway reads except the per-subgraph URLs (see gatewayVariables). */
export const gatewayShape = {
  ...commonEnv,
  PORT: port(GATEWAY_PORT),
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  CORS_ORIGINS: csv.pipe(z.array(origin)).default('http://localhost:5173,http://127.0.0.1:5173'),
  SUBGRAPH_TIMEOUT_MS: positiveInt(10_000, 600_000),
  SUBGRAPH_MAX_SOCKETS: positiveInt(64, 10_000),
  MAX_DEPTH: positiveInt(12, 1_000),
  MAX_ALIASES: positiveInt(15, 10_000),
  MAX_COST: positiveInt(5_000, 10_000_000),
  MAX_TOKENS: positiveInt(3_000, 10_000_000),
  MAX_DIRECTIVES: positiveInt(50, 10_000),
  BODY_LIMIT: byteSize,
  /** Shared with every subgraph: signs the verified caller the gateway forwards. */
  GATEWAY_SECRET: gatewaySecret,
  /** How long a verified credential is trusted without asking identity again; 0 asks on every request. */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** How long the gateway waits for identity to verify a credential before answering 503. */
  AUTH_TIMEOUT_MS: positiveInt(3_000, 60_000),
  /** Shared rate-limit counters across gateway instances; unset: counters in this process's memory. */
  REDIS_URL: redisUrl.optional(),
  /** Requests per minute per signed-in user or API token. */
  RATE_LIMIT_PER_MINUTE: positiveInt(600, 1_000_000),
  /** Requests per minute per client IP without credentials; also the budget of failed credentials per IP. */
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: positiveInt(60, 1_000_000),
  /** Behind one reverse proxy: take the client IP from the last X-Forwarded-For entry it appends. */
  TRUST_PROXY: flag(false),
};

/** Every environment variable the gateway reads, for the docker-compose consistency test. */
export const gatewayVariables: string[] = [...Object.keys(gatewayShape), ...SUBGRAPHS.map((s) => s.urlEnv)];

type StaticConfig = z.infer<z.ZodObject<typeof gatewayShape>>;

export interface GatewayConfig extends StaticConfig {
  /** Subgraph name → its /graphql URL, from each subgraph's `urlEnv` variable. */
  subgraphUrls: Record<string, string>;
  /** The identity subgraph's /graphql URL; credentials are verified at /internal/authenticate beside it. */
  identityUrl: string;
}

/** The subgraph that verifies credentials. */
export const IDENTITY_SUBGRAPH = 'identity';

/** Reads and validates the gateway's environment; throws ConfigError naming every bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const urlShape = Object.fromEntries(SUBGRAPHS.map((s) => [s.urlEnv, httpUrl.default(defaultSubgraphUrl(s))]));
  const raw = loadConfig({ ...gatewayShape, ...urlShape }, env) as StaticConfig & Record<string, string>;
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, raw[s.urlEnv]!]));
  const identityUrl = subgraphUrls[IDENTITY_SUBGRAPH];
  if (!identityUrl) throw new Error(`kit's SUBGRAPHS has no "${IDENTITY_SUBGRAPH}" entry; the gateway cannot verify credentials without it.`);
  const config: Record<string, unknown> = { ...raw, subgraphUrls, identityUrl };
  for (const s of SUBGRAPHS) delete config[s.urlEnv];
  return config as unknown as GatewayConfig;
}
