import { ANONYMOUS, type Caller, type Logger as AppLogger, type Orm } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger, run, type Runner, type Task } from 'graphile-worker';
import { MediaItem } from './item.entity.js';
import { MediaStatus } from './item.enums.js';
import { MediaItemStep } from './step.entity.js';

/**
 * Scheduled publication on a job queue in PostgreSQL (graphile-worker, its
 * own schema `graphile_worker` in the same database), not a timer in memory:
 * a job survives a restart, and with two replicas exactly one worker takes
 * it (SKIP LOCKED). The job key is the item's id, so rescheduling replaces
 * the job; it is added, replaced or removed in the same transaction as the
 * write that decides it, so no job exists for a write that failed.
 *
 * The job carries the item's version at scheduling time and re-checks status
 * and version under a row lock in one transaction: a job for an item changed
 * since (rescheduled, published by hand, deleted) does nothing, and a job run
 * twice (a worker dying after its commit) cannot publish twice.
 */
export const PUBLISH_TASK = 'media_publish_item';
export const WORKER_SCHEMA = 'graphile_worker';

/** Who the timeline and the audit log name for a publication nobody clicked. */
const SCHEDULER: Caller = { ...ANONYMOUS, name: 'scheduled publication' };

/** In the write's transaction, after its flush: (re)schedules the item's publication at its publishAt. One statement. */
export async function schedulePublication(em: EntityManager, itemId: string): Promise<void> {
  await em.execute(
    `select ${WORKER_SCHEMA}.add_job(?, json_build_object('id', id, 'version', version), run_at => publish_at, job_key => id::text, job_key_mode => 'replace', max_attempts => 25)
     from media_item where id = ? and publish_at is not null`,
    [PUBLISH_TASK, itemId],
  );
}

/** In the write's transaction: the item will not be published by the queue. */
export async function cancelPublication(em: EntityManager, itemId: string): Promise<void> {
  await em.execute(`select ${WORKER_SCHEMA}.remove_job(?)`, [itemId]);
}

/** Publishes the item if it is still approved at the version the job was made for; true when it did. */
export async function publishScheduled(orm: Orm, payload: { id: string; version: number }): Promise<boolean> {
  const em = orm.em.fork({ loggerContext: { request: { caller: SCHEDULER, requestId: `publish:${payload.id}`, clientAddress: null } } });
  return em.transactional(async (tx) => {
    const item = await tx.findOne(MediaItem, { id: payload.id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!item || item.status !== MediaStatus.APPROVED || item.version !== payload.version || !item.publishAt) return false;
    item.status = MediaStatus.PUBLISHED;
    item.publishedAt = item.publishAt;
    tx.create(MediaItemStep, {
      mediaItemId: item.id,
      action: 'SCHEDULED_PUBLISH',
      fromStatus: MediaStatus.APPROVED,
      toStatus: MediaStatus.PUBLISHED,
      actorName: SCHEDULER.name,
      occurredAt: new Date(),
      note: null,
    });
    await tx.flush();
    return true;
  });
}

/** The queue's worker, started by the descriptor's start hook and stopped with the subgraph. */
export async function startPublicationWorker(o: { orm: Orm; databaseUrl: string; log: AppLogger; pollIntervalMs: number }): Promise<Runner> {
  const publish: Task = async (payload) => {
    const p = payload as { id?: unknown; version?: unknown };
    if (typeof p.id !== 'string' || typeof p.version !== 'number') return; // not ours to retry
    if (await publishScheduled(o.orm, { id: p.id, version: p.version })) o.log.info('media item published on schedule', { mediaItemId: p.id });
  };
  const logger = new Logger(() => (level, message) => {
    if (level === 'error') o.log.error(message, { worker: true });
    else if (level === 'warning') o.log.warn(message, { worker: true });
  });
  return run({
    connectionString: o.databaseUrl,
    schema: WORKER_SCHEMA,
    concurrency: 2,
    maxPoolSize: 3,
    pollInterval: o.pollIntervalMs,
    noHandleSignals: true,
    logger,
    taskList: { [PUBLISH_TASK]: publish },
  });
}
