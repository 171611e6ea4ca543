import { readFileSync } from 'node:fs';

/**
 * `pnpm start` runs `sh -c "<script>"`, which runs the launcher. A process
 * manager or an IDE that stops the command signals pnpm alone: pnpm ends its
 * shell and exits, and the launcher, re-parented to init, would run on with
 * every service and PostgreSQL (Node has no prctl(PR_SET_PDEATHSIG)). So the
 * launcher watches the processes that started it, up to and including the
 * package manager, and stops everything when any of them is gone.
 */

interface Ancestor {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: tells a live process from a new one that reused its pid. */
  startTime: string;
  label: string;
}

function statOf(pid: number): { state: string; ppid: number; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), startTime: fields[19]! };
  } catch {
    return undefined; // gone, or no /proc (not Linux)
  }
}

const readOr = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

const labelOf = (pid: number): string => {
  const cmd = readOr(`/proc/${pid}/cmdline`)?.split('\0').filter(Boolean).join(' ') ?? '';
  return cmd.length > 60 ? `${cmd.slice(0, 57)}…` : cmd || 'the parent process';
};

/**
 * The processes that launched us: the parent, and, when run by a package
 * manager, every process up to and including it. The shell and runners in
 * between carry the package manager's `npm_lifecycle_script` in their
 * environment; the package manager itself was started without it.
 */
export function launchingProcesses(env: NodeJS.ProcessEnv = process.env): Ancestor[] {
  const script = env.npm_lifecycle_script;
  const chain: Ancestor[] = [];
  for (let pid = process.ppid; pid > 1 && chain.length < 8;) {
    const stat = statOf(pid);
    if (!stat) break;
    chain.push({ pid, startTime: stat.startTime, label: labelOf(pid) });
    const environ = readOr(`/proc/${pid}/environ`);
    if (!script || !environ?.split('\0').includes(`npm_lifecycle_script=${script}`)) break;
    pid = stat.ppid;
  }
  return chain;
}

const gone = (a: Ancestor): boolean => {
  const now = statOf(a.pid);
  return !now || now.state === 'Z' || now.startTime !== a.startTime;
};

/**
 * Calls onGone once, with a description of who went away, when the parent
 * changes (every platform) or any launching process exits (Linux). Returns
 * a function that stops watching.
 */
export function watchParents(onGone: (who: string) => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const chain = launchingProcesses();
  const timer = setInterval(() => {
    const dead = process.ppid !== parent ? (chain[0] ?? { pid: parent, label: 'the parent process' }) : chain.find(gone);
    if (!dead) return;
    clearInterval(timer);
    onGone(`${dead.label} (pid ${dead.pid})`);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
