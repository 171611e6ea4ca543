/**
 * `pnpm bench`: throughput, latency and SQL statements per request of the
 * main read paths, through the gateway (signed in as a demo reader) and
 * directly against a subgraph, on a generated tree of 10,000+ organizations
 * with documents, tasks, exemplars and media items. A measuring tool, not a
 * test: it prints a Markdown table and the comparisons the issues ask for
 * (stdout; progress goes to stderr) and exits 0 (1 when requests failed).
 *
 * PostgreSQL → migrations, tree, ANALYZE, identity's demo users, documents,
 * tasks, the first exemplar volume → every subgraph, then the gateway, as
 * child processes → VACUUM of the exemplars (their ancestors came with the replica) → sign-in through the gateway → the exemplar list at each
 * smaller volume → exemplars grown to the last volume, a checkpoint, the
 * list again → media items, a checkpoint → every other scenario. Per scenario and target: sample check, warm-up, measured run.
 * Everything it started is stopped on exit, on error and on Ctrl-C.
 */
// First: before any library binds console.log.
import './bench/stdout.js';
import os from 'node:os';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  BENCH_ACCOUNT,
  bearer,
  GATEWAY_SECRET,
  JWT_SECRET,
  prepareIdentity,
  signIn,
  subgraphHeaders,
  tokenFor,
} from './bench/auth.js';
import { growExemplars, openBenchDatabase, prepareMedia, prepareTree, prepareWork, settle, settleExemplars, type BenchDatabase } from './bench/database.js';
import { collectExemplarPages, exemplarComparisons, exemplarListScenarios, keysetScenarios } from './bench/exemplars.js';
import { measure, SampleCheckError, sampleCheck } from './bench/load.js';
import { mediaScenarios } from './bench/media.js';
import { parseOptions, treeSize, USAGE, UsageError, type BenchOptions } from './bench/options.js';
import { freePort } from './bench/ports.js';
import { renderReport, type Row } from './bench/report.js';
import { buildScenarios, collectDeepCursors, type Scenario } from './bench/scenarios.js';
import { muteServerOutput, startServer, waitReady } from './bench/servers.js';
import { loadSubgraphs } from './lib/subgraphs.js';
import { migrateSubgraph } from '@lantoa/kit';

const say = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

