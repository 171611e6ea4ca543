/**
 * `pnpm start` as a user meets it: the real launcher in a child process, with
 * the embedded PostgreSQL on a fresh data directory, queried over HTTP (and
 * attacked with hostile requests on every port it opens), then stopped by
 * SIGTERM, restarted on the same data, and SIGKILLed.
 */
import { CONSOLE_SECURITY_HEADERS, SUBGRAPHS } from '@lantoa/kit';
import { freePort } from '@lantoa/kit/testing';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { portVarOf } from '../scripts/lib/config.js';
import { attack, type Listener, type ListenerFigures } from './support/hostile-requests.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BANNER = /Lan Tỏa is running/;

interface Launcher {
  proc: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

let dataDir: string;
let ports: { pg: number; gateway: number; console: number; subgraphs: Record<string, number> };
const launched: Launcher[] = [];

function launch(extraEnv: Record<string, string> = {}, { args = [] as string[], cwd = root } = {}): Launcher {
  // No DATABASE_URL: the embedded path is the one under test.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd,
    env: {
      ...env,
      LANTOA_DATA_DIR: dataDir,
      LANTOA_ENV_FILE: '/dev/null', // a developer's .env must not redirect the test
      EMBEDDED_PG_PORT: String(ports.pg),
      GATEWAY_PORT: String(ports.gateway),
      CONSOLE_PORT: String(ports.console),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [portVarOf(s), String(ports.subgraphs[s.name])])),
      NODE_ENV: 'development', // as `pnpm start` runs; vitest's "test" changes library behaviour
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const l: Launcher = { proc, output: () => out, exited: new Promise((r) => proc.once('exit', (code) => r(code))) };
  launched.push(l);
  return l;
}

// A first start on a busy 2-core machine (tsx compiling every service while other test files run) can pass 90 s.
async function waitForOutput(l: Launcher, pattern: RegExp, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(l.output())) {
    if (l.proc.exitCode !== null) throw new Error(`launcher exited (${l.proc.exitCode}) before printing ${pattern}:\n${l.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs / 1000} s:\n${l.output()}`);
    await sleep(100);
  }
}

async function stopWith(l: Launcher, signal: NodeJS.Signals): Promise<number | null> {
  l.proc.kill(signal);
  const code = await Promise.race([l.exited, sleep(30_000, 'timeout' as const)]);
  if (code === 'timeout') throw new Error(`launcher did not exit within 30 s of ${signal}:\n${l.output()}`);
  return code;
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

async function waitClosed(port: number, timeoutMs = 15_000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) if (!(await listening(port))) return true;
  return false;
}

const pidFile = (): string => join(dataDir, 'postgres', 'postmaster.pid');
const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The direct children of a process (the launcher's: one per service, the console's server, PostgreSQL). */
function childrenOf(pid: number): number[] {
  try {
    const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    return pids
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

/** The TCP ports a process listens on, from its socket descriptors and the kernel's socket tables. */
function listeningPortsOf(pid: number): number[] {
  const sockets = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) sockets.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      if (cols[3] === '0A' && sockets.has(cols[9]!)) ports.push(parseInt(cols[1]!.split(':').pop()!, 16)); // 0A: LISTEN
    }
  }
  return ports;
}

/** Every listener answers its readiness probe (the console: its page). */
async function everyListenerReady(): Promise<void> {
  const probes = [
    `http://127.0.0.1:${ports.console}/`,
    `http://127.0.0.1:${ports.gateway}/readyz`,
    ...SUBGRAPHS.map((s) => `http://127.0.0.1:${ports.subgraphs[s.name]}/readyz`),
  ];
  for (const url of probes) expect((await fetch(url, { signal: AbortSignal.timeout(10_000) })).status, url).toBe(200);
}

/**
 * A fresh clone of the working tree (no dist/, no .data/): the files git tracks or would track, with each
 * node_modules linked to the installed one.
 */
function freshClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantoa-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  for (const file of files.split('\0').filter(Boolean)) {
    if (!existsSync(join(root, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  for (const pkg of ['.', 'admin', 'tests', ...readdirSync(join(root, 'services')).map((s) => join('services', s))]) {
    if (existsSync(join(root, pkg, 'node_modules'))) symlinkSync(join(root, pkg, 'node_modules'), join(dir, pkg, 'node_modules'));
  }
  return dir;
}

/** Signs in as the demo viewer printed in the banner, then searches, as a new user would. */
async function bacKan(): Promise<{ totalCount: number; names: string[] }> {
  const url = `http://127.0.0.1:${ports.gateway}/graphql`;
  const signIn = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signIn(email: "xem@lantoa.vn", password: "LanToa@2026") { accessToken } }' }),
  });
  const session = (await signIn.json()) as { data?: { signIn: { accessToken: string } }; errors?: unknown };
  expect(session.errors).toBeUndefined();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.data!.signIn.accessToken}` },
    body: JSON.stringify({ query: '{ organizations(filter: { q: "bac kan" }) { totalCount nodes { name } } }' }),
  });
  const body = (await res.json()) as { data?: { organizations: { totalCount: number; nodes: { name: string }[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { totalCount: body.data!.organizations.totalCount, names: body.data!.organizations.nodes.map((n) => n.name) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lantoa-start-'));
  // As root, PostgreSQL runs as the `postgres` user, which must reach <data dir>/postgres.
  chmodSync(dataDir, 0o755);
  ports = { pg: await freePort(), gateway: await freePort(), console: await freePort(), subgraphs: {} };
  for (const s of SUBGRAPHS) ports.subgraphs[s.name] = await freePort();
});

// A port picked once and freed between launches can meanwhile be taken as an ephemeral port by another test
// file's connections: the console's port, new in this file's launches, is picked again for each test that
// launches anew (a test that goes on with the running launcher keeps it).
beforeEach(async () => {
  if (!launched.some((l) => l.proc.exitCode === null && l.proc.signalCode === null)) ports.console = await freePort();
});

afterAll(async () => {
  for (const l of launched) if (l.proc.exitCode === null && l.proc.signalCode === null) l.proc.kill('SIGKILL');
  if (existsSync(pidFile())) {
    const pid = Number(readFileSync(pidFile(), 'utf8').split('\n')[0]);
    if (pid > 0 && pidAlive(pid)) process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && pid > 0 && pidAlive(pid); i++) await sleep(100);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm start', () => {
  let firstCount = 0;

  it('refuses a bad variable or a busy port with one clear line', async () => {
    const bad = launch({ GATEWAY_PORT: 'four thousand' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toMatch(/^\[lantoa\] Invalid configuration: GATEWAY_PORT: [^\n]+$/);

    const port = ports.subgraphs.organizations!;
    const busy = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    try {
      const blocked = launch();
      expect(await blocked.exited).toBe(1);
      expect(blocked.output().trim()).toBe(
        `[lantoa] Port ${port} (ORGANIZATIONS_PORT) is already in use; stop what listens there or set ORGANIZATIONS_PORT to a free port.`,
      );
    } finally {
      busy.close();
    }
  });

  it('refuses --compiled in a fresh clone (nothing built) with one line that names pnpm build', async () => {
    const clone = freshClone();
    try {
      const l = launch({}, { args: ['--compiled'], cwd: clone });
      expect(await l.exited).toBe(1);
      expect(l.output().trim()).toMatch(
        /^\[lantoa\] --compiled runs the output of `pnpm build`, which is missing or stale \(kit: not built, [^\n]*\): run `pnpm build` first\.$/,
      );
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 120_000);

  let running: Launcher;

  it('starts from nothing and serves the demo data through the gateway and the console, with the console’s security headers', async () => {
    const l = (running = launch());
    await waitForOutput(l, BANNER);
    expect(l.output()).toContain(`http://localhost:${ports.gateway}/graphql`);
    expect(l.output()).toMatch(/ready in \d+\.\d s/);

    const { totalCount, names } = await bacKan();
    expect(names).toContain('Tỉnh ủy Bắc Kạn');
    firstCount = totalCount;

    // The console the banner points a new user to: the page, and the API through it (no CORS needed).
    const consoleUrl = `http://localhost:${ports.console}/`;
    expect(l.output()).toContain(consoleUrl);
    const page = await fetch(consoleUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) expect(page.headers.get(name), name).toBe(value);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const viaConsole = await fetch(new URL('/graphql', consoleUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(email: "xem@lantoa.vn", password: "LanToa@2026") { user { email } } }' }),
    });
    expect(((await viaConsole.json()) as { data: { signIn: { user: { email: string } } } }).data.signIn.user.email).toBe('xem@lantoa.vn');

    // The launcher only starts, watches and stops: every port belongs to a child.
    expect(listeningPortsOf(l.proc.pid!)).toEqual([]);
  }, 200_000);

  it('keeps every process up through hostile requests on every port it opened', async () => {
    const l = running;
    await everyListenerReady(); // requests to a port nobody listens on yet would prove nothing
    const children = childrenOf(l.proc.pid!);
    const subgraphPaths = [
      '/readyz',
      '/healthz',
      '/metrics',
      '/graphql',
      '/internal/files/',
      '/internal/uploads/',
      '/internal/audit-events',
      '/internal/authenticate',
      '/internal/organization-feed',
    ];
    const listeners: Listener[] = [
      { name: 'console', port: ports.console, paths: ['/', '/assets/', '/graphql', '/uploads/organizations/', '/files/organizations/'] },
      { name: 'gateway', port: ports.gateway, paths: ['/', '/graphql', '/readyz', '/healthz', '/uploads/organizations/', '/files/organizations/'] },
      ...SUBGRAPHS.map((s) => ({ name: s.name, port: ports.subgraphs[s.name]!, paths: subgraphPaths })),
    ];
    const figures: Record<string, ListenerFigures> = {};
    await Promise.all(listeners.map(async (target) => (figures[target.name] = await attack(target))));

    // Any crash would show here: the supervisor says each restart, and a restarted process has a new pid.
    const restarts = l.output().match(/exited unexpectedly/g)?.length ?? 0;
    const after = childrenOf(l.proc.pid!);
    const alive = after.filter(pidAlive).length;
    const lines = Object.entries(figures).map(
      ([name, f]) =>
        `  ${name.padEnd(14)}${String(f.requests).padStart(5)} requests  ${Object.entries(f.statuses)
          .map(([st, n]) => `${st}×${n}`)
          .join(' ')}`,
    );
    const total = Object.values(figures).reduce((n, f) => n + f.requests, 0);
    console.log(
      `Hostile requests against pnpm start: ${total} sent\n${lines.join('\n')}\n  restarts: ${restarts}; processes alive: launcher + ${alive} of ${children.length} children`,
    );

    expect(l.proc.exitCode, l.output()).toBeNull();
    expect(restarts, l.output()).toBe(0);
    expect(alive).toBe(children.length);
    expect(after).toEqual(children);
    await everyListenerReady();
    for (const [name, f] of Object.entries(figures)) {
      expect(f.statuses['400'] ?? 0, `${name} answered the malformed requests`).toBeGreaterThan(f.requests / 4);
      expect(f.statuses['500'] ?? 0, name).toBe(0);
    }
  }, 120_000);

  it('restarts a crashed console server like any service', async () => {
    const l = running;
    const consolePid = childrenOf(l.proc.pid!).find((pid) => listeningPortsOf(pid).includes(ports.console));
    expect(consolePid).toBeDefined();
    process.kill(consolePid!, 'SIGKILL');
    await waitForOutput(l, /console exited unexpectedly \(signal SIGKILL\); restarting it/);
    await waitForOutput(l, /console is running again/);
    await everyListenerReady();
  }, 60_000);

  it('stops everything on SIGTERM', async () => {
    const l = running;
    expect(await stopWith(l, 'SIGTERM')).toBe(0);
    expect(l.output()).not.toMatch(/did not stop/);
    for (const port of [ports.gateway, ports.console, ...Object.values(ports.subgraphs), ports.pg]) expect(await listening(port), `port ${port}`).toBe(false);
    expect(existsSync(pidFile())).toBe(false);
  }, 60_000);

  it('restarts on the same data without duplicating it, and recovers from a SIGKILLed launcher', async () => {
    const again = launch();
    await waitForOutput(again, BANNER);
    expect(again.output()).toMatch(/organizations: demo data already present/);
    expect((await bacKan()).totalCount).toBe(firstCount);

    // SIGKILL skips every handler: PostgreSQL outlives the launcher; the services see their IPC channel close.
    expect(await stopWith(again, 'SIGKILL')).toBeNull();
    const pid = Number(readFileSync(pidFile(), 'utf8').split('\n')[0]);
    expect(pidAlive(pid)).toBe(true);
    expect(await waitClosed(ports.gateway), 'gateway exits with the launcher').toBe(true);
    expect(await waitClosed(ports.console), 'the console server exits with the launcher').toBe(true);
    for (const s of SUBGRAPHS) expect(await waitClosed(ports.subgraphs[s.name]!), `${s.name} exits with the launcher`).toBe(true);

    const recovered = launch();
    await waitForOutput(recovered, BANNER);
    expect(recovered.output()).toMatch(/earlier run/);
    expect((await bacKan()).totalCount).toBe(firstCount);
    expect(await stopWith(recovered, 'SIGTERM')).toBe(0);
    expect(existsSync(pidFile())).toBe(false);
  }, 300_000);
});
