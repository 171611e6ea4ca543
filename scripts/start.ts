/**
 * `pnpm start` / `pnpm dev`: the whole system on one machine with only Node.
 * Database → migrations and demo data → subgraphs → gateway → banner; Ctrl-C
 * or SIGTERM stops the services, then PostgreSQL, and exits 0.
 */
import { ConfigError } from '../services/kit/src/config.js';
import { defaultSubgraphUrl } from '../services/kit/src/services.js';
import { loadDotEnv, loadLauncherConfig, LauncherError, oneLine, portVarOf, type LauncherConfig } from './lib/config.js';
import { describeDatabaseError, openDatabase, type Database } from './lib/database.js';
import { displayHost, isPortFree, reachableHost } from './lib/ports.js';
import { killService, spawnService, stopService, waitReady, type Service } from './lib/processes.js';
import { devSecrets } from './lib/secrets.js';
import { loadSubgraphData, migrateAll, seedAll } from './lib/subgraph-data.js';

const say = (msg: string): void => void process.stdout.write(`[lantoa] ${msg}\n`);
const fail = (msg: string): void => void process.stderr.write(`[lantoa] ${msg}\n`);

const watch = process.argv.includes('--watch');
const seed = !process.argv.includes('--no-seed');

const services: Service[] = [];
let opening: Promise<Database> | undefined;
let stopping: Promise<void> | undefined;

/** Idempotent: the first call decides the exit code; later signals only hurry the children. */
function shutdown(code: number, why?: string): Promise<void> {
  if (stopping) {
    for (const s of services) killService(s);
    return stopping;
  }
  if (why) (code ? fail : say)(why);
  stopping = (async () => {
    try {
      // The gateway first, so nothing queries a subgraph that is going away.
      const [gateway, ...subgraphs] = [...services].reverse();
      if (gateway) await stopService(gateway, say);
      await Promise.all(subgraphs.map((s) => stopService(s, say)));
      const db = await opening?.catch(() => undefined);
      await db?.stop();
    } catch (err) {
      fail(`Shutdown: ${oneLine(err)}`);
      code ||= 1;
    }
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, stopping ? undefined : `${signal}: stopping…`));
}

function onChildExit(s: Service, how: string): void {
  if (stopping) return;
  const hint = how === 'code 78' ? ' (configuration error, see above)' : '';
  void shutdown(1, `${s.name} ${s.ready ? 'exited unexpectedly' : 'exited before it was ready'} (${how})${hint}; stopping everything.`);
}

async function assertPortsFree(cfg: LauncherConfig): Promise<void> {
  const wanted = [['GATEWAY_PORT', cfg.gatewayPort] as const, ...cfg.subgraphs.map((s) => [portVarOf(s), s.port] as const)];
  for (const [name, port] of wanted) {
    if (!(await isPortFree(port, reachableHost(cfg.host)))) {
      throw new LauncherError(`Port ${port} (${name}) is already in use; stop what listens there or set ${name} to a free port.`);
    }
  }
}

