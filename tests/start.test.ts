/**
 * `pnpm start` as a user meets it: the real launcher in a child process, with
 * the embedded PostgreSQL on a fresh data directory, queried over HTTP, then
 * stopped by SIGTERM, restarted on the same data, and SIGKILLed.
 */
import { SUBGRAPHS } from '@lantoa/kit';
import { freePort } from '@lantoa/kit/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { portVarOf } from '../scripts/lib/config.js';

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

function launch(extraEnv: Record<string, string> = {}): Launcher {
  // No DATABASE_URL: the embedded path is the one under test.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
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

async function waitForOutput(l: Launcher, pattern: RegExp, timeoutMs = 90_000): Promise<void> {
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
// file's connections: the console's port, new in this file's launches, is picked again for each test.
beforeEach(async () => {
  ports.console = await freePort();
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

  it('starts from nothing, serves the demo data through the gateway, and stops everything on SIGTERM', async () => {
    const l = launch();
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
    const viaConsole = await fetch(new URL('/graphql', consoleUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(email: "xem@lantoa.vn", password: "LanToa@2026") { user { email } } }' }),
    });
    expect(((await viaConsole.json()) as { data: { signIn: { user: { email: string } } } }).data.signIn.user.email).toBe('xem@lantoa.vn');

    expect(await stopWith(l, 'SIGTERM')).toBe(0);
    expect(l.output()).not.toMatch(/did not stop/);
    for (const port of [ports.gateway, ports.console, ...Object.values(ports.subgraphs), ports.pg]) expect(await listening(port), `port ${port}`).toBe(false);
    expect(existsSync(pidFile())).toBe(false);
  }, 150_000);

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
    for (const s of SUBGRAPHS) expect(await waitClosed(ports.subgraphs[s.name]!), `${s.name} exits with the launcher`).toBe(true);

    const recovered = launch();
    await waitForOutput(recovered, BANNER);
    expect(recovered.output()).toMatch(/earlier run/);
    expect((await bacKan()).totalCount).toBe(firstCount);
    expect(await stopWith(recovered, 'SIGTERM')).toBe(0);
    expect(existsSync(pidFile())).toBe(false);
  }, 240_000);
});
