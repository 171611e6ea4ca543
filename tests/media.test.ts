/**
 * The media subgraph through the gateway, on the demo data: the editorial
 * workflow with every role and refused step, scheduled publication exactly
 * once across a restart and with two replicas on the same database, bad
 * input refused and changing nothing, the federated fields and campaign
 * progress, and the uncovered-exemplars to-do list with a bounded number of
 * SQL statements.
 */
import { countSql, demoId, startSubgraph, todayInProvince, type RunningSubgraph } from '@lantoa/kit';
import { samplePdf } from '@lantoa/kit/attachments';
import { gql, gqlOk } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExemplars } from '../services/exemplars/src/testing/generate.js';
import { generateMediaItems } from '../services/media/src/testing/generate.js';
import { publishScheduled } from '../services/media/src/modules/item/publication.js';
import { subgraph as media } from '../services/media/src/subgraph.js';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
const as: Record<string, Record<string, string>> = {};
const org = (key: string) => demoId('organization', key);
const exemplar = (key: string) => demoId('exemplar', key);
const extra: RunningSubgraph[] = [];

async function createUser(key: string, email: string, organization: string, role: string): Promise<void> {
  const password = 'mật khẩu đủ dài 2026';
  await gqlOk(
    s.gateway.url,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email, displayName: `Người dùng ${key}`, organizationId: org(organization), roles: [role], password } },
    as.admin,
  );
  const signIn = await gqlOk(s.gateway.url, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', {
    e: email,
    p: password,
  });
  as[key] = { authorization: `Bearer ${signIn.signIn.accessToken}` };
}

beforeAll(async () => {
  s = await startStack('media');
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  await s.replicated('media', org('dai-bac-kan'));
  for (const [key, email] of Object.entries({
    admin: 'admin@lantoa.vn',
    provinceEditor: 'bientap@lantoa.vn',
    babeEditor: 'bientap.babe@lantoa.vn',
    provinceReviewer: 'kiemduyet@lantoa.vn',
    viewer: 'xem@lantoa.vn',
  })) {
    as[key] = await s.as(email);
  }
  // The newsroom's own staff: the demo users belong to the Party's boards, not to the outlets.
  await createUser('pressEditor', 'bientap@baobackan.example.vn', 'bao-bac-kan', 'EDITOR');
  await createUser('pressReviewer', 'kiemduyet@baobackan.example.vn', 'bao-bac-kan', 'REVIEWER');
  await createUser('tvReviewer', 'kiemduyet@backantv.example.vn', 'dai-bac-kan', 'REVIEWER');
});

afterAll(async () => {
  for (const r of extra) await r.stop().catch(() => undefined);
  await sql?.end();
  await s?.stop();
});

const call = (who: string, query: string, variables?: Record<string, unknown>) => gql(s.gateway.url, query, variables, as[who]);
const ok = async (who: string, query: string, variables?: Record<string, unknown>) => gqlOk(s.gateway.url, query, variables, as[who]);
const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const rows = async (q: string, p: unknown[] = []) => (await sql.query(q, p)).rows;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CREATE = 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id status url version allowedActions body } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateMediaItemInput!) { updateMediaItem(id: $id, input: $i) { id version publishedAt } }';
const TRANSITION = `mutation($id: ID!, $a: MediaAction!, $n: String, $at: DateTime) { transitionMediaItem(id: $id, action: $a, note: $n, publishAt: $at) {
  status publishAt publishedAt allowedActions timeline { action fromStatus toStatus actorName note occurredAt } } }`;
const draft = (title: string, more: Record<string, unknown> = {}) => ({
  kind: 'ONLINE_ARTICLE',
  title,
  outletId: org('bao-bac-kan'),
  tone: 'PROMOTES_EXEMPLAR',
  ...more,
});

