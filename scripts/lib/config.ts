// Straight from the kit's two dependency-free modules, not its index: the index
// loads the ORM and GraphQL stack (seconds), and a bad variable or a busy port
// should be reported at once.
import { commonEnv, ConfigError, loadConfig, postgresUrl } from '../../services/kit/src/config.js';
import { GATEWAY_PORT, SUBGRAPHS, type SubgraphInfo } from '../../services/kit/src/services.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** Not 5432, so the embedded server never collides with a PostgreSQL already installed on the machine. */
export const DEFAULT_EMBEDDED_PG_PORT = 5433;
/** Everything the launcher keeps between runs (git-ignored); LANTOA_DATA_DIR moves it. */
export const DEFAULT_DATA_DIR: string = join(repoRoot, '.data');

/** A launcher failure whose message is the whole story: printed as one line, without a stack. */
export class LauncherError extends Error {
  override name = 'LauncherError';
}

/** ORGANIZATIONS_PORT for `organizations`: the launcher's per-subgraph port override. */
export const portVarOf = (s: SubgraphInfo): string => `${s.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_PORT`;

// The launcher must know each port in advance to hand URLs to the gateway, so 0 ("any") is refused.
const fixedPort = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const databaseShape = {
  ...commonEnv,
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_PORT: fixedPort(DEFAULT_EMBEDDED_PG_PORT),
  LANTOA_DATA_DIR: z.string().min(1).optional(),
};

export interface DatabaseConfig {
  /** Set: use this server as is. Unset: run the embedded server. */
  databaseUrl: string | undefined;
  embeddedPort: number;
  /** The embedded server's data directory, <data dir>/postgres. */
  postgresDir: string;
  /** Development secrets made up by the launcher, <data dir>/dev-secrets.env. */
  secretsFile: string;
}

export interface LauncherConfig extends DatabaseConfig {
  /** Interface every service binds (HOST); the launcher reaches them on loopback when it is 0.0.0.0. */
  host: string;
  gatewayPort: number;
  /** Where the console is served (CONSOLE_PORT), its /graphql forwarded to the gateway. */
  consolePort: number;
  subgraphs: SubgraphInfo[];
}

/** The variables of `pnpm db:migrate|seed`; exported so the compose test can check the `migrate` service. */
export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const raw = loadConfig(databaseShape, env);
  const dataDir = raw.LANTOA_DATA_DIR ? resolve(raw.LANTOA_DATA_DIR) : DEFAULT_DATA_DIR;
  return {
    databaseUrl: raw.DATABASE_URL,
    embeddedPort: raw.EMBEDDED_PG_PORT,
    postgresDir: join(dataDir, 'postgres'),
    secretsFile: join(dataDir, 'dev-secrets.env'),
  };
}

/** Every variable `pnpm db:*` reads, for the docker-compose and .env.example checks. */
export const databaseVariables: string[] = Object.keys(databaseShape);

/** Every variable the launcher itself reads (its children read their own). */
export const launcherVariables = (): string[] => [...databaseVariables, 'GATEWAY_PORT', 'CONSOLE_PORT', ...SUBGRAPHS.map(portVarOf), 'LANTOA_ENV_FILE'];

export function loadLauncherConfig(env: Record<string, string | undefined> = process.env): LauncherConfig {
  // 5173: the port the gateway's default CORS list names, though the console needs none (it forwards /graphql).
  const ports: Record<string, ReturnType<typeof fixedPort>> = { GATEWAY_PORT: fixedPort(GATEWAY_PORT), CONSOLE_PORT: fixedPort(5173) };
  for (const s of SUBGRAPHS) ports[portVarOf(s)] = fixedPort(s.port);
  const raw = loadConfig(ports, env) as Record<string, number>;
  const config: LauncherConfig = {
    ...loadDatabaseConfig(env),
    host: loadConfig(commonEnv, env).HOST,
    gatewayPort: raw.GATEWAY_PORT!,
    consolePort: raw.CONSOLE_PORT!,
    subgraphs: SUBGRAPHS.map((s) => ({ ...s, port: raw[portVarOf(s)]! })),
  };
  const used = new Map<number, string>();
  for (const [name, port] of Object.entries(raw)) {
    if (used.has(port)) throw new LauncherError(`${name} and ${used.get(port)} are both ${port}; every service needs its own port.`);
    used.set(port, name);
  }
  if (!config.databaseUrl && used.has(config.embeddedPort)) {
    throw new LauncherError(`EMBEDDED_PG_PORT and ${used.get(config.embeddedPort)} are both ${config.embeddedPort}; pick another port.`);
  }
  return config;
}

/**
 * Loads `.env` from the repository (or LANTOA_ENV_FILE) when present, so the
 * file made from .env.example works for `pnpm start` as it does for compose.
 * Variables already in the environment win.
 */
export function loadDotEnv(env: NodeJS.ProcessEnv = process.env): void {
  const file = env.LANTOA_ENV_FILE ? resolve(env.LANTOA_ENV_FILE) : join(repoRoot, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** "Invalid configuration:\n  A: x\n  B: y" → one line, for a launcher that promises one-line errors. */
export function oneLine(err: unknown): string {
  if (err instanceof ConfigError) return err.message.replace(/:\n\s+/, ': ').replace(/\n\s+/g, '; ');
  return err instanceof Error ? err.message : String(err);
}
