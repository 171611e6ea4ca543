import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { LauncherError, repoRoot } from './config.js';
import { reachableHost } from './ports.js';

export interface Service {
  name: string;
  /** Where the launcher polls readiness (GET /readyz answers 200). */
  readyUrl: string;
  proc: ChildProcess;
  /** Resolves with a description of how the process ended ("code 1", "signal SIGKILL"). */
  exited: Promise<string>;
  ready: boolean;
}

const tsxCli = fileURLToPath(import.meta.resolve('tsx/cli'));
const exitWithLauncher = join(repoRoot, 'scripts', 'lib', 'exit-with-launcher.ts');

/**
 * Runs services/<name>/src/main.ts. Each child gets its own process group, so
 * the launcher decides the order of shutdown (a terminal's Ctrl-C reaches only
 * the launcher and PostgreSQL) and can signal a `tsx watch` child together
 * with the server it runs. The IPC channel ends the child if the launcher dies.
 */
export function spawnService(o: {
  name: string;
  port: number;
  host: string;
  env: NodeJS.ProcessEnv;
  watch: boolean;
  onExit: (service: Service, how: string) => void;
}): Service {
  const main = join('services', o.name, 'src', 'main.ts');
  // tsx watch does not exit when its parent's IPC channel closes: the preload makes it.
  const args = o.watch
    ? ['--import', 'tsx', '--import', exitWithLauncher, tsxCli, 'watch', '--clear-screen=false', main]
    : ['--import', 'tsx', main];
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...o.env, PORT: String(o.port), HOST: o.host },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const service: Service = {
    name: o.name,
    readyUrl: `http://${reachableHost(o.host)}:${o.port}/readyz`,
    proc,
    ready: false,
    exited: new Promise((resolve) => {
      proc.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
      proc.once('error', (err) => resolve(`error: ${err.message}`));
    }),
  };
  void service.exited.then((how) => o.onExit(service, how));
  return service;
}

function signalGroup(s: Service, signal: NodeJS.Signals): void {
  if (s.proc.pid === undefined) return;
  try {
    process.kill(-s.proc.pid, signal);
  } catch {
    // The group is already gone.
  }
}

const running = (s: Service): boolean => s.proc.exitCode === null && s.proc.signalCode === null;

/** SIGTERM to the child's process group; SIGKILL if it has not exited after timeoutMs. */
export async function stopService(s: Service, say: (m: string) => void, timeoutMs = 8_000): Promise<void> {
  if (!running(s)) return;
  signalGroup(s, 'SIGTERM');
  const stopped = await Promise.race([s.exited.then(() => true), sleep(timeoutMs, false)]);
  if (!stopped) {
    say(`${s.name} did not stop within ${timeoutMs / 1000} s; killing it.`);
    signalGroup(s, 'SIGKILL');
    await s.exited;
  }
}

export function killService(s: Service): void {
  signalGroup(s, 'SIGKILL');
}

/** Polls /readyz until it answers 200; fails if the child exits first or time runs out. */
export async function waitReady(s: Service, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  void s.exited.then((how) => (exited = how));
  while (Date.now() < deadline) {
    if (exited) throw new LauncherError(`${s.name} exited (${exited}) before it was ready.`);
    try {
      const res = await fetch(s.readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        s.ready = true;
        return;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new LauncherError(`${s.name} was not ready within ${timeoutMs / 1000} s (${s.readyUrl}).`);
}
