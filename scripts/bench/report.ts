import os from 'node:os';
import type { Measurement } from './load.js';

export interface RunInfo {
  postgresVersion: string;
  databaseSource: string;
  organizations: number;
  fanout: number[];
  duration: number;
  warmup: number;
  connections: number;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  loadBefore: number;
  /** Who the gateway rows are signed in as. */
  account: string;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** A Markdown table (pastes into a closing note or PR as is) and the conditions it was measured under. */
export function renderReport(rows: Measurement[], info: RunInfo): string {
  const cpus = os.cpus();
  const lines = [
    `**Lan Tỏa benchmark** — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; load average ${info.loadBefore.toFixed(2)} before the run`,
    `- Node ${process.version}; ${info.postgresVersion} (${info.databaseSource})`,
    `- Tree: ${info.organizations.toLocaleString('en')} organizations (fanout ${info.fanout.join(' × ')})`,
    `- Load: autocannon, ${info.connections} connections, ${info.duration} s per row after ${info.warmup} s warm-up; parameters vary per request`,
    `- Caller: ${info.account}; via gateway with its bearer token (the gateway verifies it with identity, then caches the answer), directly with a caller proof we sign`,
    '',
    '| Scenario | Target | Requests | req/s | p50 ms | p99 ms | non-2xx | errors | SQL/req |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((r) =>
      [
        '',
        r.scenario,
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
    'errors = socket errors + timeouts + 200 answers carrying GraphQL `errors`. SQL/req = statements the subgraphs a request reaches sent (all of them through the gateway) ÷ requests sent. Subgraphs, gateway, PostgreSQL and autocannon share the machine.',
  ];
  return lines.join('\n');
}
