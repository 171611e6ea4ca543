import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LauncherError, repoRoot } from './config.js';

/** The newest modification time of the built sources under dir (tests and test harnesses are not built). */
async function newestSource(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const times = await Promise.all(
    entries.map(async (e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'testing' ? 0 : newestSource(path);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? (await stat(path)).mtimeMs : 0;
    }),
  );
  return Math.max(0, ...times);
}

/** What is wrong with a package's `pnpm build` output, or undefined when it is there and newer than its sources. */
async function buildProblem(name: string): Promise<string | undefined> {
  const pkg = join(repoRoot, 'services', name);
  const entry = join(pkg, 'dist', name === 'kit' ? 'index.js' : 'main.js');
  // tsc -b rewrites its build info on every build that found something to do, even when no output changed.
  const built = await stat(join(pkg, 'dist', '.tsbuildinfo')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const hasEntry = await stat(entry).then(
    () => true,
    () => false,
  );
  if (!built || !hasEntry) return `${name}: not built`;
  if ((await newestSource(join(pkg, 'src'))) > built) return `${name}: older than its sources`;
  return undefined;
}

/**
 * `pnpm start --compiled` runs what `pnpm build` made. Without this check a
 * fresh clone fails later with "Cannot find module …/dist/main.js", and a
 * stale build runs yesterday's code; instead the launcher refuses at once, in
 * one line that says what to run.
 */
export async function assertBuilt(services: string[]): Promise<void> {
  const problems = (await Promise.all(['kit', ...services].map(buildProblem))).filter(Boolean);
  if (problems.length) {
    throw new LauncherError(`--compiled runs the output of \`pnpm build\`, which is missing or stale (${problems.join(', ')}): run \`pnpm build\` first.`);
  }
}
