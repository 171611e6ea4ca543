import {
  Access,
  badUserInput,
  can,
  checkExpectedVersion,
  conflict,
  forbidden,
  InputCheck,
  LONGEST_TEXT,
  linked,
  notFound,
  requireAccess,
  richTextToPlain,
  sanitizeRichText,
  searchKey,
  timeInProvince,
  todayInProvince,
  type RequestContext,
  type TextRule,
} from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireLiveDirectiveLinks } from '../refs/directives.js';
import { requireLiveExemplars } from '../refs/exemplars.js';
import { MediaItem } from './item.entity.js';
import { MediaAction, MediaStatus } from './item.enums.js';
import type { CreateMediaItemInput, UpdateMediaItemInput } from './item.inputs.js';
import { cancelPublication, schedulePublication } from './publication.js';
import { MediaItemStep } from './step.entity.js';
import { normalizeUrl } from './url.js';
import { actionsFrom, STEPS } from './workflow.js';

const RULES = {
  title: { max: 500, required: true },
  summary: { max: 2000, kind: 'note' },
  author: { max: 200, required: true },
  note: { max: 2000, kind: 'note' },
} satisfies Record<string, TextRule>;
// The longest text any field takes; the gateway's body limit is derived from it (kit/http/body-limit.ts).
const MAX_BODY = LONGEST_TEXT;
const MAX_AUTHORS = 20;
const MAX_URL = 2000;
const MAX_REACH = 2_000_000_000;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const REACH = ['views', 'shares', 'listeners'] as const;
const LINKS = ['exemplarIds', 'directiveIds', 'themeIds', 'taskIds'] as const;
const PRESS = 'PRESS';

const searchTextOf = (e: Pick<MediaItem, 'title' | 'summary' | 'body' | 'authors'>) =>
  searchKey([e.title, e.summary, e.authors.join(' '), e.body ? richTextToPlain(e.body) : null].filter(Boolean).join(' ').slice(0, 20_000));

const isPublished = (s: MediaStatus) => s === MediaStatus.PUBLISHED || s === MediaStatus.ARCHIVED;

/**
 * Writes to media items: editors of the outlet's organization subtree (admins
 * anywhere); approving and rejecting need a reviewer of that subtree. The
 * status changes only through workflow steps, each kept on the timeline; the
 * publication job is added, replaced or removed in the same transaction.
 */
