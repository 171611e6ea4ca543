import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL } from './graphql.js';
import type { Scenario, Target } from './scenarios.js';
import { seededRandom } from './scenarios.js';
import { readCounters, type ServerProcess } from './servers.js';

export interface Measurement {
  scenario: string;
  target: Target;
  requests: number;
  reqPerSec: number;
  /** Mean latency, ms: finer than the whole-millisecond percentiles for comparing two rows. */
  mean: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Socket errors, timeouts and 200 answers carrying GraphQL `errors`. */
  errors: number;
  sqlPerRequest: number;
}

export class SampleCheckError extends Error {
  override name = 'SampleCheckError';
}

/**
 * A few requests of the scenario, checked before loading it: a benchmark of
 * answers that carry `errors` (or an empty page where one was expected) would
 * measure the error path, so we stop instead.
 */
export async function sampleCheck(
  o: { scenario: Scenario; target: Target; url: string; headers: Record<string, string>; seed: number },
  samples = 5,
): Promise<void> {
  const { scenario, target } = o;
  const random = seededRandom(o.seed);
  for (let i = 0; i < samples; i++) {
    const variables = scenario.variables(random);
    const { status, json } = await postGraphQL(o.url, { query: scenario.query, variables }, o.headers);
    const where = `"${scenario.name}" via ${target} (variables ${JSON.stringify(variables).slice(0, 200)})`;
    if (status !== 200 || json.errors?.length || !json.data) {
      throw new SampleCheckError(`${where} answered ${status}: ${JSON.stringify(json).slice(0, 800)}`);
    }
    const problem = scenario.check(json.data);
    if (problem) throw new SampleCheckError(`${where}: ${problem}. Answer: ${JSON.stringify(json.data).slice(0, 400)}`);
  }
}

function load(
  scenario: Scenario,
  origin: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
  seed: number,
): Promise<autocannon.Result> {
  const random = seededRandom(seed);
  return autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        // Called for every request: new variables each time.
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: scenario.query, variables: scenario.variables(random) }) }),
      },
    ],
    // GraphQL reports failures in a 200 answer; a cheap substring test counts them as mismatches.
    verifyBody: (body) => !String(body).includes('"errors"'),
  });
}

/**
 * Warm-up (unmeasured: JIT, connection pools, PostgreSQL's buffers), then the
 * measured run. SQL statements per request come from the subgraphs' counters
 * read around the measured run only.
 */
export async function measure(o: {
  scenario: Scenario;
  target: Target;
  server: ServerProcess;
  headers: Record<string, string>;
  /** Every subgraph whose SQL statements the request may cause (summed). */
  subgraphs: ServerProcess[];
  duration: number;
  warmup: number;
  connections: number;
  seed: number;
}): Promise<Measurement> {
  if (o.warmup > 0) await load(o.scenario, o.server.origin, o.headers, o.warmup, o.connections, o.seed + 1_000);
  await sleep(200);
  const statements = async () => (await Promise.all(o.subgraphs.map(readCounters))).reduce((n, c) => n + c.sqlStatements, 0);
  const before = await statements();
  const result = await load(o.scenario, o.server.origin, o.headers, o.duration, o.connections, o.seed);
  // Requests still in flight when autocannon stops are answered to nobody but still run their SQL: let
  // them land in the counters, and divide by every request sent (dividing by the completed ones would add
  // up to `connections` requests' worth of statements, a visible error in short runs).
  await sleep(500);
  const after = await statements();
  const sent = result.requests.sent;
  return {
    scenario: o.scenario.name,
    target: o.target,
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    mean: result.latency.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts + result.mismatches,
    sqlPerRequest: sent > 0 ? (after - before) / sent : NaN,
  };
}
