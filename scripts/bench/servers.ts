import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { subgraphHeaders } from './auth.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let forwarding = true;

/**
 * Stops passing the servers' output on: once we are shutting down (after
 * Ctrl-C PostgreSQL is already gone), their failing requests are only noise.
 */
export function muteServerOutput(): void {
  forwarding = false;
}

export interface ServerProcess {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  origin: string;
  /** origin + /graphql */
  graphqlUrl: string;
  proc: ChildProcess;
  /** Resolves with how the process ended ("code 1", "signal SIGKILL"). */
  exited: Promise<string>;
  /** Its last lines of output, shown when it fails. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * Runs a service's main.ts in its own Node process, so the load generator's
 * CPU here does not steal from it. `detached` gives it its own process group:
 * a terminal's Ctrl-C reaches only us, and we stop the servers in order. The
 * IPC channel makes the service exit by itself if we die (even by SIGKILL).
 */
export function startServer(o: { name: string; main: string; port: number; env: Record<string, string>; profileDir?: string }): ServerProcess {
  // V8 writes the profile when the process exits, which the services do on SIGTERM. One folder per server and V8's own
  // file names (pid, thread): a fixed --cpu-prof-name made tsx's loader thread overwrite the main thread's profile.
  const profile = o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(o.profileDir, o.name)}`] : [];
  const proc = spawn(process.execPath, [...profile, '--import', 'tsx', o.main], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(o.port), ...o.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  const lines: string[] = [];
  const keep = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
      // Warnings during a run matter (they may explain an error count), so pass them on.
      if (forwarding) process.stderr.write(`[${o.name}${prefix}] ${line}\n`);
    }
  };
  proc.stdout!.on('data', keep(''));
  proc.stderr!.on('data', keep(' stderr'));
  const exited = new Promise<string>((resolve) => {
    proc.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    proc.once('error', (err) => resolve(`error: ${err.message}`));
  });
  const origin = `http://127.0.0.1:${o.port}`;
  let stopping: Promise<void> | undefined;
  return {
    name: o.name,
    origin,
    graphqlUrl: `${origin}/graphql`,
    proc,
    exited,
    tail: () => lines.join('\n'),
    stop() {
      stopping ??= stopProcess(o.name, proc, exited);
      return stopping;
    },
  };
}

const running = (p: ChildProcess): boolean => p.exitCode === null && p.signalCode === null;

function signalGroup(p: ChildProcess, signal: NodeJS.Signals): void {
  if (p.pid === undefined) return;
  try {
    process.kill(-p.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM (the services drain and exit), SIGKILL after 8 s. */
async function stopProcess(name: string, p: ChildProcess, exited: Promise<string>): Promise<void> {
  if (!running(p)) return;
  signalGroup(p, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(8_000, false)]);
  if (!stopped) {
    // Worth knowing: a service that does not stop on SIGTERM also hangs deployments (and loses its CPU profile).
    process.stderr.write(`[bench] ${name} did not exit within 8 s of SIGTERM; killing it.\n`);
    signalGroup(p, 'SIGKILL');
    await exited;
  }
}

/** Polls GET /readyz until it answers 200; fails early with the server's output if the process exits. */
export async function waitReady(s: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died: string | undefined;
  void s.exited.then((how) => (died = how));
  for (;;) {
    if (died) throw new Error(`${s.name} exited (${died}) before it was ready:\n${s.tail()}`);
    try {
      const res = await fetch(`${s.origin}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${s.name} was not ready within ${timeoutMs / 1000} s:\n${s.tail()}`);
    await sleep(200);
  }
}

export interface SubgraphCounters {
  sqlStatements: number;
  graphqlRequests: number;
}

/** Reads the subgraph's counters from GET /metrics (Prometheus text). */
export async function readCounters(s: ServerProcess): Promise<SubgraphCounters> {
  // /metrics answers only the gateway's proof, like /graphql.
  const res = await fetch(`${s.origin}/metrics`, { headers: await subgraphHeaders(60) });
  if (!res.ok) throw new Error(`GET ${s.origin}/metrics answered ${res.status}`);
  const text = await res.text();
  const counter = (name: string): number => {
    const m = new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, 'm').exec(text);
    if (!m) throw new Error(`${s.name} /metrics has no ${name} line:\n${text}`);
    return Number(m[1]);
  };
  return { sqlStatements: counter('lantoa_sql_statements_total'), graphqlRequests: counter('lantoa_graphql_requests_total') };
}
