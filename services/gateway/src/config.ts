import { commonEnv, csv, defaultSubgraphUrl, GATEWAY_PORT, loadConfig, port, SUBGRAPHS } from '@lantoa/kit';
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
const byteSize = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'must be a size such as 100kb or 1mb')
  .default('100kb');

const staticShape = {
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
};

type StaticConfig = z.infer<z.ZodObject<typeof staticShape>>;

export interface GatewayConfig extends StaticConfig {
  /** Subgraph name → its /graphql URL, from each subgraph's `urlEnv` variable. */
  subgraphUrls: Record<string, string>;
}

/** Reads and validates the gateway's environment; throws ConfigError naming every bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const urlShape = Object.fromEntries(SUBGRAPHS.map((s) => [s.urlEnv, httpUrl.default(defaultSubgraphUrl(s))]));
  const raw = loadConfig({ ...staticShape, ...urlShape }, env) as StaticConfig & Record<string, string>;
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, raw[s.urlEnv]!]));
  const config: Record<string, unknown> = { ...raw, subgraphUrls };
  for (const s of SUBGRAPHS) delete config[s.urlEnv];
  return config as unknown as GatewayConfig;
}
