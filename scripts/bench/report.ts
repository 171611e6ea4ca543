import os from 'node:os';
import type { Measurement } from './load.js';

/** A measurement and the exemplar volume it was taken at. */
export type Row = Measurement & { exemplars: number };

/** Two rows the issues compare, e.g. keyset page 1 → page 2,000; `goal` says what the issue asks. */
export interface Comparison {
  label: string;
  from: Row;
  to: Row;
  goal: string;
}

export interface RunInfo {
  postgresVersion: string;
  databaseSource: string;
  organizations: number;
  fanout: number[];
  /** The exemplar volumes (--exemplars); rows at the smaller ones say so. */
  exemplars: number[];
  /** The other generated volume, e.g. "10,000 documents, 100,000 tasks, 100,000 media items over 500 outlets". */
  volume: string;
  duration: number;
  warmup: number;
  connections: number;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  loadBefore: number;
  /** Who the gateway rows are signed in as. */
  account: string;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const count = (n: number) => n.toLocaleString('en');
const change = (from: number, to: number) => {
  const pct = Math.round((to / from - 1) * 100);
  return Number.isFinite(pct) ? `${pct > 0 ? '+' : ''}${pct}%` : '–';
};

function comparisonLine({ label, from: a, to: b, goal }: Comparison): string {
  return (
    `- ${label}: mean latency ${fixed(a.mean, 1)} → ${fixed(b.mean, 1)} ms (${change(a.mean, b.mean)}), p99 ${a.p99} → ${b.p99} ms; ` +
    `req/s ${fixed(a.reqPerSec, 1)} → ${fixed(b.reqPerSec, 1)} (${fixed((b.reqPerSec / a.reqPerSec) * 100, 0)}%); SQL/req ${fixed(a.sqlPerRequest, 2)} → ${fixed(b.sqlPerRequest, 2)}. Asked: ${goal}.`
  );
}

/** A Markdown table (pastes into a closing note or PR as is) and the conditions it was measured under. */
export function renderReport(rows: Row[], comparisons: Comparison[], info: RunInfo): string {
  const last = info.exemplars.at(-1)!;
  const cpus = os.cpus();
  const lines = [
    `**Lan Tỏa benchmark** — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; load average ${info.loadBefore.toFixed(2)} before the run`,
    `- Node ${process.version}; ${info.postgresVersion} (${info.databaseSource})`,
    `- Tree: ${count(info.organizations)} organizations (fanout ${info.fanout.join(' × ')})`,
    `- Data: ${count(last)} exemplars${info.exemplars.length > 1 ? ` (the exemplar rows marked "at N exemplars" were measured before the exemplars grew to ${count(last)})` : ''}; ${info.volume}`,
    `- Load: autocannon, ${info.connections} connections, ${info.duration} s per row after ${info.warmup} s warm-up; parameters vary per request`,
    `- Caller: ${info.account}; via gateway with its bearer token (the gateway verifies it with identity, then caches the answer), directly with a caller proof we sign`,
    '',
    '| Scenario | Target | Requests | req/s | p50 ms | p99 ms | non-2xx | errors | SQL/req |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((r) =>
      [
        '',
        r.exemplars === last ? r.scenario : `${r.scenario} (at ${count(r.exemplars)} exemplars)`,
        r.target,
        r.requests.toLocaleString('en'),
        fixed(r.reqPerSec, 1),
        fixed(r.p50, 0),
        fixed(r.p99, 0),
        r.non2xx,
        r.errors,
        fixed(r.sqlPerRequest, 2),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    ...(comparisons.length ? ['', '**Comparisons**', '', ...comparisons.map(comparisonLine)] : []),
    '',
    'errors = socket errors + timeouts + 200 answers carrying GraphQL `errors`. SQL/req = statements the subgraphs a request reaches sent (all of them through the gateway) ÷ requests sent. Subgraphs, gateway, PostgreSQL and autocannon share the machine.',
  ];
  return lines.join('\n');
}
