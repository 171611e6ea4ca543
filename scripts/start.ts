/**
 * `pnpm start` / `pnpm dev`: the whole system on one machine with only Node.
 * Database → migrations and demo data → subgraphs → gateway → console → banner; Ctrl-C
 * or SIGTERM stops the services, then PostgreSQL, and exits 0. Meanwhile it is
 * the supervisor: a crashed service (the console's server is one) or PostgreSQL
 * is restarted with backoff, and everything stops if the command that started
 * it (pnpm) goes away. It only starts, watches and stops: it opens no port and
 * parses no client's request, so no request can bring the whole system down.
 */
import { ConfigError } from '../services/kit/src/config.js';
import { assertBuilt } from './lib/compiled.js';
import { defaultSubgraphUrl } from '../services/kit/src/services.js';
import { loadDotEnv, loadLauncherConfig, LauncherError, oneLine, portVarOf, type LauncherConfig } from './lib/config.js';
import { describeDatabaseError, openDatabase, type Database } from './lib/database.js';
import { displayHost, isPortFree, reachableHost } from './lib/ports.js';
import { watchParents } from './lib/parents.js';
import { superviseService, type Supervised } from './lib/processes.js';
import { devSecrets } from './lib/secrets.js';
import { migrateAll, seedAll } from './lib/subgraph-data.js';
import { loadSubgraphs } from './lib/subgraphs.js';

const say = (msg: string): void => void process.stdout.write(`[lantoa] ${msg}\n`);
const fail = (msg: string): void => void process.stderr.write(`[lantoa] ${msg}\n`);

const watch = process.argv.includes('--watch');
const seed = !process.argv.includes('--no-seed');
// `pnpm start --compiled`: the services run what `pnpm build` made, as in production.
const compiled = process.argv.includes('--compiled');

/** The subgraphs, then the gateway. */
const services: Supervised[] = [];
let consoleServer: Supervised | undefined;
let opening: Promise<Database> | undefined;
let stopping: Promise<void> | undefined;

/** Idempotent: the first call decides the exit code; later signals only hurry the children. */
function shutdown(code: number, why?: string): Promise<void> {
  if (stopping) {
    for (const s of [...services, consoleServer]) s?.kill();
    return stopping;
  }
  if (why) (code ? fail : say)(why);
  stopping = (async () => {
    try {
      // The console and the gateway first, so nothing queries a subgraph that is going away.
      await consoleServer?.stop(say);
      const [gateway, ...subgraphs] = [...services].reverse();
      if (gateway) await gateway.stop(say);
      await Promise.all(subgraphs.map((s) => s.stop(say)));
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

// A process manager or an IDE stops `pnpm start` by signalling pnpm alone; its child shell dies, we would live on.
watchParents((who) => void shutdown(0, stopping ? undefined : `${who} has exited: stopping…`));

/** The supervisor's last resort (see superviseService): a service that cannot be kept running stops the system. */
const giveUp = (why: string): void => void (stopping || shutdown(1, `${why}; stopping everything.`));
const supervision = { say, stopping: () => stopping !== undefined, giveUp };

async function assertPortsFree(cfg: LauncherConfig): Promise<void> {
  const wanted = [
    ['GATEWAY_PORT', cfg.gatewayPort] as const,
    ['CONSOLE_PORT', cfg.consolePort] as const,
    ...cfg.subgraphs.map((s) => [portVarOf(s), s.port] as const),
  ];
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
    `  ${'console'.padEnd(width)}http://${host}:${cfg.consolePort}/   ← open this in a browser`,
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
    `  ${watch ? 'Watching for changes. ' : ''}A crashed service is restarted. Ctrl-C stops everything.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The demo users (one per role), when the demo data was loaded. */
async function demoAccounts(): Promise<string[]> {
  // In production identity's seed creates no demo user: there are none to print.
  if (!seed || process.env.NODE_ENV === 'production') return [];
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
  if (compiled) await assertBuilt([...cfg.subgraphs.map((s) => s.name), 'gateway']);
  const t0 = performance.now();
  const seconds = (from: number, to: number = performance.now()): string => ((to - from) / 1000).toFixed(1);

  // Loading the subgraph packages takes seconds of CPU: overlap it with PostgreSQL's start.
  const data = loadSubgraphs();
  opening = openDatabase(cfg, say);
  const db = await opening;
  db.supervise?.(supervision);
  const subgraphData = await data;
  if (stopping) return;
  const t1 = performance.now();
  try {
    await migrateAll(subgraphData, db.url, say);
    if (seed) await seedAll(subgraphData, db.url, say, { production: process.env.NODE_ENV === 'production' });
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
    superviseService({ name: s.name, port: s.port, host: cfg.host, env: { ...baseEnv, DATABASE_URL: db.url }, watch, compiled }, supervision),
  );
  services.push(...subgraphs);
  await Promise.all(subgraphs.map((s) => s.ready));
  if (stopping) return;

  const gateway = superviseService({ name: 'gateway', port: cfg.gatewayPort, host: cfg.host, env: baseEnv, watch, compiled }, supervision);
  services.push(gateway);
  await gateway.ready;
  if (stopping) return;

  // The console's server, in its own process: the built files (rebuilt when the sources are newer), or Vite's dev
  // server with --watch (which reloads by itself); ready when its page answers.
  consoleServer = superviseService(
    {
      name: 'console',
      port: cfg.consolePort,
      host: cfg.host,
      env: { ...inherited, GATEWAY_URL: `http://${host}:${cfg.gatewayPort}/graphql`, CONSOLE_MODE: watch ? 'dev' : 'built' },
      watch,
      script: 'admin/server.ts',
      readyPath: '/',
    },
    supervision,
  );
  await consoleServer.ready;
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