describe('the editorial workflow', () => {
  it('goes draft → review → (rejected → review →) approved → published → archived; refused steps CONFLICT, wrong roles and scopes FORBIDDEN, changing nothing', async () => {
    const { createMediaItem: item } = await ok('pressEditor', CREATE, {
      i: draft('Chi bộ Bản Cám – điểm sáng học tập và làm theo Bác', { body: '<p onclick="x()">Bài <b>viết</b><script>alert(1)</script></p>' }),
    });
    expect(item).toMatchObject({ status: 'DRAFT', allowedActions: ['SUBMIT'], body: '<p>Bài <b>viết</b></p>' });
    const state = async () => (await rows('select status, version from media.media_item where id = $1', [item.id]))[0];
    const refused = async (who: string, action: string, code: string, note?: string) => {
      const before = await state();
      const res = await call(who, TRANSITION, { id: item.id, a: action, n: note });
      expect(codeOf(res), `${who} ${action}`).toBe(code);
      expect(await state(), `${who} ${action} changed nothing`).toEqual(before);
    };
    await refused('viewer', 'SUBMIT', 'FORBIDDEN');
    await refused('babeEditor', 'SUBMIT', 'FORBIDDEN'); // a district's editor, outside the outlet's subtree
    await refused('provinceEditor', 'SUBMIT', 'FORBIDDEN'); // the board is not above the newspaper in the tree
    await refused('pressEditor', 'APPROVE', 'FORBIDDEN'); // editors do not approve
    await refused('pressReviewer', 'APPROVE', 'CONFLICT'); // not submitted yet
    await refused('pressEditor', 'PUBLISH', 'CONFLICT');
    await refused('pressEditor', 'ARCHIVE', 'CONFLICT');

    expect((await ok('pressEditor', TRANSITION, { id: item.id, a: 'SUBMIT' })).transitionMediaItem.status).toBe('IN_REVIEW');
    await refused('pressEditor', 'SUBMIT', 'CONFLICT');
    await refused('pressEditor', 'REJECT', 'FORBIDDEN', 'không');
    await refused('tvReviewer', 'APPROVE', 'FORBIDDEN'); // a reviewer of another outlet
    await refused('provinceReviewer', 'APPROVE', 'FORBIDDEN');
    await refused('pressReviewer', 'REJECT', 'BAD_USER_INPUT', '   '); // a rejection says why
    const rejected = (await ok('pressReviewer', TRANSITION, { id: item.id, a: 'REJECT', n: 'Bổ sung ảnh và trích dẫn' })).transitionMediaItem;
    expect(rejected).toMatchObject({ status: 'DRAFT' });
    await ok('pressEditor', TRANSITION, { id: item.id, a: 'SUBMIT' });
    const approved = (await ok('pressReviewer', TRANSITION, { id: item.id, a: 'APPROVE', n: 'Đạt' })).transitionMediaItem;
    expect(approved.allowedActions).toEqual(['SCHEDULE', 'PUBLISH']);
    await refused('pressReviewer', 'APPROVE', 'CONFLICT');
    await refused('pressReviewer', 'REJECT', 'CONFLICT', 'muộn');
    await refused('viewer', 'PUBLISH', 'FORBIDDEN');
    const published = (await ok('pressEditor', TRANSITION, { id: item.id, a: 'PUBLISH' })).transitionMediaItem;
    expect(published.status).toBe('PUBLISHED');
    expect(Date.now() - Date.parse(published.publishedAt)).toBeLessThan(60_000);
    await refused('pressEditor', 'PUBLISH', 'CONFLICT');
    const archived = (await ok('pressEditor', TRANSITION, { id: item.id, a: 'ARCHIVE' })).transitionMediaItem;
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.allowedActions).toEqual([]);
    expect(archived.timeline.map((t: { action: string }) => t.action)).toEqual(['CREATE', 'SUBMIT', 'REJECT', 'SUBMIT', 'APPROVE', 'PUBLISH', 'ARCHIVE']);
    expect(archived.timeline[2]).toMatchObject({
      fromStatus: 'IN_REVIEW',
      toStatus: 'DRAFT',
      actorName: 'Người dùng pressReviewer, Báo Bắc Kạn', // never the e-mail: timelines are for every reader
      note: 'Bổ sung ảnh và trích dẫn',
    });
    expect(archived.timeline.every((t: { occurredAt: string; actorName: string }) => t.occurredAt && t.actorName)).toBe(true);
    await refused('pressEditor', 'ARCHIVE', 'CONFLICT');
    // An archived item does not change.
    expect(codeOf(await call('pressEditor', UPDATE, { id: item.id, i: { summary: 'Sửa' } }))).toBe('CONFLICT');
  });

  it('an admin may take every step anywhere; a stale expectedVersion is CONFLICT', async () => {
    const { createMediaItem: item } = await ok('admin', CREATE, { i: draft('Bài của quản trị', { outletId: org('dai-bac-kan'), kind: 'TV_REPORT' }) });
    const stale = await call('admin', UPDATE, { id: item.id, i: { summary: 'Một' } });
    expect(stale.errors).toBeUndefined();
    const res = await gql(
      s.gateway.url,
      'mutation($id: ID!) { updateMediaItem(id: $id, input: { summary: "Hai" }, expectedVersion: 1) { id } }',
      { id: item.id },
      as.admin,
    );
    expect(codeOf(res)).toBe('CONFLICT');
    for (const a of ['SUBMIT', 'APPROVE', 'PUBLISH']) await ok('admin', TRANSITION, { id: item.id, a });
  });
});

