/**
 * Issue #17 "Việc của tôi": one query answers, for the signed-in user, what
 * waits for them in the exemplars, media and directives subgraphs — through
 * the gateway as the roles concerned, checked against SQL, in a bounded
 * number of statements however many records wait.
 */
import { countSql, demoId, todayInProvince } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWork } from '../services/directives/src/testing/generate.js';
import { generateExemplars } from '../services/exemplars/src/testing/generate.js';
import { generateMediaItems } from '../services/media/src/testing/generate.js';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
const as: Record<string, Record<string, string>> = {};
const org = (key: string) => demoId('organization', key);

const call = (who: string, query: string, variables?: Record<string, unknown>) => gql(s.gateway.url, query, variables, as[who]);
const ok = (who: string, query: string, variables?: Record<string, unknown>) => gqlOk(s.gateway.url, query, variables, as[who]);
const rows = async (text: string, values: unknown[] = []) => (await sql.query(text, values)).rows;

type List = { totalCount: number; nodes: { id: string }[] };
type Work = Record<
  'exemplarsToVerify' | 'exemplarsReturnedToMe' | 'mediaItemsToApprove' | 'mediaItemsReturnedToMe' | 'tasksDueSoon' | 'overdueTasks' | 'reportsOwed',
  List
> & { userId: string };
const MY_WORK = `query($first: Int) { myWork {
  userId
  exemplarsToVerify(first: $first) { totalCount nodes { id name status } }
  exemplarsReturnedToMe(first: $first) { totalCount nodes { id name status } }
  mediaItemsToApprove(first: $first) { totalCount nodes { id title status } }
  mediaItemsReturnedToMe(first: $first) { totalCount nodes { id title status } }
  tasksDueSoon(first: $first) { totalCount nodes { id title dueOn } }
  overdueTasks(first: $first) { totalCount nodes { id title dueOn } }
  reportsOwed(first: $first) { totalCount nodes { id title dueOn } }
} }`;
const myWork = async (who: string, first = 50): Promise<Work> => (await ok(who, MY_WORK, { first })).myWork;
const ids = (l: List) => l.nodes.map((n) => n.id);

