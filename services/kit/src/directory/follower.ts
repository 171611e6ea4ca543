import { setTimeout as sleep } from 'node:timers/promises';
import { ORGANIZATION_FEED_AUDIENCE, SERVICE_HEADER, signServiceProof } from '../auth/service-proof.js';
import type { Orm } from '../database/orm.js';
import type { Logger } from '../log.js';
import { applyFeedChanges, appliedSeq } from './apply.js';
import { registerDirectoryFollower } from './directory.js';
import { FEED_DEFAULT_LIMIT, type FeedChange, type FeedPage } from './feed.js';

export interface DirectoryFollower {
  /** Resolves once the replica has caught up with the feed for the first time (the first full sync). */
  ready: Promise<void>;
  /** The first sync is done (`ready` has resolved). */
  isReady(): boolean;
  /** The last feed seq applied to the replica. */
  lastSeq(): number;
  /** Catches up now (one or more pages) and resolves when caught up; rejects when the feed cannot be read. */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface DirectoryFollowerOptions {
  /** The consuming subgraph's ORM; its schema holds the replica (directoryMigration). */
  orm: Orm;
  /** organizationFeedUrl(ORGANIZATIONS_URL). */
  feedUrl: string;
  gatewaySecret: string;
  log: Logger;
  /** Name of the consuming subgraph, sent in the service proof (for the feed's logs). */
  service?: string;
  /** Pause between polls once caught up. Default 200 ms: the replica lags the feed by about that much. */
  intervalMs?: number;
  /** Longest pause between retries while the feed cannot be read. Default 10 s. */
  maxBackoffMs?: number;
  pageSize?: number;
  /** Called after each applied page with the changes applied (tests, metrics). */
  onApplied?: (changes: FeedChange[]) => void;
}

const FETCH_TIMEOUT_MS = 10_000;

/** The feed answered but its page could not be applied (rolled back whole; retried like an unreachable feed). */
class ApplyError extends Error {}

/**
 * Keeps the local replica current: at first start it replays the feed from
 * seq 0 (the organizations migration put every existing organization there),
 * then polls for what is new. After being down it resumes from the seq stored
 * with the replica. While the feed cannot be read it retries with growing
 * pauses and logs (only the error, never organization data), and the replica
 * keeps serving what it last had.
 */
export function startDirectoryFollower(o: DirectoryFollowerOptions): DirectoryFollower {
  const knex = o.orm.em.getKnex();
  const interval = o.intervalMs ?? 200;
  const maxBackoff = o.maxBackoffMs ?? 10_000;
  let last = 0;
  let stopped = false;
  const controller = new AbortController();
  let synced = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const markReady = () => {
    synced = true;
    resolveReady();
  };

  async function fetchPage(after: number): Promise<FeedPage> {
    const proof = await signServiceProof(o.gatewaySecret, { audience: ORGANIZATION_FEED_AUDIENCE, service: o.service ?? 'subgraph' });
    const url = new URL(o.feedUrl);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(o.pageSize ?? FEED_DEFAULT_LIMIT));
    const res = await fetch(url, { headers: { [SERVICE_HEADER]: proof }, signal: AbortSignal.any([controller.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]) });
    if (!res.ok) throw new Error(`organization feed answered HTTP ${res.status}`);
    return (await res.json()) as FeedPage;
  }

  /** Reads and applies pages until the feed has nothing more. Serialized: one catch-up at a time. */
  let running: Promise<void> | null = null;
  let started = false;
  const catchUp = () =>
    (running ??= (async () => {
      try {
        // Read once; afterwards the replica's seq only moves through this follower's own applies (or another
        // instance's, whose pages the apply then drops as already applied).
        if (!started) last = await appliedSeq(knex);
        started = true;
        for (;;) {
          const page = await fetchPage(last);
          if (page.changes.length) {
            const applied = await applyFeedChanges(knex, page.changes, page.lastSeq).catch((err: Error) => {
              throw new ApplyError(err.message);
            });
            if (applied.length) o.onApplied?.(applied);
          }
          last = Math.max(last, page.lastSeq);
          if (!page.hasMore) return;
        }
      } finally {
        running = null;
      }
    })());

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await catchUp();
        if (failures && synced) o.log.info('organization directory sync works again', { lastSeq: last, failedAttempts: failures });
        failures = 0;
        if (!synced) o.log.info('organization directory synced', { lastSeq: last });
        markReady();
        await sleep(interval, undefined, { signal: controller.signal });
      } catch (err) {
        if (stopped) break;
        failures++;
        const wait = Math.min(maxBackoff, interval * 2 ** Math.min(failures, 10));
        // Services starting together: organizations may listen a moment after us. Not worth a warning yet.
        if (!synced && failures <= 3 && !(err instanceof ApplyError)) {
          o.log.info('waiting for the organization feed', { feedUrl: o.feedUrl, retryInMs: wait });
        } else if (failures === 1 || wait < maxBackoff || failures % 10 === 0) {
          // First failure, then each time the pause doubles up to its cap: enough to notice, not a flood.
          o.log.warn(
            `organization directory sync failed (${err instanceof ApplyError ? 'applying a page' : 'reading the feed'}); the replica keeps its last state and retries`,
            {
              feedUrl: o.feedUrl,
              // The driver's message, without the statement a database error quotes before it.
              error: String((err as Error).message)
                .split(' - ')
                .at(-1),
              failedAttempts: failures,
              retryInMs: wait,
              lastSeq: last,
            },
          );
        }
        await sleep(wait, undefined, { signal: controller.signal }).catch(() => {});
      }
    }
  })().catch(() => {});

  const follower: DirectoryFollower = {
    ready,
    isReady: () => synced,
    lastSeq: () => last,
    syncNow: () => catchUp(),
    async stop() {
      stopped = true;
      controller.abort();
      await loop;
      await running?.catch(() => {});
    },
  };
  registerDirectoryFollower(o.orm.em, follower);
  return follower;
}
