import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Children per node at each depth below the root: [20, 25, 20] → 1 + 20 + 500 + 10,000 organizations. */
  fanout: number[];
  /**
   * Exemplar volumes, ascending: the exemplar list scenarios run at each one
   * (how its latency grows from 10,000 to 100,000), everything at the last.
   */
  exemplars: number[];
  /** Seconds of measured load per scenario and target. */
  duration: number;
  /** Seconds of unmeasured load first, so the servers' JIT and pools are warm. */
  warmup: number;
  connections: number;
  /** Only scenarios whose name contains one of these (empty: all). */
  only: string[];
  /** Seed of the parameter generator: the same seed sends the same sequence of requests. */
  seed: number;
  /** Directory for V8 CPU profiles of the servers (open in Chrome DevTools); undefined: no profiling. */
  profile: string | undefined;
}

export const USAGE = `Usage: pnpm bench [options]

  --fanout 20,25,20   children per node at each depth below the root
                      (default 20,25,20 = 10,521 organizations)
  --exemplars 10000,100000
                      exemplar volumes: the exemplar list runs at each, then
                      everything at the last (one volume: no comparison)
  --duration 10       seconds of measured load per scenario and target
  --warmup 2          seconds of unmeasured load before each measurement
  --connections 10    concurrent HTTP connections (autocannon)
  --only list,entities  run only the scenarios whose name contains one of these
  --seed 1            seed for the varying request parameters
  --profile DIR       write CPU profiles of the subgraphs and gateway to DIR
                      (.cpuprofile, open in Chrome DevTools; slows them down)

Uses the server of DATABASE_URL when set (in a fresh database that is dropped
afterwards), otherwise a throwaway embedded PostgreSQL.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const positiveInt = (flag: string, value: string, min = 1): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be an integer of at least ${min}, got "${value}".`);
  return n;
};

/** Organizations in a tree of the given fanout, root included. */
export function treeSize(fanout: number[]): number {
  let level = 1;
  let total = 1;
  for (const n of fanout) {
    level *= n;
    total += level;
  }
  return total;
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      fanout: { type: 'string', default: '20,25,20' },
      exemplars: { type: 'string', default: '10000,100000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string', default: '' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const fanout = values.fanout.split(',').map((s) => positiveInt('fanout', s.trim()));
  // The subtree scenarios need nodes at depth 1 with children of their own.
  if (fanout.length < 2) throw new UsageError('--fanout needs at least two levels (districts with children), e.g. 20,25,20.');
  if (treeSize(fanout) > 2_000_000)
    throw new UsageError(`--fanout ${values.fanout} makes ${treeSize(fanout).toLocaleString('en')} organizations; keep it under 2,000,000.`);
  const exemplars = values.exemplars.split(',').map((s) => positiveInt('exemplars', s.trim(), 1_000));
  if (exemplars.some((n, i) => i > 0 && n <= exemplars[i - 1]!) || exemplars.at(-1)! > 2_000_000)
    throw new UsageError(`--exemplars ${values.exemplars} must be ascending volumes of at most 2,000,000, e.g. 10000,100000.`);
  return {
    fanout,
    exemplars,
    duration: positiveInt('duration', values.duration),
    warmup: positiveInt('warmup', values.warmup, 0),
    connections: positiveInt('connections', values.connections),
    only: values.only
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    seed: positiveInt('seed', values.seed, 0),
    profile: values.profile ? resolve(values.profile) : undefined,
  };
}