const dayPlus = (days: number) => new Date(Date.parse(`${todayInProvince()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  s = await startStack('mywork');
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  for (const schema of ['exemplars', 'media', 'directives']) await s.replicated(schema, org('du-nam-mau'));
  await s.replicated('media', org('bao-bac-kan'));
  for (const [key, email] of Object.entries({
    admin: 'admin@lantoa.vn',
    babeEditor: 'bientap.babe@lantoa.vn',
    babeReviewer: 'kiemduyet.babe@lantoa.vn',
    pressEditor: 'bientap.bao@lantoa.vn',
    pressReviewer: 'kiemduyet.bao@lantoa.vn',
    viewer: 'xem@lantoa.vn',
  }))
    as[key] = await s.as(email);
});

afterAll(async () => {
  await sql?.end();
  await s?.stop();
});

const EXEMPLAR_STEP = 'mutation($id: ID!, $a: ExemplarAction!, $n: String) { transitionExemplar(id: $id, action: $a, note: $n) { status } }';
const MEDIA_STEP = 'mutation($id: ID!, $a: MediaAction!, $n: String) { transitionMediaItem(id: $id, action: $a, note: $n) { status } }';

async function proposedExemplar(who: string, name: string): Promise<string> {
  const { createExemplar } = await ok(who, 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i, confirmDuplicate: true) { id } }', {
    i: { kind: 'PRACTICE', name, organizationId: org('du-nam-mau'), field: 'OTHER' },
  });
  await ok(who, EXEMPLAR_STEP, { id: createExemplar.id, a: 'PROPOSE' });
  return createExemplar.id;
}

// Independent of the resolvers: what SQL says waits for a reviewer of Ba Bể (their subtree, not their own proposals).
const babeProposedCount = async (reviewerId: string) =>
  (
    await rows(
      `select count(*)::int as n from exemplars.exemplar e
       where e.status = 'PROPOSED' and e.deleted_at is null
         and e.organization_id in (select id from exemplars.directory_organization where path like (select path from exemplars.directory_organization where id = $1) || '%')
         and not exists (select 1 from exemplars.exemplar_step st where st.exemplar_id = e.id and st.action = 'PROPOSE' and st.actor_id = $2)`,
      [org('hu-ba-be'), reviewerId],
    )
  )[0].n as number;

describe('exemplars', () => {
  it('lists a proposal for the reviewers of its subtree only, then, once rejected, for its proposer as returned', async () => {
    const id = await proposedExemplar('babeEditor', 'Mô hình chờ thẩm định Nam Mẫu');

    const reviewer = await myWork('babeReviewer');
    expect(ids(reviewer.exemplarsToVerify)).toContain(id);
    expect(reviewer.exemplarsToVerify.nodes[0]).toMatchObject({ id, status: 'PROPOSED' }); // newest first
    expect(reviewer.exemplarsToVerify.totalCount).toBe(await babeProposedCount(reviewer.userId));
    expect(ids((await myWork('admin')).exemplarsToVerify)).toContain(id);
    // Not a reviewer, or a reviewer of another subtree: nothing to verify there.
    expect((await myWork('babeEditor')).exemplarsToVerify).toEqual({ totalCount: 0, nodes: [] });
    expect(ids((await myWork('pressReviewer')).exemplarsToVerify)).not.toContain(id);
    expect(ids((await myWork('babeEditor')).exemplarsReturnedToMe)).not.toContain(id);

    await ok('babeReviewer', EXEMPLAR_STEP, { id, a: 'REJECT', n: 'Chưa đủ minh chứng.' });
    expect(ids((await myWork('babeReviewer')).exemplarsToVerify)).not.toContain(id);
    const editor = await myWork('babeEditor');
    expect(editor.exemplarsReturnedToMe.nodes).toEqual([{ id, name: 'Mô hình chờ thẩm định Nam Mẫu', status: 'REJECTED' }]);
    expect(editor.exemplarsReturnedToMe.totalCount).toBe(1);
    // Returned to its proposer, not to whoever rejected it.
    expect(ids((await myWork('babeReviewer')).exemplarsReturnedToMe)).not.toContain(id);
  });

  it('leaves a reviewer’s own proposal to another reviewer (four-eyes is not enforced yet)', async () => {
    const id = await proposedExemplar('babeReviewer', 'Mô hình kiểm duyệt viên tự đề xuất');
    expect(ids((await myWork('babeReviewer')).exemplarsToVerify)).not.toContain(id);
    expect(ids((await myWork('admin')).exemplarsToVerify)).toContain(id);
  });
});

describe('media items', () => {
  it('lists a submitted item for the outlet’s reviewer, and a returned one for its submitter until it is submitted again', async () => {
    const { createMediaItem } = await ok('pressEditor', 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }', {
      i: { kind: 'ONLINE_ARTICLE', title: 'Bài chờ duyệt Báo Bắc Kạn', outletId: org('bao-bac-kan'), tone: 'PROMOTES_EXEMPLAR' },
    });
    const id = createMediaItem.id as string;
    expect(ids((await myWork('pressReviewer')).mediaItemsToApprove)).not.toContain(id); // a draft waits for nobody
    await ok('pressEditor', MEDIA_STEP, { id, a: 'SUBMIT' });

    const reviewer = await myWork('pressReviewer');
    expect(reviewer.mediaItemsToApprove.nodes[0]).toEqual({ id, title: 'Bài chờ duyệt Báo Bắc Kạn', status: 'IN_REVIEW' });
    const inReview = await rows(
      `select count(*)::int as n from media.media_item where status = 'IN_REVIEW' and deleted_at is null
         and outlet_id in (select id from media.directory_organization where path like (select path from media.directory_organization where id = $1) || '%')`,
      [org('bao-bac-kan')],
    );
    expect(reviewer.mediaItemsToApprove.totalCount).toBe(inReview[0].n);
    expect(ids((await myWork('babeReviewer')).mediaItemsToApprove)).not.toContain(id);
    expect((await myWork('pressEditor')).mediaItemsToApprove.totalCount).toBe(0);

    await ok('pressReviewer', MEDIA_STEP, { id, a: 'REJECT', n: 'Cần bổ sung ảnh.' });
    expect(ids((await myWork('pressReviewer')).mediaItemsToApprove)).not.toContain(id);
    expect((await myWork('pressEditor')).mediaItemsReturnedToMe).toEqual({
      totalCount: 1,
      nodes: [{ id, title: 'Bài chờ duyệt Báo Bắc Kạn', status: 'DRAFT' }],
    });
    expect(ids((await myWork('pressReviewer')).mediaItemsReturnedToMe)).not.toContain(id);

    await ok('pressEditor', MEDIA_STEP, { id, a: 'SUBMIT' });
    expect((await myWork('pressEditor')).mediaItemsReturnedToMe.totalCount).toBe(0);
    expect(ids((await myWork('pressReviewer')).mediaItemsToApprove)).toContain(id);
  });
});

describe('tasks and reports', () => {
  const CREATE_TASK = 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }';
  const task = async (title: string, dueOn: string, extra: Record<string, unknown> = {}) =>
    (await ok('babeEditor', CREATE_TASK, { i: { title, group: 'PARTY_COMMITTEES', leadOrganizationId: org('du-nam-mau'), dueOn, ...extra } })).createTask
      .id as string;

  it('lists open tasks of the caller’s subtree due within 14 days or overdue, most urgent first, and those owing this half-year’s report', async () => {
    const soon = await task('Nhiệm vụ sắp đến hạn', dayPlus(3));
    const today = await task('Nhiệm vụ đến hạn hôm nay', dayPlus(0));
    const overdue = await task('Nhiệm vụ quá hạn', dayPlus(-5));
    const later = await task('Nhiệm vụ còn xa', dayPlus(60));
    const done = await task('Nhiệm vụ quá hạn đã xong', dayPlus(-5), { status: 'DONE', completedOn: dayPlus(-1) });

    const work = await myWork('babeReviewer');
    expect(ids(work.tasksDueSoon)).toEqual(expect.arrayContaining([today, soon]));
    expect(ids(work.tasksDueSoon)).not.toContain(later);
    expect(ids(work.overdueTasks)).toContain(overdue);
    expect(ids(work.overdueTasks)).not.toContain(done);
    for (const list of [work.tasksDueSoon, work.overdueTasks, work.reportsOwed]) {
      const dues = (list.nodes as unknown as { dueOn: string }[]).map((n) => n.dueOn);
      expect(dues).toEqual([...dues].sort());
    }
    const inBabe = `lead_organization_id in (select id from directives.directory_organization where path like (select path from directives.directory_organization where id = $1) || '%')
      and deleted_at is null and status in ('NOT_STARTED', 'IN_PROGRESS')`;
    const [sqlSoon] = await rows(`select count(*)::int as n from directives.task where ${inBabe} and due_on between $2::date and $2::date + 14`, [
      org('hu-ba-be'),
      todayInProvince(),
    ]);
    const [sqlOverdue] = await rows(`select count(*)::int as n from directives.task where ${inBabe} and due_on < $2::date`, [
      org('hu-ba-be'),
      todayInProvince(),
    ]);
    expect(work.tasksDueSoon.totalCount).toBe(sqlSoon.n);
    expect(work.overdueTasks.totalCount).toBe(sqlOverdue.n);
    // The editor of Ba Bể sees the same tasks; a press outlet's reviewer none of them.
    expect((await myWork('babeEditor')).tasksDueSoon.totalCount).toBe(sqlSoon.n);
    expect(ids((await myWork('pressReviewer')).tasksDueSoon)).not.toContain(soon);

    // Owed: open tasks without a report of this half-year by their lead organization.
    expect(ids(work.reportsOwed)).toEqual(expect.arrayContaining([overdue, today, soon, later]));
    expect(ids(work.reportsOwed)).not.toContain(done);
    const half = `${todayInProvince().slice(0, 4)}-${Number(todayInProvince().slice(5, 7)) <= 6 ? '01' : '07'}-01`;
    const report = (reportingOrganizationId: string) =>
      ok('babeEditor', 'mutation($i: CreateProgressReportInput!) { createProgressReport(input: $i) { id } }', {
        i: { title: 'Báo cáo 6 tháng', taskId: soon, reportingOrganizationId, periodKind: 'HALF_YEAR', periodFrom: half, periodTo: todayInProvince() },
      });
    await report(org('hu-ba-be')); // by another organization than the lead: still owed
    expect(ids((await myWork('babeReviewer')).reportsOwed)).toContain(soon);
    await report(org('du-nam-mau'));
    const after = await myWork('babeReviewer');
    expect(ids(after.reportsOwed)).not.toContain(soon);
    expect(after.reportsOwed.totalCount).toBe(work.reportsOwed.totalCount - 1);
  });
});

describe('who gets what', () => {
  it('gives a viewer empty lists, and refuses another user’s work or a list longer than 50 as the API does', async () => {
    const viewer = await myWork('viewer');
    for (const [key, list] of Object.entries(viewer)) if (key !== 'userId') expect(list, key).toEqual({ totalCount: 0, nodes: [] });

    const tooMany = await call('babeReviewer', '{ myWork { exemplarsToVerify(first: 51) { totalCount } } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([{ path: 'first', message: expect.stringContaining('50') }]);
    const anonymous = await gql(s.gateway.url, '{ myWork { userId } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('volume', { timeout: 180_000 }, () => {
  it('answers in a bounded number of SQL statements, however many records wait', async () => {
    const run = () => countSql(() => ok('babeEditor', MY_WORK, { first: 10 }));
    const runReviewer = () => countSql(() => ok('babeReviewer', MY_WORK, { first: 10 }));
    await run();
    await runReviewer(); // warm: sessions, the replicas' first reads
    const small = [await run(), await runReviewer()];

    const babe = [org('hu-ba-be'), org('du-nam-mau'), org('cb-pac-ngoi')];
    await generateExemplars(s.db.url, { organizationIds: babe, count: 3000, label: 'VIEC' });
    await generateMediaItems(s.db.url, { outletIds: [org('bao-bac-kan')], count: 600, label: 'VIEC' });
    await generateWork(s.db.url, { organizationIds: babe, directives: 20, tasks: 1500, label: 'VIEC' });
    // Every generated rejection proposed by the Ba Bể editor, rejected today: all returned to them.
    const { userId } = small[0]!.result.myWork;
    await sql.query(
      `insert into exemplars.exemplar_step (id, exemplar_id, action, from_status, to_status, actor_id, occurred_at, on_day, created_at, updated_at)
       select gen_random_uuid(), e.id, a.action, a.from_status, a.to_status, $1::uuid, now(), current_date, now(), now()
       from exemplars.exemplar e, (values ('PROPOSE', 'REGISTERED', 'PROPOSED'), ('REJECT', 'PROPOSED', 'REJECTED')) a(action, from_status, to_status)
       where e.status = 'REJECTED' and e.name like 'Điển hình VIEC%'`,
      [userId],
    );
    const large = [await run(), await runReviewer()];

    const editor = large[0]!.result.myWork as Work;
    const reviewer = large[1]!.result.myWork as Work;
    expect(editor.exemplarsReturnedToMe.totalCount).toBeGreaterThan(300);
    expect(reviewer.exemplarsToVerify.totalCount).toBeGreaterThan(300);
    expect(reviewer.overdueTasks.totalCount + reviewer.tasksDueSoon.totalCount).toBeGreaterThan(small[1]!.result.myWork.overdueTasks.totalCount);
    expect(reviewer.exemplarsToVerify.totalCount).toBe(await babeProposedCount(reviewer.userId));
    expect(editor.exemplarsReturnedToMe.nodes).toHaveLength(10);
    console.log(
      `[my-work] SQL statements per myWork request (editor, reviewer): ${small.map((r) => r.statements)} before, ${large.map((r) => r.statements)} after the volume`,
    );
    // With 3,000 more exemplars, 600 items and 1,500 tasks: at most two statements per list (the ids with the count, then the first
    // records, batched with the request's other lookups of that entity; how lookups fall into batches varies by a statement or two)
    // and the caller's session — not one per record.
    for (const [i, r] of large.entries()) {
      expect(r.statements).toBeLessThanOrEqual(16);
      expect(r.statements - small[i]!.statements).toBeLessThanOrEqual(2);
    }
  });
});
