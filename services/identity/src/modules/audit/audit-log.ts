import {
  AUDIT_EVENTS_PATH,
  AUDIT_ORDER,
  AuditEvent,
  badUserInput,
  checkAuditFilter,
  CALLER_HEADER,
  cursorValues,
  encodeCursor,
  pageRequest,
  readAuditEvents,
  signCallerProof,
  type AuditEventsArgs,
  type AuditVisibility,
  type Connection,
  type RequestContext,
  type SortTerm,
} from '@lantoa/kit';
import { request } from 'undici';

/** Offsets past this are refused: merging pages from every subgraph costs what the offset costs. Use `after`. */
export const MAX_AUDIT_OFFSET = 1_000;
const SOURCE_PAGE = 200;

interface SourcePage {
  nodes: AuditEvent[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** One subgraph's audit log, read as the caller may see it. */
type AuditSource = (args: AuditEventsArgs) => Promise<SourcePage>;

const toEvent = (raw: Record<string, unknown>): AuditEvent => Object.assign(new AuditEvent(), raw, { occurredAt: new Date(String(raw.occurredAt)) });

/** A remote subgraph's log, over its internal endpoint, with the caller's proof (it applies its own visibility rules). */
export function remoteSource(ctx: RequestContext, graphqlUrl: string, gatewaySecret: string): AuditSource {
  const url = new URL(AUDIT_EVENTS_PATH, graphqlUrl).toString();
  return async (args) => {
    const res = await request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': ctx.requestId,
        [CALLER_HEADER]: await signCallerProof(ctx.caller, ctx.requestId, gatewaySecret),
      },
      body: JSON.stringify(args),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const body = (await res.body.json()) as {
      nodes: Record<string, unknown>[];
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    if (res.statusCode !== 200) throw new Error(`Audit log at ${url} answered ${res.statusCode}: ${JSON.stringify(body).slice(0, 300)}`);
    return { nodes: body.nodes.map(toEvent), totalCount: body.totalCount, hasNextPage: body.pageInfo.hasNextPage, endCursor: body.pageInfo.endCursor };
  };
}

/** This subgraph's own log. */
export function localSource(ctx: RequestContext, visibility: AuditVisibility): AuditSource {
  return async (args) => {
    const page = await readAuditEvents(ctx.em, ctx.caller, visibility, args);
    return { nodes: page.nodes, totalCount: await page.totalCount, hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor };
  };
}

/** The newest `n` events of a source after the cursor, in pages it accepts. */
async function top(source: AuditSource, args: AuditEventsArgs, n: number): Promise<SourcePage> {
  const nodes: AuditEvent[] = [];
  let after = args.after ?? null;
  let page: SourcePage;
  do {
    page = await source({ filter: args.filter, first: Math.min(SOURCE_PAGE, n - nodes.length), after });
    nodes.push(...page.nodes);
    after = page.endCursor;
  } while (page.hasNextPage && nodes.length < n);
  return { ...page, nodes };
}

/**
 * The audit log of every subgraph as one list. Each subgraph keeps its own
 * log (written in the same transaction as its writes) and orders it the same
 * way (newest first, id breaking ties), so one keyset cursor pages all of
 * them: take each source's first `offset + first` events after the cursor and
 * merge.
 */
export async function readAllAuditEvents(sources: AuditSource[], args: AuditEventsArgs): Promise<Connection<AuditEvent>> {
  checkAuditFilter(args.filter);
  const page = pageRequest(args, AUDIT_ORDER as SortTerm<never>[]);
  if (page.offset > MAX_AUDIT_OFFSET)
    throw badUserInput([{ path: 'offset', message: `must be at most ${MAX_AUDIT_OFFSET} for the audit log; page on with \`after\`.` }]);
  const wanted = page.offset + page.first;
  const pages = wanted === 0 ? [] : await Promise.all(sources.map((s) => top(s, { filter: args.filter, after: args.after }, wanted)));
  const merged = pages.flatMap((p) => p.nodes).sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const nodes = merged.slice(page.offset, wanted);
  const last = nodes[nodes.length - 1];
  const counts = wanted === 0 ? Promise.all(sources.map((s) => s({ filter: args.filter, first: 0 }).then((p) => p.totalCount))) : null;
  return {
    nodes,
    pageInfo: {
      hasNextPage: merged.length > wanted || pages.some((p) => p.hasNextPage),
      endCursor: last ? encodeCursor(cursorValues(AUDIT_ORDER, last)) : null,
    },
    totalCount: counts ? counts.then((c) => c.reduce((a, b) => a + b, 0)) : pages.reduce((sum, p) => sum + p.totalCount, 0),
  };
}
