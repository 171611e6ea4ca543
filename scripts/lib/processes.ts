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

export interface ServiceSpec {
  name: string;
  port: number;
  host: string;
  env: NodeJS.ProcessEnv;
  watch: boolean;
  /** Run the output of `pnpm build` (services/<name>/dist/main.js) instead of the sources through tsx. */
  compiled?: boolean;
  /**
   * A script (from the repository root) run through tsx instead of services/<name>/src/main.ts, never compiled nor
   * under `tsx watch`: the console's server, whose dev mode (Vite) reloads by itself.
   */
  script?: string;
  /** The readiness probe's path, answered 200 once ready (default /readyz). */
  readyPath?: string;
}

const tsxCli = fileURLToPath(import.meta.resolve('tsx/cli'));
const exitWithLauncher = join(repoRoot, 'scripts', 'lib', 'exit-with-launcher.ts');

/** The package.json export condition under which the workspace packages resolve to their compiled dist/. */
export const DIST_CONDITION = 'lantoa-dist';

/** The exit code of a service that refused its configuration (EX_CONFIG): restarting cannot help. */
export const CONFIG_ERROR_EXIT = 78;

/**
 * Runs services/<name>/src/main.ts (or its compiled dist/main.js). Each child gets its own process group, so
 * the launcher decides the order of shutdown (a terminal's Ctrl-C reaches only
 * the launcher and PostgreSQL) and can signal a `tsx watch` child together
 * with the server it runs. The IPC channel ends the child if the launcher dies.
 */
export function spawnService(o: ServiceSpec): Service {
  const main = join('services', o.name, 'src', 'main.ts');
  // tsx watch does not exit when its parent's IPC channel closes: the preload makes it.
  const args = o.script
    ? ['--import', 'tsx', o.script]
    : o.compiled
      ? [`--conditions=${DIST_CONDITION}`, join('services', o.name, 'dist', 'main.js')]
      : o.watch
        ? ['--import', 'tsx', '--import', exitWithLauncher, tsxCli, 'watch', '--clear-screen=false', main]
        : ['--import', 'tsx', main];
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...o.env, PORT: String(o.port), HOST: o.host },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  return {
    name: o.name,
    readyUrl: `http://${reachableHost(o.host)}:${o.port}${o.readyPath ?? '/readyz'}`,
    proc,
    ready: false,
    exited: new Promise((resolve) => {
      proc.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
      proc.once('error', (err) => resolve(`error: ${err.message}`));
    }),
  };
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

/** When the launcher restarts a crashed process, and when it stops trying. */
export interface RestartPolicy {
  /** This many crashes within windowMs: give up and stop everything. */
  maxCrashes: number;
  windowMs: number;
  /** Wait before the first restart; doubled for each further crash in the window, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const RESTART_POLICY: RestartPolicy = { maxCrashes: 5, windowMs: 60_000, firstDelayMs: 500, maxDelayMs: 10_000 };

/**
 * Counts crashes in a sliding window and says how long to wait before the
 * next restart, or that it is time to give up (undefined).
 */
export function crashCounter(policy: RestartPolicy = RESTART_POLICY, now: () => number = Date.now) {
  const crashes: number[] = [];
  return {
    /** Records a crash; the delay before restarting, or undefined to give up. */
    crashed(): { delayMs: number; count: number } | { delayMs: undefined; count: number } {
      const t = now();
      crashes.push(t);
      while (crashes.length && crashes[0]! <= t - policy.windowMs) crashes.shift();
      const count = crashes.length;
      if (count >= policy.maxCrashes) return { delayMs: undefined, count };
      return { delayMs: Math.min(policy.firstDelayMs * 2 ** (count - 1), policy.maxDelayMs), count };
    },
  };
}

export interface SupervisorHooks {
  say: (m: string) => void;
  /** True once the launcher is shutting down: exits are then expected. */
  stopping: () => boolean;
  /** Called once when restarting is pointless or has failed too often; the launcher then stops everything. */
  giveUp: (why: string) => void;
  policy?: RestartPolicy;
}

/** A service the launcher keeps running: restarted after a crash, with backoff. */
export interface Supervised {
  name: string;
  /** Resolves when the first process is ready; rejects if it exits first. */
  ready: Promise<void>;
  /** The process running now (a new one after each restart). */
  current(): Service;
  stop(say: (m: string) => void): Promise<void>;
  kill(): void;
}

/**
 * The launcher as supervisor on one machine. A service that exits before it
 * was ever ready, or with the configuration-error code, is not restarted (a
 * restart would fail the same way); otherwise it is restarted after 0.5 s,
 * 1 s, 2 s… (up to 10 s), and after 5 crashes within 60 s the launcher gives
 * up. Each step is said in the log.
 */
export function superviseService(spec: ServiceSpec, hooks: SupervisorHooks): Supervised {
  const policy = hooks.policy ?? RESTART_POLICY;
  const counter = crashCounter(policy);
  let current = spawnService(spec);
  let everReady = false;

  const onExit = (s: Service, how: string): void => {
    if (hooks.stopping() || s !== current) return;
    if (!everReady) {
      const hint = how === `code ${CONFIG_ERROR_EXIT}` ? ' (configuration error, see above)' : '';
      return hooks.giveUp(`${spec.name} exited before it was ready (${how})${hint}`);
    }
    if (how === `code ${CONFIG_ERROR_EXIT}`) return hooks.giveUp(`${spec.name} exited with a configuration error (${how}, see above); not restarting it`);
    const { delayMs, count } = counter.crashed();
    if (delayMs === undefined) {
      return hooks.giveUp(`${spec.name} crashed ${count} times within ${policy.windowMs / 1000} s (last: ${how}); giving up on it`);
    }
    hooks.say(
      `${spec.name} exited unexpectedly (${how}); restarting it in ${delayMs / 1000} s (crash ${count} of ${policy.maxCrashes} allowed within ${policy.windowMs / 1000} s).`,
    );
    void (async () => {
      await sleep(delayMs);
      if (hooks.stopping()) return;
      const started = Date.now();
      current = spawnService(spec);
      watch(current);
      try {
        await waitReady(current);
        hooks.say(`${spec.name} is running again (pid ${current.proc.pid}, ready after ${((Date.now() - started) / 1000).toFixed(1)} s).`);
      } catch (err) {
        // Exited before ready: its exit handler counts the crash. Hung: end it, and the exit counts.
        if (current.proc.exitCode === null && current.proc.signalCode === null && !hooks.stopping()) {
          hooks.say(`${(err as Error).message} Killing it.`);
          killService(current);
        }
      }
    })();
  };
  const watch = (s: Service) => void s.exited.then((how) => onExit(s, how));
  watch(current);

  const ready = waitReady(current).then(() => {
    everReady = true;
  });
  ready.catch(() => undefined); // the exit handler reports it

  return {
    name: spec.name,
    ready,
    current: () => current,
    async stop(say) {
      // A restart that was under way when the launcher began stopping may have replaced the process meanwhile.
      for (let s = current; ; s = current) {
        await stopService(s, say);
        if (s === current) return;
      }
    },
    kill: () => killService(current),
  };
}
