/**
 * Faults, against the system as `pnpm start` runs it (the real pnpm binary,
 * the launcher, a process per service, embedded PostgreSQL on a fresh data
 * directory), on loopback and free ports:
 * - a subgraph killed under a request loop: the rest keeps answering, the
 *   launcher restarts it, the answers become whole again;
 * - PostgreSQL killed under a write loop: the launcher restarts it, and every
 *   acknowledged write is in the database afterwards;
 * - SIGTERM to pnpm alone (what a process manager or an IDE does) stops
 *   everything;
 * - a service that keeps crashing makes the launcher give up and stop
 *   everything, saying why.
 * Each prints its figures ([faults] lines).
 */
import { SUBGRAPHS } from '@lantoa/kit';
import { freePort } from '@lantoa/kit/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { portVarOf } from '../scripts/lib/config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BANNER = /Lan Tỏa is running/;

let dataDir: string;
let ports: { pg: number; gateway: number; console: number; subgraphs: Record<string, number> };
let gatewayUrl: string;

interface Run {
  proc: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}
const runs: Run[] = [];

/** `pnpm start`, exactly as a user types it. */
function pnpmStart(): Run {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const proc = spawn('pnpm', ['start'], {
    cwd: root,
    env: {
      ...env,
      LANTOA_DATA_DIR: dataDir,
      LANTOA_ENV_FILE: '/dev/null',
      EMBEDDED_PG_PORT: String(ports.pg),
      GATEWAY_PORT: String(ports.gateway),
      CONSOLE_PORT: String(ports.console),
      ...Object.fromEntries(SUBGRAPHS.map((s) => [portVarOf(s), String(ports.subgraphs[s.name])])),
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      // Generous limits: the loops below are one client.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const run: Run = { proc, output: () => out, exited: new Promise((r) => proc.once('exit', (code) => r(code))) };
  runs.push(run);
  return run;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, run?: Run): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s${run ? `:\n${run.output()}` : ''}`);
  }
}

// ---------- processes, from /proc (Linux) ----------

const readOr = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const parentOf = (pid: number): number =>
  Number(
    readOr(`/proc/${pid}/stat`)
      .slice(readOr(`/proc/${pid}/stat`).lastIndexOf(')') + 2)
      .split(' ')[1] ?? 0,
  );
const cmdlineOf = (pid: number): string => readOr(`/proc/${pid}/cmdline`).split('\0').join(' ');
const allPids = (): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
const alive = (pid: number): boolean => {
  const stat = readOr(`/proc/${pid}/stat`);
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
};

/** Every process below pid (services, PostgreSQL and its workers, the launcher, tsx, the shell). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const pids = allPids();
  const parents = new Map(pids.map((p) => [p, parentOf(p)]));
  let frontier = [pid];
  while (frontier.length) {
    const next = pids.filter((p) => frontier.includes(parents.get(p)!));
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** The process that listens on 127.0.0.1:port, from /proc/net/tcp and the sockets in /proc/<pid>/fd. */
function listenerOf(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set(
    readOr('/proc/net/tcp')
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A')
      .map((f) => f[9]!),
  );
  if (!inodes.size) return undefined;
  for (const pid of allPids()) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = '';
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m && inodes.has(m[1]!)) return pid;
    }
  }
  return undefined;
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
const allPorts = () => [ports.gateway, ports.console, ...Object.values(ports.subgraphs), ports.pg];

// ---------- GraphQL ----------

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function post(query: string, variables?: unknown, token?: string): Promise<Answer> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return (await res.json()) as Answer;
}

async function signIn(): Promise<string> {
  const a = await post('mutation { signIn(email: "admin@lantoa.vn", password: "LanToa@2026") { accessToken } }');
  expect(a.errors).toBeUndefined();
  return (a.data!.signIn as { accessToken: string }).accessToken;
}

const codesOf = (a: Answer): string[] => (a.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
const tally = (counts: Record<string, number>, key: string) => void (counts[key] = (counts[key] ?? 0) + 1);

// ---------- the system ----------

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lantoa-faults-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data directory
  ports = { pg: await freePort(), gateway: await freePort(), console: await freePort(), subgraphs: {} };
  for (const s of SUBGRAPHS) ports.subgraphs[s.name] = await freePort();
  gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
});

// A port picked once and freed between launches can meanwhile be taken as an ephemeral port by another test
// file's connections: the console's port, new in this file's launches, is picked again for each test.
beforeEach(async () => {
  ports.console = await freePort();
});

afterAll(async () => {
  for (const r of runs) {
    if (r.proc.exitCode !== null || r.proc.signalCode !== null) continue;
    const below = descendants(r.proc.pid!);
    r.proc.kill('SIGKILL');
    for (const pid of below) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && alive(pid)) process.kill(pid, 'SIGINT');
    await waitFor('PostgreSQL to stop', () => !(pid > 0 && alive(pid)), 10_000).catch(() => undefined);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('faults, with the system started by pnpm start', () => {
  let run: Run;

  it('starts', async () => {
    run = pnpmStart();
    await waitFor('banner', () => BANNER.test(run.output()), 120_000, run);
  }, 130_000);

  it('keeps answering while a subgraph is killed, restarts it, and the answers become whole again', async () => {
    const token = await signIn();
    // identity answers me; the organization's name comes from the organizations subgraph.
    const QUERY = '{ me { email organization { id name } } }';
    const counts: Record<string, number> = {};
    let answered = 0;
    let killedAt = 0;
    let recoveredAt = 0;
    let lostIdentity = 0;
    let wholeAfterRecovery = 0;
    let sawMissing = false;
    const victim = listenerOf(ports.subgraphs.organizations!);
    expect(victim, 'the organizations process').toBeDefined();

    const worker = async () => {
      while (wholeAfterRecovery < 20 && Date.now() - (killedAt || Date.now()) < 40_000) {
        const a = await post(QUERY, undefined, token);
        answered++;
        const me = (a.data?.me ?? null) as { email: string; organization: { name: string } | null } | null;
        if (me?.email !== 'admin@lantoa.vn') lostIdentity++;
        if (!a.errors && me?.organization?.name) {
          tally(counts, 'whole');
          if (sawMissing && recoveredAt === 0) recoveredAt = Date.now();
          if (recoveredAt) wholeAfterRecovery++;
        } else {
          if (killedAt) sawMissing = true;
          for (const code of codesOf(a)) tally(counts, code);
        }
      }
    };
    const workers = [worker(), worker(), worker()];
    await sleep(500);
    killedAt = Date.now();
    process.kill(victim!, 'SIGKILL');
    await Promise.all(workers);

    const restarted = listenerOf(ports.subgraphs.organizations!);
    console.log(
      `[faults] subgraph killed under load: ${answered} requests answered, by outcome ${JSON.stringify(counts)}, ` +
        `identity's part missing in ${lostIdentity}; whole again ${((recoveredAt - killedAt) / 1000).toFixed(1)} s after the kill`,
    );
    expect(recoveredAt, 'answers became whole again').toBeGreaterThan(0);
    expect(counts.SERVICE_UNAVAILABLE, 'the missing part was reported').toBeGreaterThan(0);
    expect(
      Object.keys(counts).filter((k) => k !== 'whole' && k !== 'SERVICE_UNAVAILABLE'),
      'no other error',
    ).toEqual([]);
    expect(lostIdentity, 'identity answered every time').toBe(0);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(victim);
    expect(run.output()).toMatch(/organizations exited unexpectedly \(signal SIGKILL\); restarting it in 0\.5 s/);
    expect(run.output()).toMatch(/organizations is running again/);
  }, 60_000);

  it('keeps every acknowledged write when PostgreSQL is killed under a write loop', async () => {
    const token = await signIn();
    const CREATE = 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
    const acknowledged: string[] = [];
    const failures: Record<string, number> = {};
    let attempts = 0;
    let killedAt = 0;
    let recoveredAt = 0;
    let afterRecovery = 0;
    let sawFailure = false;
    const internal: string[] = [];
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

    const worker = async (w: number) => {
      for (let i = 0; afterRecovery < 20 && Date.now() - (killedAt || Date.now()) < 40_000; i++) {
        attempts++;
        let a: Answer;
        try {
          a = await post(CREATE, { input: { name: `Ban thử nghiệm sự cố ${w}-${i}`, type: 'PARTY_ADVISORY', level: 'PROVINCE' } }, token);
        } catch (err) {
          tally(failures, `transport: ${(err as Error).message}`);
          continue;
        }
        const id = (a.data?.createOrganization as { id?: string } | undefined)?.id;
        if (id && !a.errors) {
          acknowledged.push(id);
          if (sawFailure && !recoveredAt) recoveredAt = Date.now();
          if (recoveredAt) afterRecovery++;
        } else {
          if (killedAt) sawFailure = true;
          for (const code of codesOf(a)) tally(failures, code);
          if (codesOf(a).includes('INTERNAL_SERVER_ERROR')) internal.push(JSON.stringify(a.errors));
          await sleep(50); // a failing system is not hammered
        }
      }
    };
    const workers = [worker(0), worker(1)];
    await sleep(500);
    killedAt = Date.now();
    process.kill(postmaster, 'SIGKILL');
    await Promise.all(workers);

    const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${ports.pg}/lantoa` });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('select count(*) as n from organizations.organization where id = any($1::uuid[])', [acknowledged]);
    await client.end();
    const found = Number(rows[0]!.n);
    console.log(
      `[faults] PostgreSQL killed under writes: ${attempts} attempted, ${acknowledged.length} acknowledged, ${found} of them found afterwards; ` +
        `failures by code ${JSON.stringify(failures)}; writes acknowledged again ${((recoveredAt - killedAt) / 1000).toFixed(1)} s after the kill`,
    );
    if (internal.length) console.log(`[faults] internal errors: ${internal.slice(0, 3).join(' ')}`);
    expect(recoveredAt, 'writes succeed again').toBeGreaterThan(0);
    expect(found).toBe(acknowledged.length);
    expect(
      Object.keys(failures).filter((k) => k.startsWith('transport')),
      'the gateway always answered',
    ).toEqual([]);
    expect(run.output()).toMatch(/PostgreSQL exited unexpectedly \(signal SIGKILL\); restarting it/);
    expect(run.output()).toMatch(/PostgreSQL is running again/);
  }, 60_000);

  it('stops everything when pnpm alone is sent SIGTERM', async () => {
    const below = descendants(run.proc.pid!);
    expect(below.length, 'shell, launcher, services, PostgreSQL').toBeGreaterThanOrEqual(5);
    const t0 = Date.now();
    run.proc.kill('SIGTERM');
    await waitFor(
      'every port free and every process gone',
      async () => (await Promise.all(allPorts().map(listening))).every((l) => !l) && below.every((p) => !alive(p)),
      10_000,
      run,
    );
    console.log(`[faults] SIGTERM to pnpm: ${below.length} processes gone and every port free after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(run.output()).toMatch(/has exited: stopping…/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid')), 'PostgreSQL shut down cleanly').toBe(false);
  }, 20_000);

  it('gives up on a service that keeps crashing, says so, and stops everything', async () => {
    run = pnpmStart();
    await waitFor('banner', () => BANNER.test(run.output()), 120_000, run);
    const t0 = Date.now();
    const killed = new Set<number>();
    // Kill every organizations process as soon as it appears, as a crash at start would.
    while (run.proc.exitCode === null && Date.now() - t0 < 40_000) {
      for (const pid of descendants(run.proc.pid!)) {
        if (!killed.has(pid) && cmdlineOf(pid).includes('services/organizations/')) {
          killed.add(pid);
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }
      }
      await sleep(20);
    }
    const code = await run.exited;
    console.log(`[faults] crash loop: gave up after ${killed.size} crashes in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit code ${code}`);
    expect(code).not.toBe(0);
    expect(run.output()).toMatch(/organizations crashed 5 times within 60 s \(last: signal SIGKILL\); giving up on it; stopping everything\./);
    for (const port of allPorts()) expect(await listening(port), `port ${port}`).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