describe('bad input', () => {
  it('refuses a non-press outlet, a future publication time for a published item, negative reach, a duplicate URL and an unknown exemplar, changing nothing', async () => {
    const { createMediaItem: published } = await ok('pressEditor', CREATE, { i: draft('Bài đã đăng để thử', { url: 'https://baobackan.vn/bai-thu' }) });
    for (const a of ['SUBMIT']) await ok('pressEditor', TRANSITION, { id: published.id, a });
    await ok('pressReviewer', TRANSITION, { id: published.id, a: 'APPROVE' });
    await ok('pressEditor', TRANSITION, { id: published.id, a: 'PUBLISH' });
    const snapshot = async () => ({
      count: (await rows('select count(*)::int as n from media.media_item'))[0].n,
      item: (await rows('select version, published_at, views, url from media.media_item where id = $1', [published.id]))[0],
      steps: (await rows('select count(*)::int as n from media.media_item_step'))[0].n,
    });
    const before = await snapshot();
    const future = new Date(Date.now() + 86_400_000).toISOString();

    const nonPress = await call('admin', CREATE, { i: draft('Huyện ủy không phải cơ quan báo chí', { outletId: org('hu-ba-be') }) });
    expect(codeOf(nonPress)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(nonPress.errors![0]!.extensions)).toContain('input.outletId');

    const futurePublished = await call('pressEditor', UPDATE, { id: published.id, i: { publishedAt: future } });
    expect(codeOf(futurePublished)).toBe('BAD_USER_INPUT');

    for (const key of ['views', 'shares', 'listeners']) {
      const negative = await call('pressEditor', UPDATE, { id: published.id, i: { [key]: -1 } });
      expect(codeOf(negative), key).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(negative.errors![0]!.extensions)).toContain(`input.${key}`);
    }
    const negativeCreate = await call('pressEditor', CREATE, { i: draft('Lượt xem âm', { views: -5 }) });
    expect(codeOf(negativeCreate)).toBe('BAD_USER_INPUT');

    // The demo article, written differently: upper-case host, tracking parameters, fragment, trailing slash.
    const duplicate = await call('pressEditor', CREATE, {
      i: draft('Trùng đường dẫn', { url: 'HTTPS://BaoBacKan.vn/so-ket-3-nam-thuc-hien-ket-luan-01-kl-tw/?utm_source=zalo&utm_medium=share#binh-luan' }),
    });
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors![0]!.message).toContain('Sơ kết 3 năm');
    expect((duplicate.errors![0]!.extensions as { duplicate: { id: string } }).duplicate.id).toBe(demoId('media-item', 'so-ket-3-nam-kl01'));
    const duplicateUpdate = await call('pressEditor', UPDATE, { id: published.id, i: { url: 'https://baobackan.vn/cham-giai-ngan-von-ho-tro-san-xuat/' } });
    expect(codeOf(duplicateUpdate)).toBe('CONFLICT');

    const unknown = await call('pressEditor', CREATE, {
      i: draft('Điển hình không có', { exemplarIds: [exemplar('chi-bo-ban-cam'), '00000000-0000-4000-8000-000000000000'] }),
    });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(JSON.stringify(unknown.errors![0]!.extensions)).toContain('input.exemplarIds.1');
    const unknownUpdate = await call('pressEditor', UPDATE, { id: published.id, i: { exemplarIds: ['00000000-0000-4000-8000-000000000001'] } });
    expect(codeOf(unknownUpdate)).toBe('NOT_FOUND');
    // Directives, themes and tasks are asked of the directives subgraph; the first one missing is named.
    const known = { directiveIds: [demoId('directive', '01-kl-tw')], taskIds: [demoId('task', 'phan-anh-thieu-trach-nhiem')] };
    for (const [key, path] of [
      ['directiveIds', 'input.directiveIds.1'],
      ['themeIds', 'input.themeIds.0'],
      ['taskIds', 'input.taskIds.1'],
    ] as const) {
      const links = { ...known, [key]: [...((known as Record<string, string[]>)[key] ?? []), '00000000-0000-4000-8000-000000000002'] };
      const res = await call('pressEditor', CREATE, { i: draft('Văn bản không có', links) });
      expect(codeOf(res), key).toBe('NOT_FOUND');
      expect(JSON.stringify(res.errors![0]!.extensions), key).toContain(path);
    }
    const wrongType = await call('pressEditor', UPDATE, { id: published.id, i: { themeIds: [demoId('directive', '01-kl-tw')] } });
    expect(codeOf(wrongType)).toBe('NOT_FOUND');

    const badUrl = await call('pressEditor', CREATE, { i: draft('Đường dẫn sai', { url: 'javascript:alert(1)' }) });
    expect(codeOf(badUrl)).toBe('BAD_USER_INPUT');
    const pastSchedule = await call('pressReviewer', TRANSITION, { id: published.id, a: 'SCHEDULE', at: new Date(Date.now() - 1000).toISOString() });
    expect(codeOf(pastSchedule)).toBe('BAD_USER_INPUT');

    // Publishing a draft recorded with a publication time still to come: refused at the PUBLISH step.
    const { createMediaItem: early } = await ok('pressEditor', CREATE, { i: draft('Bài ghi giờ đăng trong tương lai', { publishedAt: future }) });
    await ok('pressEditor', TRANSITION, { id: early.id, a: 'SUBMIT' });
    await ok('pressReviewer', TRANSITION, { id: early.id, a: 'APPROVE' });
    const earlyState = (await rows('select status, version from media.media_item where id = $1', [early.id]))[0];
    expect(codeOf(await call('pressEditor', TRANSITION, { id: early.id, a: 'PUBLISH' }))).toBe('BAD_USER_INPUT');
    expect((await rows('select status, version from media.media_item where id = $1', [early.id]))[0]).toEqual(earlyState);
    before.count += 1;
    before.steps += 3;

    expect(await snapshot()).toEqual(before);
    // The same URL normalised is stored once: the live item's own URL may be sent again.
    const same = await ok('pressEditor', UPDATE, { id: published.id, i: { url: 'https://BAOBACKAN.vn/bai-thu/?utm_campaign=x', views: 10 } });
    expect(same.updateMediaItem.version).toBe(before.item.version + 1);
    expect((await rows('select url, views, reach_read_on from media.media_item where id = $1', [published.id]))[0]).toMatchObject({
      url: 'https://baobackan.vn/bai-thu',
      views: 10,
    });
    const readOn = (await rows('select reach_read_on::text as d from media.media_item where id = $1', [published.id]))[0].d;
    expect(readOn).toBe(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)); // today in the province
    const future2 = new Date(Date.now() + 7 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(codeOf(await call('pressEditor', UPDATE, { id: published.id, i: { views: 11, reachReadOn: future2 } }))).toBe('BAD_USER_INPUT');
  });
});