function banner(cfg: LauncherConfig, db: Database, accounts: string[], phases: string): void {
  const host = displayHost(cfg.host);
  const gateway = `http://${host}:${cfg.gatewayPort}/graphql`;
  const width = Math.max(...cfg.subgraphs.map((s) => s.name.length), 'gateway'.length) + 2;
  const signIn = 'mutation { signIn(email: \\"xem@lantoa.vn\\", password: \\"LanToa@2026\\") { accessToken } }';
  const query = '{ organizations(filter: { q: \\"bac kan\\" }) { totalCount nodes { name } } }';
  const lines = [
    '',
    `  Lan Tỏa is running — ready in ${process.uptime().toFixed(1)} s (${phases})`,
    '',
    `  ${'gateway'.padEnd(width)}${gateway}`,
    ...cfg.subgraphs.map((s) => `  ${s.name.padEnd(width)}http://${host}:${s.port}/graphql`),
    `  ${'data'.padEnd(width)}${db.where}`,
    '',
    ...accounts,
    '  Try (sign in, then query with the access token):',
    `    TOKEN=$(curl -s ${gateway} -H 'content-type: application/json' \\`,
    `      -d '{"query":"${signIn}"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')`,
    `    curl -s ${gateway} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
    `      -d '{"query":"${query}"}'`,
    '',
    `  ${watch ? 'Watching for changes. ' : ''}Ctrl-C stops everything.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The demo users (one per role), when the demo data was loaded. */
async function demoAccounts(): Promise<string[]> {
  if (!seed) return [];
  // Already loaded with the subgraph packages: this import costs nothing.
  const { DEMO_USERS, DEMO_PASSWORD } = await import('@lantoa/identity');
  return [
    `  Demo accounts, password ${DEMO_PASSWORD} (demo data only — never in a real deployment):`,
    ...DEMO_USERS.map((u) => `    ${u.role.padEnd(11)}${u.email.padEnd(26)}${u.displayName}`),
    '',
  ];
}

async function main(): Promise<void> {
  loadDotEnv();
  const cfg = loadLauncherConfig();
  await assertPortsFree(cfg);
  const t0 = performance.now();
  const seconds = (from: number, to: number = performance.now()): string => ((to - from) / 1000).toFixed(1);

  // Loading the subgraph packages takes seconds of CPU: overlap it with PostgreSQL's start.
  const data = loadSubgraphData(cfg.subgraphs);
  opening = openDatabase(cfg, say);
  const db = await opening;
  const subgraphData = await data;
  if (stopping) return;
  const t1 = performance.now();
  try {
    await migrateAll(subgraphData, db.url, say);
    if (seed) await seedAll(subgraphData, db.url, say);
  } catch (err) {
    throw new LauncherError(describeDatabaseError(err, db) ?? `Migrations or demo data failed: ${oneLine(err)}`, { cause: err });
  }
  if (stopping) return;
  const t2 = performance.now();

  const host = reachableHost(cfg.host);
  // Children inherit the launcher's environment (LOG_LEVEL, NODE_ENV, CORS_ORIGINS…), never each other's ports.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  // Every service learns where the subgraphs are (the gateway routes to them; identity reads their audit logs).
  const urls = Object.fromEntries(cfg.subgraphs.map((s) => [s.urlEnv, defaultSubgraphUrl(s, host)]));
  const baseEnv = { ...inherited, ...devSecrets(cfg.secretsFile), ...urls };
  const subgraphs = cfg.subgraphs.map((s) =>
    spawnService({ name: s.name, port: s.port, host: cfg.host, env: { ...baseEnv, DATABASE_URL: db.url }, watch, onExit: onChildExit }),
  );
  services.push(...subgraphs);
  await Promise.all(subgraphs.map((s) => waitReady(s)));
  if (stopping) return;

  const gateway = spawnService({ name: 'gateway', port: cfg.gatewayPort, host: cfg.host, env: baseEnv, watch, onExit: onChildExit });
  services.push(gateway);
  await waitReady(gateway);
  if (stopping) return;

  banner(cfg, db, await demoAccounts(), `database and packages ${seconds(t0, t1)} s, migrations and data ${seconds(t1, t2)} s, services ${seconds(t2)} s`);
}

main().catch((err: unknown) => {
  if (stopping) return; // A signal or a dead child already explains the failure.
  const known = err instanceof LauncherError || err instanceof ConfigError;
  // The embedded server's message carries PostgreSQL's own last log lines: print them all.
  const embedded = err instanceof Error && err.name === 'EmbeddedPostgresError';
  fail(known ? oneLine(err) : embedded ? (err as Error).message : `Failed to start: ${oneLine(err)}`);
  if (process.env.LOG_LEVEL === 'debug') console.error(err);
  void shutdown(1);
});