export class MediaItemService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateMediaItemInput): Promise<MediaItem> {
    return this.urlGuarded(async (em) => {
      const values = await this.checked(em, new InputCheck('create'), input, input, null);
      const item = em.create(MediaItem, { ...values, status: MediaStatus.DRAFT, searchText: '' });
      item.searchText = searchTextOf(item);
      // The step refers to the item by id only: the item goes first.
      await em.flush();
      this.record(em, item, 'CREATE', null, null);
      await em.flush();
      return item;
    });
  }

  async update(id: string, input: UpdateMediaItemInput, expectedVersion?: number | null): Promise<MediaItem> {
    return this.urlGuarded(async (em) => {
      const e = await this.liveForUpdate(em, id, Access.EDIT);
      checkExpectedVersion('MediaItem', e, expectedVersion);
      if (e.status === MediaStatus.ARCHIVED) throw conflict('An archived media item does not change.', { status: e.status });
      const check = new InputCheck('update');
      for (const key of ['kind', 'title', 'outletId', 'tone'] as const) check.required(`input.${key}`, input[key]);
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as UpdateMediaItemInput;
      const merged = { ...e, ...given } as unknown as CreateMediaItemInput;
      Object.assign(e, await this.checked(em, check, merged, given, e));
      e.searchText = searchTextOf(e);
      await em.flush();
      // The job carries the version: a change to a scheduled item reschedules it at the new one.
      if (e.status === MediaStatus.APPROVED && e.publishAt) await schedulePublication(em, e.id);
      return e;
    });
  }

  async setDeleted(id: string, deleted: boolean): Promise<MediaItem> {
    return this.urlGuarded(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const e = await em.findOne(MediaItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!e || (deleted && e.deletedAt)) throw notFound('MediaItem', id, 'id');
      await this.requireInScope(e.outletId, Access.EDIT);
      if (!deleted && e.deletedAt && e.url) await this.refuseDuplicateUrl(em, e.url, e.id);
      e.deletedAt = deleted ? new Date() : null;
      // A schedule that passed while the item was deleted is dropped, not kept: the queue would
      // publish at once with a backdated time. The item stays approved; its timeline says so.
      if (!deleted && e.status === MediaStatus.APPROVED && e.publishAt && e.publishAt <= new Date()) {
        this.record(em, e, 'SCHEDULE_DROPPED', e.status, `Lịch đăng ${timeInProvince(e.publishAt)} đã qua khi khôi phục: bỏ lịch, tin bài chưa đăng.`);
        e.publishAt = null;
      }
      await em.flush();
      if (deleted) await cancelPublication(em, e.id);
      else if (e.status === MediaStatus.APPROVED && e.publishAt) await schedulePublication(em, e.id);
      return e;
    });
  }

  /**
   * One workflow step. A step the status does not allow is CONFLICT; a step
   * the caller's role or scope does not allow is FORBIDDEN; a rejection
   * without a note, a publication time not in the future, or publishing an
   * item whose recorded publication time is still to come is BAD_USER_INPUT.
   * Each leaves nothing behind.
   */
  async transition(id: string, action: MediaAction, o: { note?: string | null; publishAt?: Date | null; expectedVersion?: number | null }): Promise<MediaItem> {
    return this.ctx.em.transactional(async (em) => {
      const step = STEPS[action];
      const now = new Date();
      const check = new InputCheck();
      const note = check.text('note', o.note, RULES.note);
      if (step.needsNote && !note) check.add('note', `is required: say why (${action}).`);
      if (o.publishAt != null && action !== MediaAction.APPROVE && action !== MediaAction.SCHEDULE) check.add('publishAt', 'is only for APPROVE and SCHEDULE.');
      check.moment('publishAt', o.publishAt, 'scheduled');
      check.uuid('id', id);
      check.done();
      const e = await this.liveForUpdate(em, id, step.access);
      checkExpectedVersion('MediaItem', e, o.expectedVersion);
      if (!step.from.includes(e.status)) {
        const allowed = actionsFrom(e.status).filter((a) => can(this.ctx.caller, STEPS[a].access));
        throw conflict(`${action} is not a step a media item can take from ${e.status}${allowed.length ? `; it can: ${allowed.join(', ')}` : ''}.`, {
          status: e.status,
          allowedActions: allowed,
        });
      }
      if (action === MediaAction.PUBLISH) {
        if (e.publishedAt && e.publishedAt > now)
          throw badUserInput([{ path: 'publishedAt', message: `is ${e.publishedAt.toISOString()}, in the future: schedule it with publishAt instead.` }]);
        e.publishedAt = e.publishedAt ?? now;
      }
      const from = e.status;
      e.status = step.to;
      if (action === MediaAction.APPROVE || action === MediaAction.SCHEDULE) e.publishAt = o.publishAt ?? null;
      if (action === MediaAction.PUBLISH || action === MediaAction.REJECT) e.publishAt = null;
      this.record(em, e, action, from, note ?? null);
      await em.flush();
      if (e.status === MediaStatus.APPROVED && e.publishAt) await schedulePublication(em, e.id);
      else if (from === MediaStatus.APPROVED) await cancelPublication(em, e.id);
      return e;
    });
  }

  /**
   * A write that may store a URL. The check before it names the other item;
   * two writes of the same URL at the same moment both pass it, and the
   * unique index refuses the second: CONFLICT too, not an internal error.
   */
  private async urlGuarded(write: (em: EntityManager) => Promise<MediaItem>): Promise<MediaItem> {
    try {
      return await this.ctx.em.transactional(write);
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw conflict('This URL was recorded for another item a moment ago: reload and check it.');
      throw err;
    }
  }

  private record(em: EntityManager, e: MediaItem, action: MediaItemStep['action'], from: MediaStatus | null, note: string | null): void {
    const caller = this.ctx.caller;
    em.create(MediaItemStep, {
      mediaItemId: e.id,
      action,
      fromStatus: from,
      toStatus: e.status,
      actorId: caller.id,
      actorName: caller.displayName ?? null,
      occurredAt: new Date(),
      note,
    });
  }

  /** A live item locked for a write, after checking the caller's access in its outlet's subtree. */
  async liveForUpdate(em: EntityManager, id: string, access: Access): Promise<MediaItem> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const e = await em.findOne(MediaItem, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!e) throw notFound('MediaItem', id, 'id');
    await this.requireInScope(e.outletId, access);
    return e;
  }

  async requireInScope(outletId: string, access: Access): Promise<void> {
    requireAccess(this.ctx.caller, access);
    if (!(await new Directory(this.ctx).inScope(this.ctx.caller, outletId))) {
      throw forbidden(
        `This outlet is outside your own organization’s subtree${access === Access.REVIEW ? ': only reviewers of the outlet may approve or reject its items' : ''}.`,
      );
    }
  }

  private async refuseDuplicateUrl(em: EntityManager, url: string, exceptId: string | null): Promise<void> {
    const other = await em.findOne(MediaItem, { url, deletedAt: null, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
    if (other) {
      throw conflict(`This URL is already recorded for “${other.title}” (${other.id}).`, {
        duplicate: { id: other.id, title: other.title, status: other.status },
      });
    }
  }

  /** Field rules, then references; `given` is what the caller sent (an update re-checks only what it changes). */
  private async checked(em: EntityManager, check: InputCheck, input: CreateMediaItemInput, given: UpdateMediaItemInput, current: MediaItem | null) {
    const title = check.text('input.title', input.title, RULES.title);
    const summary = check.text('input.summary', input.summary, RULES.summary);
    let body: string | null = null;
    if (input.body != null) {
      if (input.body.length > MAX_BODY) check.add('input.body', `must be at most ${MAX_BODY} characters.`);
      body = sanitizeRichText(input.body).html || null;
    }
    const authors: string[] = [];
    if (input.authors && input.authors.length > MAX_AUTHORS) check.add('input.authors', `must list at most ${MAX_AUTHORS} authors.`);
    else input.authors?.forEach((a, i) => authors.push(check.text(`input.authors.${i}`, a, RULES.author) ?? ''));
    const language = input.language ?? 'vi';
    if (!LANGUAGE.test(language)) check.add('input.language', 'must be a language tag such as vi, en or tyz (Tày).');
    let url: string | null = null;
    if (input.url != null && input.url.trim() !== '') {
      url = input.url.length > MAX_URL ? null : normalizeUrl(input.url.normalize('NFC'));
      if (!url) check.add('input.url', `must be an absolute http or https URL of at most ${MAX_URL} characters.`);
    }
    for (const key of REACH) {
      const v = input[key];
      if (v != null && (v < 0 || v > MAX_REACH)) check.add(`input.${key}`, `must be between 0 and ${MAX_REACH} (got ${v}).`);
    }
    const today = todayInProvince();
    // New figures without their day were read today; figures kept keep theirs.
    const freshFigures = REACH.some((k) => given[k] != null) && given.reachReadOn === undefined;
    const reachReadOn = freshFigures ? today : (input.reachReadOn ?? null);
    check.day('input.reachReadOn', reachReadOn, 'past');
    const status = current?.status ?? MediaStatus.DRAFT;
    const publishedAt = input.publishedAt ?? null;
    if (isPublished(status) && !publishedAt) check.add('input.publishedAt', 'cannot be cleared: the item is published.');
    // A published item has appeared already; a draft may note when it is meant to appear (PUBLISH then waits for it).
    check.moment('input.publishedAt', publishedAt, isPublished(status) ? 'past' : 'planned');
    for (const key of LINKS) check.uuids(`input.${key}`, input[key]);
    check.done();

    if (given.outletId) {
      const outlet = await new Directory(this.ctx).requireLive(given.outletId, 'input.outletId');
      if (outlet.type !== PRESS)
        throw badUserInput([{ path: 'input.outletId', message: `is ${outlet.name}, not a press outlet (its type is ${outlet.type}).` }]);
      await this.requireInScope(given.outletId, Access.EDIT);
    }
    if (url && given.url !== undefined) await this.refuseDuplicateUrl(em, url, current?.id ?? null);
    const exemplarIds = [...new Set(input.exemplarIds ?? [])];
    // Last, after every local rule: the checks that need another subgraph (refs/), only for links this write changes.
    await Promise.all([
      given.exemplarIds?.length ? requireLiveExemplars(this.ctx, exemplarIds, 'input.exemplarIds') : undefined,
      requireLiveDirectiveLinks(this.ctx, [
        ...linked('Directive', 'input.directiveIds', given.directiveIds),
        ...linked('Theme', 'input.themeIds', given.themeIds),
        ...linked('Task', 'input.taskIds', given.taskIds),
      ]),
    ]);
    return {
      kind: input.kind,
      title: title!,
      summary: summary ?? null,
      body,
      outletId: input.outletId,
      authors,
      language,
      url,
      tone: input.tone,
      publishedAt,
      views: input.views ?? null,
      shares: input.shares ?? null,
      listeners: input.listeners ?? null,
      reachReadOn,
      exemplarIds,
      directiveIds: [...new Set(input.directiveIds ?? [])],
      themeIds: [...new Set(input.themeIds ?? [])],
      taskIds: [...new Set(input.taskIds ?? [])],
    };
  }
}