/** What to undo, last started first: gateway, subgraphs, then the database. */
const cleanups: { what: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
/** Set by Ctrl-C/SIGTERM: the failures that follow (servers going away) are expected, not news. */
let interrupted = false;

function cleanup(): Promise<void> {
  muteServerOutput();
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (err) {
        say(`Could not stop ${step.what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}

let firstSignalAt = 0;

function onSignal(signal: NodeJS.Signals): void {
  if (cleaning) {
    // One Ctrl-C can arrive twice: from the terminal and relayed by tsx when our acknowledgement is late.
    if (Date.now() - firstSignalAt < 2_000) return;
    say(`${signal} again: exiting without waiting for the cleanup.`);
    process.exit(130);
  }
  firstSignalAt = Date.now();
  interrupted = true;
  say(`${signal}: stopping the servers and PostgreSQL …`);
  void cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

async function main(options: BenchOptions): Promise<number> {
  const loadBefore = os.loadavg()[0]!;
  const organizations = treeSize(options.fanout);
  say(`Tree of ${organizations.toLocaleString('en')} organizations (fanout ${options.fanout.join(',')}).`);

  // Registered before it is open, so Ctrl-C during the start still waits for it and closes it.
  const opening = openBenchDatabase(say);
  cleanups.push({ what: 'the database', run: async () => (await opening.catch(() => undefined))?.close() });
  const db: BenchDatabase = await opening;
  // Separate schemas: the demo users' password hashing overlaps the tree's insert; other subgraphs get their migrations.
  const descriptors = await loadSubgraphs();
  const others = descriptors.filter((d) => d.name !== 'organizations' && d.name !== 'identity');
  const [tree] = await Promise.all([prepareTree(db.url, options.fanout, say), prepareIdentity(db.url, say), ...others.map((d) => migrateSubgraph(d, db.url))]);
  const work = await prepareWork(db.url, tree, options.exemplars[0]!, say);

  // Ports first, so every subgraph knows where the others are (identity reads their audit logs).
  const ports = await Promise.all(descriptors.map(() => freePort()));
  const urlEnv = Object.fromEntries(descriptors.map((d, i) => [d.urlEnv, `http://127.0.0.1:${ports[i]}/graphql`]));
  const subgraphs = descriptors.map((d, i) => {
    const server = startServer({
      name: d.name,
      main: `services/${d.name}/src/main.ts`,
      port: ports[i]!,
      env: { ...urlEnv, DATABASE_URL: db.url, GATEWAY_SECRET, JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) },
      profileDir: options.profile,
    });
    cleanups.push({ what: `the ${d.name} subgraph`, run: () => server.stop() });
    return server;
  });
  await Promise.all(subgraphs.map((s) => waitReady(s)));
  // The scenarios measure the organizations subgraph directly; the others serve the gateway's sign-in.
  const subgraph = subgraphs[descriptors.findIndex((d) => d.name === 'organizations')]!;
  const gateway = startServer({
    name: 'gateway',
    main: 'services/gateway/src/main.ts',
    port: await freePort(),
    env: {
      ...urlEnv,
      GATEWAY_SECRET,
      // The per-user rate limit would otherwise cap the load at a few requests per second.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    profileDir: options.profile,
  });
  cleanups.push({ what: 'the gateway', run: () => gateway.stop() });
  await waitReady(gateway);
  await settleExemplars(db.url, say);
  say(`${subgraphs.map((x) => `${x.name} at ${x.graphqlUrl}`).join(', ')}, gateway at ${gateway.graphqlUrl}.`);

  // A server that dies mid-run would show up as a wall of errors; name it instead.
  let died: string | undefined;
  for (const s of [...subgraphs, gateway]) void s.exited.then((how) => (died ??= `${s.name} exited (${how}) during the benchmark:\n${s.tail()}`));

  let session = await signIn(gateway.graphqlUrl);
  say(`Signed in through the gateway as ${BENCH_ACCOUNT}.`);

  const cursors = await collectDeepCursors(subgraph.graphqlUrl, await subgraphHeaders(600));
  if (cursors.length === 0) throw new Error('The list has too few pages for the deep keyset scenario; use a larger --fanout.');
  say(`Collected ${cursors.length} deep cursors.`);

  const selected = (s: Scenario) => options.only.length === 0 || options.only.some((o) => s.name.toLowerCase().includes(o));
  const byName = Object.fromEntries(descriptors.map((d, i) => [d.name, subgraphs[i]!]));
  const rows: Row[] = [];

  /** Sample check, warm-up and measured run of each scenario and target, at `exemplars` exemplars. */
  async function measureAll(scenarios: Scenario[], exemplars: number): Promise<void> {
    const runs = scenarios.flatMap((scenario) => scenario.targets.map((target) => ({ scenario, target })));
    say(
      `${runs.length} runs of ${options.warmup} + ${options.duration} s at ${exemplars.toLocaleString('en')} exemplars: ` +
        `about ${Math.ceil((runs.length * (options.warmup + options.duration + 1)) / 60)} min.`,
    );
    for (const [i, { scenario, target }] of runs.entries()) {
      // Directly, a scenario measures its own subgraph (organizations unless it says otherwise).
      const own = byName[scenario.subgraph ?? 'organizations']!;
      const server = target === 'gateway' ? gateway : own;
      // Through the gateway we send the bearer token and the gateway signs the proof; directly, we sign it, valid for the whole run.
      const rowSeconds = options.warmup + options.duration + 120;
      if (target === 'gateway') session = await tokenFor(session, gateway.graphqlUrl, rowSeconds);
      const headers = target === 'subgraph' ? await subgraphHeaders(rowSeconds) : bearer(session);
      await sampleCheck({ scenario, target, url: server.graphqlUrl, headers, seed: options.seed });
      const row = await measure({ scenario, target, server, headers, subgraphs: target === 'gateway' ? subgraphs : [own], ...options });
      if (died) throw new Error(died);
      rows.push({ ...row, exemplars });
      say(
        `[${i + 1}/${runs.length}] ${scenario.name} via ${target}: ${row.reqPerSec.toFixed(1)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
          `${row.non2xx} non-2xx, ${row.errors} errors, ${row.sqlPerRequest.toFixed(2)} SQL/req`,
      );
    }
  }

  // Organizations and tasks first: they read no exemplars, and they warm the servers up before the exemplar list
  // is compared across volumes (a cold gateway would flatter the larger volume, measured later).
  const volumes = options.exemplars;
  const treeScenarios = buildScenarios(tree, cursors).filter(selected);
  // Reported as at the last volume: what they read does not change with it.
  await measureAll(treeScenarios, volumes.at(-1)!);
  // The exemplar list at each smaller volume, then the same servers on the grown data: only the volume differs.
  for (const [i, volume] of volumes.slice(0, -1).entries()) {
    if (i > 0) await growExemplars(db.url, tree, volume, say);
    await measureAll(exemplarListScenarios(tree).filter(selected), volume);
  }
  // The list at the last volume right after it grew (and the load's pages are written out), as at the smaller ones:
  // the media load and the cursor walk that follow would otherwise sit between the two measurements.
  if (volumes.length > 1) await growExemplars(db.url, tree, volumes.at(-1)!, say);
  await settle(db.url, say);
  await measureAll(exemplarListScenarios(tree).filter(selected), volumes.at(-1)!);
  const mediaItems = await prepareMedia(db.url, tree, say);
  await settle(db.url, say);
  const walkStarted = Date.now();
  const pages = await collectExemplarPages(byName.exemplars!.graphqlUrl, await subgraphHeaders(600));
  say(
    `Walked the exemplars to page ${pages.page.toLocaleString('en')} in ${pages.starts.length} orders in ${((Date.now() - walkStarted) / 1000).toFixed(1)} s.`,
  );

  const scenarios = [...keysetScenarios(pages), ...mediaScenarios(tree)].filter(selected);
  if (treeScenarios.length + exemplarListScenarios(tree).filter(selected).length + scenarios.length === 0)
    throw new UsageError(`--only ${options.only.join(',')} matches no scenario.`);
  await measureAll(scenarios, volumes.at(-1)!);

  process.stdout.write(
    '\n' +
      renderReport(rows, exemplarComparisons(rows, volumes, pages), {
        postgresVersion: tree.postgresVersion,
        databaseSource: db.source,
        organizations: tree.ids.length,
        fanout: options.fanout,
        exemplars: volumes,
        volume: [
          `${work.directives.toLocaleString('en')} documents, ${work.tasks.toLocaleString('en')} tasks`,
          `${mediaItems.toLocaleString('en')} media items over ${tree.outletIds.length} outlets (the tree's communes)`,
        ].join(', '),
        duration: options.duration,
        warmup: options.warmup,
        connections: options.connections,
        loadBefore,
        account: BENCH_ACCOUNT,
      }) +
      '\n\n',
  );
  if (options.profile) say(`CPU profiles of the servers are written to ${options.profile} as they stop.`);
  const failed = rows.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length) {
    say(`${failed.length} run(s) had failed requests; their numbers partly measure the error path (see the server output above).`);
    return 1;
  }
  return 0;
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let code: number;
try {
  // `pnpm bench -- --duration 5` passes the separator on.
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const options = parseOptions(argv);
  if (options === 'help') {
    process.stdout.write(USAGE + '\n');
    code = 0;
  } else {
    code = await main(options);
  }
} catch (err) {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    say(`${(err as Error).message}\n\n${USAGE}`);
    code = 64; // EX_USAGE
  } else if (interrupted) {
    code = 130;
  } else if (err instanceof SampleCheckError) {
    say(`Sample check failed, nothing measured: ${err.message}`);
    code = 1;
  } else {
    say(`Failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    code = 1;
  }
}
await cleanup();
process.exit(code);