describe('attachments', () => {
  it('take documents from editors of the outlet, listed on the item and readable by viewers', async () => {
    const id = demoId('media-item', 'cham-giai-ngan');
    const UPLOAD =
      'mutation($id: ID!, $name: String!, $size: Int!) { createMediaItemAttachmentUpload(mediaItemId: $id, fileName: $name, size: $size) { uploadUrl } }';
    const pdf = samplePdf('Ban in bao ngay 5/9/2024');
    const t = await ok('pressEditor', UPLOAD, { id, name: 'bản in báo.pdf', size: pdf.length });
    expect(t.createMediaItemAttachmentUpload.uploadUrl).toMatch(/^\/uploads\/media\//);
    const base = s.gateway.url.replace(/\/graphql$/, '');
    const up = await fetch(base + t.createMediaItemAttachmentUpload.uploadUrl, {
      method: 'PUT',
      headers: { ...as.pressEditor, 'content-type': 'application/octet-stream' },
      body: pdf,
    });
    expect(up.status).toBe(201);
    const listed = await ok('viewer', 'query($id: ID!) { mediaItem(id: $id) { attachments { fileName mimeType url } } }', { id });
    const file = listed.mediaItem.attachments.find((a: { fileName: string }) => a.fileName === 'bản in báo.pdf');
    expect(file).toMatchObject({ mimeType: 'application/pdf', url: expect.stringMatching(/^\/files\/media\//) });
    const res = await fetch(base + file.url, { headers: as.viewer });
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    for (const who of ['viewer', 'babeEditor']) expect(codeOf(await call(who, UPLOAD, { id, name: 'a.pdf', size: 10 })), who).toBe('FORBIDDEN');
  });
});

// Waits for real time to pass (publication times a few seconds ahead): more than the default 30 s on a busy machine.
describe('scheduled publication', { timeout: 90_000 }, () => {
  const approvedFor = async (title: string, publishAt: Date) => {
    const { createMediaItem: item } = await ok('pressEditor', CREATE, { i: draft(title) });
    await ok('pressEditor', TRANSITION, { id: item.id, a: 'SUBMIT' });
    const approved = await ok('pressReviewer', TRANSITION, { id: item.id, a: 'APPROVE', at: publishAt.toISOString() });
    expect(approved.transitionMediaItem).toMatchObject({ status: 'APPROVED', publishAt: publishAt.toISOString() });
    return item.id as string;
  };
  const publicationsOf = async (id: string) =>
    (await rows(`select count(*)::int as n from media.media_item_step where media_item_id = $1 and action = 'SCHEDULED_PUBLISH'`, [id]))[0].n;
  const statusOf = async (id: string) => (await rows('select status, published_at, publish_at from media.media_item where id = $1', [id]))[0];
  const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await wait(100);
    }
    throw new Error('timed out');
  };
  const envOf = (r: RunningSubgraph, port: string) => ({
    ...Object.fromEntries(Object.entries(r.config).map(([k, v]) => [k, String(v)])),
    PORT: port,
    PUBLISH_POLL_MS: '200',
  });

  it('publishes once when the time comes, even if the subgraph was down at that time, and a rescheduled job replaces the first', async () => {
    const first = s.subgraphs.media!;
    const port = String(first.config.PORT === 0 ? new URL(first.url).port : first.config.PORT);
    const rescheduled = await approvedFor('Bài hẹn giờ rồi dời lịch', new Date(Date.now() + 60_000));
    const dueAt = new Date(Date.now() + 4000); // margins for a busy machine: approving must still be before the time
    const dueWhileDown = await approvedFor('Bài hẹn giờ khi máy chủ tắt', dueAt);
    const later = new Date(dueAt.getTime() + 500);
    await ok('pressEditor', TRANSITION, { id: rescheduled, a: 'SCHEDULE', at: later.toISOString() });
    expect((await rows(`select count(*)::int as n from graphile_worker.jobs where key = $1`, [rescheduled]))[0].n).toBe(1);

    await first.stop();
    await wait(later.getTime() - Date.now() + 500); // both come due while no worker runs
    expect((await statusOf(dueWhileDown)).status).toBe('APPROVED');
    const restarted = await startSubgraph(media, envOf(first, port));
    s.subgraphs.media = restarted;
    await until(async () => (await statusOf(dueWhileDown)).status === 'PUBLISHED' && (await statusOf(rescheduled)).status === 'PUBLISHED');
    await wait(1000);
    expect(await publicationsOf(dueWhileDown)).toBe(1);
    expect(await publicationsOf(rescheduled)).toBe(1);
    expect((await statusOf(rescheduled)).published_at.toISOString()).toBe(later.toISOString());
    // Through the gateway, served by the restarted process.
    const read = await ok('viewer', 'query($id: ID!) { mediaItem(id: $id) { status publishedAt timeline { action actorName } } }', { id: dueWhileDown });
    expect(read.mediaItem.status).toBe('PUBLISHED');
    expect(read.mediaItem.timeline.at(-1)).toEqual({ action: 'SCHEDULED_PUBLISH', actorName: 'scheduled publication' });
  });

  it('a job run twice at once, or for a version changed since, publishes at most once', async () => {
    const id = await approvedFor('Bài chạy trùng hai lần', new Date(Date.now() + 3_600_000));
    const { version } = (await rows('select version from media.media_item where id = $1', [id]))[0];
    const orm = s.subgraphs.media!.orm;
    expect(await publishScheduled(orm, { id, version: version - 1 })).toBe(false);
    const results = await Promise.all([publishScheduled(orm, { id, version }), publishScheduled(orm, { id, version })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await publicationsOf(id)).toBe(1);
    expect((await statusOf(id)).status).toBe('PUBLISHED');
  });

  it('with two replicas on the same database, each scheduled item is published exactly once', async () => {
    const second = await startSubgraph(media, envOf(s.subgraphs.media!, '0'));
    extra.push(second);
    const at = new Date(Date.now() + 5000);
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => approvedFor(`Bài hẹn giờ số ${i + 1}`, at)));
    // One taken back before its time: the queue must not publish it.
    await ok('pressEditor', TRANSITION, { id: ids[5], a: 'SCHEDULE' });
    await until(async () => {
      for (const id of ids.slice(0, 5)) if ((await statusOf(id)).status !== 'PUBLISHED') return false;
      return true;
    });
    await wait(1500);
    for (const id of ids.slice(0, 5)) expect(await publicationsOf(id)).toBe(1);
    expect((await statusOf(ids[5]!)).status).toBe('APPROVED');
    expect(await publicationsOf(ids[5]!)).toBe(0);
    expect((await rows(`select count(*)::int as n from graphile_worker.jobs where key = any($1::text[])`, [ids]))[0].n).toBe(0);
    await second.stop();
    extra.splice(extra.indexOf(second), 1);
  });
});

describe('federation, statistics and campaigns', () => {
  it('adds coverage and items to exemplars, directives, themes, tasks and organizations', async () => {
    const res = await ok(
      'viewer',
      `query($e: ID!, $o: ID!, $p: ID!, $t: ID!) {
        exemplar(id: $e) { name coverage { count lastPublishedAt } mediaItems { totalCount nodes { title outlet { name } } } }
        organization(id: $o) { publishedItems(first: 50) { totalCount } coverageStats(input: { groupBy: [MONTH, TONE], publishedFrom: "2024-05-01", publishedTo: "2024-05-31" }) { month tone count } }
        province: organization(id: $p) { coverageStats(input: { groupBy: [KIND], publishedFrom: "2024-01-01", publishedTo: "2024-12-31" }) { kind count } }
        task(id: $t) { mediaItems { nodes { tone title } } }
      }`,
      { e: exemplar('chi-bo-ban-cam'), o: org('dai-bac-kan'), p: org('tu-bac-kan'), t: demoId('task', 'phan-anh-thieu-trach-nhiem') },
    );
    expect(res.exemplar.coverage).toEqual({ count: 1, lastPublishedAt: '2024-05-16T12:45:00.000Z' });
    expect(res.exemplar.mediaItems.nodes[0].outlet.name).toBe('Đài Phát thanh và Truyền hình Bắc Kạn');
    expect(res.organization.coverageStats).toEqual([{ month: '2024-05', tone: 'PROMOTES_EXEMPLAR', count: 1 }]);
    expect(res.province.coverageStats.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBeGreaterThanOrEqual(5);
    expect(res.task.mediaItems.nodes).toEqual([{ tone: 'CRITICAL', title: 'Chậm giải ngân vốn hỗ trợ sản xuất: trách nhiệm thuộc về ai?' }]);

    const stats = await ok(
      'viewer',
      '{ mediaStats(input: { groupBy: [OUTLET, MONTH], publishedFrom: "2024-01-01", publishedTo: "2024-12-31" }) { outlet { name } month count } }',
    );
    expect(stats.mediaStats).toContainEqual({ outlet: { name: 'Báo Bắc Kạn' }, month: '2024-05', count: 1 });
    const byDirective = await ok(
      'viewer',
      '{ mediaStats(input: { groupBy: [DIRECTIVE], publishedFrom: "2024-01-01", publishedTo: "2024-12-31" }) { directive { id } count } }',
    );
    expect(byDirective.mediaStats).toContainEqual({ directive: { id: demoId('directive', '01-kl-tw') }, count: 3 });
  });

  it('shows the 2024–2025 theme campaign half done, by outlet', async () => {
    const res = await ok(
      'viewer',
      `query($id: ID!) { campaign(id: $id) { name targetItems targetExemplarItems theme { id }
        progress { items exemplarItems itemsRatio exemplarItemsRatio outlets { outletName items target } } } }`,
      { id: demoId('campaign', 'tuyen-truyen-chu-de-2024-2025') },
    );
    expect(res.campaign.progress).toMatchObject({ items: 4, exemplarItems: 3, itemsRatio: 0.5, exemplarItemsRatio: 0.5 });
    expect(res.campaign.progress.outlets).toEqual([
      { outletName: 'Báo Bắc Kạn', items: 2, target: 4 },
      { outletName: 'Đài Phát thanh và Truyền hình Bắc Kạn', items: 2, target: 4 },
    ]);
    expect(
      codeOf(
        await call('babeEditor', 'mutation($id: ID!) { updateCampaign(id: $id, input: { targetItems: 1 }) { id } }', {
          id: demoId('campaign', 'tuyen-truyen-chu-de-2024-2025'),
        }),
      ),
    ).toBe('FORBIDDEN');
    const bad = await call('provinceEditor', 'mutation($id: ID!) { updateCampaign(id: $id, input: { targetExemplarItems: 20 }) { id } }', {
      id: demoId('campaign', 'tuyen-truyen-chu-de-2024-2025'),
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('refuses a campaign spreading a directive or theme that does not exist, changing nothing', async () => {
    const id = demoId('campaign', 'tuyen-truyen-chu-de-2024-2025');
    const before = await rows('select version, theme_id, directive_id from media.campaign where id = $1', [id]);
    const count = await rows('select count(*)::int as n from media.campaign');
    const create = await call('provinceEditor', 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', {
      i: {
        name: 'Chiến dịch không có văn bản',
        organizationId: org('btg-tu-bac-kan'),
        directiveId: '00000000-0000-4000-8000-000000000003',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        targetItems: 4,
      },
    });
    expect(codeOf(create)).toBe('NOT_FOUND');
    expect(JSON.stringify(create.errors![0]!.extensions)).toContain('input.directiveId');
    const update = await call('provinceEditor', 'mutation($id: ID!, $t: ID!) { updateCampaign(id: $id, input: { themeId: $t }) { id } }', {
      id,
      t: '00000000-0000-4000-8000-000000000004',
    });
    expect(codeOf(update)).toBe('NOT_FOUND');
    expect(JSON.stringify(update.errors![0]!.extensions)).toContain('input.themeId');
    expect(await rows('select version, theme_id, directive_id from media.campaign where id = $1', [id])).toEqual(before);
    expect(await rows('select count(*)::int as n from media.campaign')).toEqual(count);
  });
});

describe('the uncovered-exemplars to-do list', () => {
  const QUERY = `query($from: Date!, $to: Date!, $org: ID, $desc: Boolean! = false) { uncoveredExemplars(honouredFrom: $from, honouredTo: $to, organizationId: $org, includeDescendants: $desc, first: 50) {
    totalCount nodes { honouredOn exemplar { id name organization { name } coverage { count } } } } }`;

  it('lists exemplars honoured in the period that no published item covers, each with its organization; publishing an item takes one off', async () => {
    // Single days, so that the review's 1.567 placeholder exemplars (spread over three years) leave the demo ones in sight.
    const listed = async (day: string) =>
      ((await ok('viewer', QUERY, { from: day, to: day })).uncoveredExemplars.nodes as { honouredOn: string; exemplar: { id: string } }[]).map(
        (n) => n.exemplar.id,
      );
    const may19 = await ok('viewer', QUERY, { from: '2023-05-19', to: '2023-05-19' });
    const node = may19.uncoveredExemplars.nodes.find((n: { exemplar: { id: string } }) => n.exemplar.id === exemplar('giup-thon-ngheo-ntm'));
    // Its only item is a draft; Bữa cơm nhân ái, honoured the same day, is covered.
    expect(node).toMatchObject({ honouredOn: '2023-05-19', exemplar: { organization: { name: 'Huyện ủy Ba Bể' }, coverage: { count: 0 } } });
    expect(may19.uncoveredExemplars.nodes.map((n: { exemplar: { id: string } }) => n.exemplar.id)).not.toContain(exemplar('bua-com-nhan-ai'));
    expect(await listed('2024-05-16')).not.toContain(exemplar('chi-bo-ban-cam'));
    expect(await listed('2023-04-28')).not.toContain(exemplar('chuyen-xe-khong-dong'));

    // An exemplar honoured today, without coverage: on the list, with its organization; a published item takes it off.
    const today = todayInProvince();
    const { createExemplar: e } = await ok('admin', 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i) { id } }', {
      i: { kind: 'PRACTICE', name: 'Mô hình “Chợ phiên không rác thải” ở Nam Mẫu', organizationId: org('du-nam-mau'), field: 'ENVIRONMENT' },
    });
    for (const a of ['PROPOSE', 'VERIFY', 'RECOGNISE'])
      await ok('admin', 'mutation($id: ID!, $a: ExemplarAction!) { transitionExemplar(id: $id, action: $a) { status } }', { id: e.id, a });
    const open = await ok('viewer', QUERY, { from: today, to: today, org: org('hu-ba-be'), desc: true });
    expect(open.uncoveredExemplars.nodes).toContainEqual({
      honouredOn: today,
      exemplar: { id: e.id, name: 'Mô hình “Chợ phiên không rác thải” ở Nam Mẫu', organization: { name: expect.any(String) }, coverage: { count: 0 } },
    });
    const { createMediaItem: item } = await ok('pressEditor', CREATE, { i: draft('Chợ phiên không rác thải', { exemplarIds: [e.id] }) });
    await ok('pressEditor', TRANSITION, { id: item.id, a: 'SUBMIT' });
    expect(await listed(today)).toContain(e.id); // not published yet: still to do
    await ok('pressReviewer', TRANSITION, { id: item.id, a: 'APPROVE' });
    await ok('pressEditor', TRANSITION, { id: item.id, a: 'PUBLISH' });
    expect(await listed(today)).not.toContain(e.id);
  });

  it('asks every year of a longer period, and counts an exemplar honoured in two of them once, from its first day in the period', async () => {
    const { createExemplar: e } = await ok('admin', 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i) { id } }', {
      i: { kind: 'PRACTICE', name: 'Tổ hòa giải thôn Nà Ngò', organizationId: org('du-nam-mau'), field: 'SECURITY_AND_ORDER' },
    });
    for (const [a, on] of [
      ['PROPOSE', '2021-11-02'],
      ['VERIFY', '2021-12-01'],
      ['RECOGNISE', '2022-03-01'],
      ['AWARD', '2023-02-01'],
    ])
      await ok('admin', 'mutation($id: ID!, $a: ExemplarAction!, $on: Date) { transitionExemplar(id: $id, action: $a, on: $on) { status } }', {
        id: e.id,
        a,
        on,
      });
    const honoured = async (from: string, to: string) =>
      ((await ok('viewer', QUERY, { from, to, org: org('du-nam-mau') })).uncoveredExemplars.nodes as { honouredOn: string; exemplar: { id: string } }[]).filter(
        (n) => n.exemplar.id === e.id,
      );
    expect(await honoured('2022-01-01', '2023-12-31')).toEqual([
      { honouredOn: '2022-03-01', exemplar: { id: e.id, name: expect.any(String), organization: expect.anything(), coverage: { count: 0 } } },
    ]);
    expect((await honoured('2023-01-01', '2024-12-31')).map((n) => n.honouredOn)).toEqual(['2023-02-01']);
    expect(await honoured('2024-01-01', '2025-12-31')).toEqual([]);
  });

  it('follows each item: relinking, deleting and restoring move exemplars on and off the list, archiving keeps the coverage', async () => {
    const today = todayInProvince();
    const honouredToday = async (name: string) => {
      const { createExemplar: e } = await ok('admin', 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i) { id } }', {
        i: { kind: 'PRACTICE', name, organizationId: org('du-nam-mau'), field: 'CULTURE' },
      });
      for (const a of ['PROPOSE', 'VERIFY', 'RECOGNISE'])
        await ok('admin', 'mutation($id: ID!, $a: ExemplarAction!) { transitionExemplar(id: $id, action: $a) { status } }', { id: e.id, a });
      return e.id as string;
    };
    const a = await honouredToday('Câu lạc bộ hát then Nam Mẫu');
    const b = await honouredToday('Đội văn nghệ thôn Bản Cám');
    const open = async () => {
      const list = (await ok('viewer', QUERY, { from: today, to: today, org: org('hu-ba-be'), desc: true })).uncoveredExemplars;
      const ids = (list.nodes as { exemplar: { id: string } }[]).map((n) => n.exemplar.id);
      return { a: ids.includes(a), b: ids.includes(b), totalCount: list.totalCount as number };
    };
    const start = await open();
    expect(start).toMatchObject({ a: true, b: true });

    const { createMediaItem: item } = await ok('pressEditor', CREATE, { i: draft('Hát then ở Nam Mẫu', { exemplarIds: [a] }) });
    for (const [who, action] of [
      ['pressEditor', 'SUBMIT'],
      ['pressReviewer', 'APPROVE'],
      ['pressEditor', 'PUBLISH'],
    ])
      await ok(who!, TRANSITION, { id: item.id, a: action });
    expect(await open()).toEqual({ a: false, b: true, totalCount: start.totalCount - 1 });
    // Relinked: the first exemplar is uncovered again, the second covered.
    await ok('pressEditor', UPDATE, { id: item.id, i: { exemplarIds: [b] } });
    expect(await open()).toEqual({ a: true, b: false, totalCount: start.totalCount - 1 });
    await ok('pressEditor', 'mutation($id: ID!) { deleteMediaItem(id: $id) { id } }', { id: item.id });
    expect(await open()).toEqual({ a: true, b: true, totalCount: start.totalCount });
    await ok('pressEditor', 'mutation($id: ID!) { restoreMediaItem(id: $id) { id } }', { id: item.id });
    expect(await open()).toEqual({ a: true, b: false, totalCount: start.totalCount - 1 });
    // An archived item still covers what it covered.
    await ok('pressEditor', TRANSITION, { id: item.id, a: 'ARCHIVE' });
    expect(await open()).toEqual({ a: true, b: false, totalCount: start.totalCount - 1 });
    const covered = await ok('viewer', 'query($id: ID!) { exemplar(id: $id) { coverage { count } } }', { id: b });
    expect(covered.exemplar.coverage.count).toBe(1);
  });

  it('probes the GIN indexes on the linked ids without a pending list (fastupdate off), so a bulk load never slows the probes', async () => {
    const indexes = await rows(
      `select c.relname, c.reloptions from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'media' and c.relname in ('media_item_exemplars_idx', 'media_item_directives_idx', 'media_item_themes_idx', 'media_item_tasks_idx')
       order by c.relname`,
    );
    expect(indexes).toHaveLength(4);
    for (const i of indexes) expect(i.reloptions).toContain('fastupdate=off');
  });

  it('takes a bounded number of SQL statements, however many exemplars are honoured', async () => {
    const before = await ok('viewer', QUERY, { from: '2024-01-01', to: '2024-12-31' });
    const run = async () =>
      countSql(() => gqlOk(s.gateway.url, QUERY, { from: '2024-01-01', to: '2024-12-31', org: org('tu-bac-kan'), desc: true }, as.viewer));
    await run(); // warm: the gateway's session cache, the replica's first read
    const small = await run();
    await generateExemplars(s.db.url, { organizationIds: [org('hu-ba-be'), org('hu-cho-don'), org('du-nam-mau')], count: 3000, label: 'MEDIA' });
    const generated = (await rows(`select id from exemplars.exemplar where name like 'Điển hình MEDIA%' and recognised_on is not null limit 40`)).map(
      (r) => r.id,
    );
    await generateMediaItems(s.db.url, { outletIds: [org('bao-bac-kan'), org('dai-bac-kan')], exemplarIds: generated, count: 600, label: 'MEDIA' });
    await run();
    const large = await run();
    expect(large.result.uncoveredExemplars.totalCount).toBeGreaterThan(before.uncoveredExemplars.totalCount + 100);
    // Checked against SQL: honoured in 2024 (recognised or awarded), in force, not linked by a published item.
    const expected = (
      await rows(
        `select count(*)::int as n from exemplars.exemplar e
         where e.deleted_at is null and e.status in ('RECOGNISED','AWARDED','PUBLICISED','REPLICATED')
           and (e.recognised_on between '2024-01-01' and '2024-12-31' or e.awarded_on between '2024-01-01' and '2024-12-31')
           and not exists (select 1 from media.media_item m where m.deleted_at is null and m.status in ('PUBLISHED','ARCHIVED') and e.id = any(m.exemplar_ids))`,
      )
    )[0].n;
    expect(large.result.uncoveredExemplars.totalCount).toBe(expected);
    expect(large.result.uncoveredExemplars.nodes[0].exemplar.organization.name).toBeTruthy();
    // Two statements per page of 200 in the exemplars subgraph (the subtree's depth in its replica, then the page); one for coverage here;
    // one _entities per subgraph for the fields.
    const honoured = (
      await rows(
        `select count(*)::int as n from exemplars.exemplar e where e.deleted_at is null and e.status in ('RECOGNISED','AWARDED','PUBLICISED','REPLICATED')
           and (e.recognised_on between '2024-01-01' and '2024-12-31' or e.awarded_on between '2024-01-01' and '2024-12-31')`,
      )
    )[0].n;
    const extraPages = Math.ceil(honoured / 200) - 1;
    expect(extraPages).toBeGreaterThan(0);
    expect(small.statements).toBeLessThanOrEqual(6);
    expect(large.statements).toBeLessThanOrEqual(small.statements + 2 * extraPages);
  });
});
