/**
 * Running the access matrix: what a response means, whether it is what the
 * rule expects, and the printed picture of the whole policy.
 */
import type { Expected } from './rules.js';

export interface Response {
  status: number;
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** What a cell showed. */
export type Got =
  /** Let through: 'OK' (no error) or the (non-authorization) error code the sample provoked. */
  | { kind: 'allowed'; code: string }
  | { kind: 'forbidden'; message: string }
  /** UNAUTHENTICATED inside a GraphQL answer (HTTP 200): an anonymous caller on a non-public field. */
  | { kind: 'unauthenticated'; message: string }
  /** HTTP 401 UNAUTHENTICATED before anything ran. */
  | { kind: 'refused'; message: string }
  /** Neither an answer nor a refusal: a bad sample, a crash, a rate limit… always wrong. */
  | { kind: 'broken'; detail: string };

/** Codes that mean the cell says nothing about authorization: the test itself or the service is at fault. */
const BROKEN = new Set([
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
]);

const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function classify(res: Response): Got {
  const errors = res.errors ?? [];
  const codes = errors.map((e) => e.extensions?.code ?? 'NO_CODE');
  const first = (code: string) => errors.find((e) => e.extensions?.code === code)?.message ?? '';
  if (res.status === 401) {
    return errors.length === 1 && codes[0] === 'UNAUTHENTICATED'
      ? { kind: 'refused', message: errors[0]!.message }
      : { kind: 'broken', detail: `HTTP 401 with ${short(JSON.stringify(res.errors))}` };
  }
  if (res.status !== 200) return { kind: 'broken', detail: `HTTP ${res.status}: ${short(JSON.stringify(res.errors ?? res.data))}` };
  if (codes.includes('UNAUTHENTICATED')) return { kind: 'unauthenticated', message: first('UNAUTHENTICATED') };
  if (codes.includes('FORBIDDEN')) return { kind: 'forbidden', message: first('FORBIDDEN') };
  const broken = errors.find((e) => BROKEN.has(e.extensions?.code ?? 'NO_CODE') || !e.extensions?.code);
  if (broken) return { kind: 'broken', detail: `${broken.extensions?.code ?? 'NO_CODE'}: ${short(broken.message)}` };
  if (errors.length === 0 && (res.data === null || res.data === undefined)) return { kind: 'broken', detail: 'neither data nor errors' };
  return { kind: 'allowed', code: codes[0] ?? 'OK' };
}

/** Whether a cell shows what it must; the reason when it does not. */
export function verdict(expected: Expected, got: Got, o: { allowedCode: string; refusalReason?: RegExp }): string | undefined {
  switch (expected) {
    case 'allowed':
      if (got.kind !== 'allowed') return `expected it to be allowed (ending in ${o.allowedCode}), got ${describe(got)}`;
      if (got.code !== o.allowedCode) return `allowed, but ended in ${got.code} instead of ${o.allowedCode}: the sample is not doing what the rule says`;
      return undefined;
    case 'forbidden':
      return got.kind === 'forbidden' ? undefined : `expected FORBIDDEN, got ${describe(got)}`;
    case 'unauthenticated':
      // Anonymous callers: UNAUTHENTICATED in the answer, or an HTTP 401 — either refuses them.
      return got.kind === 'unauthenticated' || got.kind === 'refused' ? undefined : `expected UNAUTHENTICATED, got ${describe(got)}`;
    case 'refused':
      if (got.kind !== 'refused') return `expected HTTP 401 UNAUTHENTICATED, got ${describe(got)}`;
      if (o.refusalReason && !o.refusalReason.test(got.message))
        return `HTTP 401 as expected, but for another reason: "${got.message}" does not match ${o.refusalReason}`;
      return undefined;
  }
}

export function describe(got: Got): string {
  switch (got.kind) {
    case 'allowed':
      return got.code === 'OK' ? 'an answer (allowed)' : `${got.code} (allowed)`;
    case 'forbidden':
      return `FORBIDDEN ("${short(got.message, 100)}")`;
    case 'unauthenticated':
      return `UNAUTHENTICATED in a 200 ("${short(got.message, 100)}")`;
    case 'refused':
      return `HTTP 401 ("${short(got.message, 100)}")`;
    case 'broken':
      return `a broken answer: ${got.detail}`;
  }
}

export const SYMBOL: Record<Got['kind'], string> = { allowed: '✓', forbidden: '✗', unauthenticated: 'U', refused: '401', broken: '‼' };

export interface Column {
  key: string;
  /** At most 5 characters: the matrix header. */
  label: string;
  title: string;
}

export interface Row {
  label: string;
  cells: Map<string, { got?: Got; wrong?: string } | undefined>;
}

/** A fixed-width table: one row per operation, one column per principal; a wrong cell is marked with `!`. */
export function renderMatrix(title: string, columns: Column[], rows: Row[]): string {
  const width = Math.max(...rows.map((r) => [...r.label].length), 10);
  const cellWidth = Math.max(4, ...columns.map((c) => c.label.length + 1));
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const lines = [
    title,
    pad('', width) + ' │ ' + columns.map((c) => pad(c.label, cellWidth)).join(''),
    '─'.repeat(width + 1) + '┼' + '─'.repeat(cellWidth * columns.length + 1),
  ];
  for (const r of rows) {
    const cells = columns.map((c) => {
      const cell = r.cells.get(c.key);
      if (!cell?.got) return pad('·', cellWidth);
      return pad(SYMBOL[cell.got.kind] + (cell.wrong ? '!' : ''), cellWidth);
    });
    lines.push(pad(r.label, width) + ' │ ' + cells.join(''));
  }
  return lines.join('\n');
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
