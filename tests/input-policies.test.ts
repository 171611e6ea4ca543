/**
 * Issue #16, the kit's input policies through the gateway: implausible days
 * refused by their kind (kit/dates.ts) and timeline steps never dated back,
 * the authority table's organization type and level as enums, and the
 * documented text limits reachable under the gateway's body limit (and a
 * body over it refused with its own code). Lone surrogates and every other
 * class of bad text: tests/bad-input.test.ts.
 */
import { demoId } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
let admin: Record<string, string>;
const org = (key: string) => demoId('organization', key);
const doc = (key: string) => demoId('directive', key);

beforeAll(async () => {
  s = await startStack('input_policies');
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  admin = await s.as('admin@lantoa.vn');
});

afterAll(async () => {
  await sql?.end();
  await s?.stop();
});

type Answer = Awaited<ReturnType<typeof gql>>;
const call = (query: string, variables?: Record<string, unknown>) => gql(s.gateway.url, query, variables, admin);
const ok = (query: string, variables?: Record<string, unknown>) => gqlOk(s.gateway.url, query, variables, admin);
const one = async (q: string, p: unknown[] = []) => (await sql.query(q, p)).rows[0];

/** BAD_USER_INPUT naming `path` with a message matching `message`. */
function refused(res: Answer, path: string, message: RegExp) {
  expect(res.errors?.[0]?.extensions, JSON.stringify(res.errors)).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: expect.arrayContaining([{ path, message: expect.stringMatching(message) }]),
  });
}

const FLOOR = /before 1930-02-03/;
const CREATE_EXEMPLAR = 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i) { id version } }';
const TRANSITION_EXEMPLAR =
  'mutation($id: ID!, $a: ExemplarAction!, $on: Date) { transitionExemplar(id: $id, action: $a, on: $on) { status recognisedOn timeline { action onDay } } }';
const exemplar = async (name: string) =>
  (await ok(CREATE_EXEMPLAR, { i: { kind: 'PRACTICE', name, organizationId: org('hu-ba-be'), field: 'PARTY_BUILDING' } })).createExemplar.id as string;

describe('days by their kind', () => {
  it('refuses a commendation decided on 0001-01-01; the exemplar keeps its status and awardedOn', async () => {
    const id = await exemplar('Mô hình kiểm tra ngày quyết định');
    await ok(TRANSITION_EXEMPLAR, { id, a: 'PROPOSE', on: '2026-11-20' });
    await ok(TRANSITION_EXEMPLAR, { id, a: 'VERIFY', on: '2026-12-01' });
    const res = await call('mutation($i: CreateCommendationInput!) { createCommendation(input: $i) { id } }', {
      i: {
        exemplarId: id,
        form: 'CERTIFICATE_OF_MERIT',
        basis: 'CAMPAIGN',
        decidingOrganizationId: org('ubnd-bac-kan'),
        decisionNumber: 'Số: 77/QĐ-UBND',
        decidedOn: '0001-01-01',
      },
    });
    refused(res, 'input.decidedOn', FLOOR);
    expect(await one('select status, awarded_on from exemplars.exemplar where id = $1', [id])).toEqual({ status: 'VERIFIED', awarded_on: null });
    expect((await one('select count(*)::int as n from exemplars.commendation where exemplar_id = $1', [id])).n).toBe(0);
  });

  it('refuses a first commendation (the AWARD step) decided before the VERIFY of 2026-12-01, and takes it on that day', async () => {
    const id = await exemplar('Mô hình kiểm tra ngày khen sau xác minh');
    await ok(TRANSITION_EXEMPLAR, { id, a: 'PROPOSE', on: '2026-11-20' });
    await ok(TRANSITION_EXEMPLAR, { id, a: 'VERIFY', on: '2026-12-01' });
    const CREATE = 'mutation($i: CreateCommendationInput!) { createCommendation(input: $i) { id } }';
    const input = (decidedOn: string) => ({
      exemplarId: id,
      form: 'CERTIFICATE_OF_MERIT',
      basis: 'CAMPAIGN',
      decidingOrganizationId: org('ubnd-bac-kan'),
      decisionNumber: 'Số: 78/QĐ-UBND',
      decidedOn,
    });
    refused(await call(CREATE, { i: input('2026-11-30') }), 'input.decidedOn', /must not be before the day of the previous step, VERIFY \(2026-12-01\)/);
    expect(await one('select status, awarded_on from exemplars.exemplar where id = $1', [id])).toEqual({ status: 'VERIFIED', awarded_on: null });
    expect((await one('select count(*)::int as n from exemplars.commendation where exemplar_id = $1', [id])).n).toBe(0);
    await ok(CREATE, { i: input('2026-12-01') });
    expect(await one('select status, awarded_on::text from exemplars.exemplar where id = $1', [id])).toEqual({ status: 'AWARDED', awarded_on: '2026-12-01' });
  });

  it('refuses RECOGNISE on 0001-01-01 or before the VERIFY of 2026-12-01, and takes it on the same day', async () => {
    const id = await exemplar('Mô hình kiểm tra thứ tự các bước');
    await ok(TRANSITION_EXEMPLAR, { id, a: 'PROPOSE', on: '2026-11-20' });
    await ok(TRANSITION_EXEMPLAR, { id, a: 'VERIFY', on: '2026-12-01' });
    refused(await call(TRANSITION_EXEMPLAR, { id, a: 'RECOGNISE', on: '0001-01-01' }), 'on', FLOOR);
    refused(
      await call(TRANSITION_EXEMPLAR, { id, a: 'RECOGNISE', on: '2026-11-30' }),
      'on',
      /must not be before the day of the previous step, VERIFY \(2026-12-01\)/,
    );
    expect(await one('select status, recognised_on from exemplars.exemplar where id = $1', [id])).toEqual({ status: 'VERIFIED', recognised_on: null });
    const done = await ok(TRANSITION_EXEMPLAR, { id, a: 'RECOGNISE', on: '2026-12-01' });
    expect(done.transitionExemplar).toMatchObject({ status: 'RECOGNISED', recognisedOn: '2026-12-01' });
  });

  it('refuses a task due or completed on 0001-01-01, or due in 9999, changing nothing', async () => {
    const count = async () => (await one('select count(*)::int as n from directives.task')).n;
    const before = await count();
    const CREATE = 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }';
    const task = (patch: Record<string, unknown>) => ({ title: 'Nhiệm vụ kiểm tra ngày', group: 'OTHER', leadOrganizationId: org('hu-ba-be'), ...patch });
    refused(await call(CREATE, { i: task({ dueOn: '0001-01-01' }) }), 'input.dueOn', FLOOR);
    refused(await call(CREATE, { i: task({ dueOn: '9999-12-31' }) }), 'input.dueOn', /20 years from today/);
    refused(await call(CREATE, { i: task({ dueOn: '2027-03-31', status: 'DONE', completedOn: '0001-01-01' }) }), 'input.completedOn', FLOOR);
    expect(await count()).toBe(before);
    const { createTask } = await ok(CREATE, { i: task({ dueOn: '2027-03-31', directiveId: doc('01-kl-tw') }) });
    const UPDATE = 'mutation($id: ID!, $i: UpdateTaskInput!) { updateTask(id: $id, input: $i) { version } }';
    refused(await call(UPDATE, { id: createTask.id, i: { status: 'DONE', completedOn: '0001-01-01' } }), 'input.completedOn', FLOOR);
    expect(await one('select due_on::text, completed_on, version from directives.task where id = $1', [createTask.id])).toEqual({
      due_on: '2027-03-31',
      completed_on: null,
      version: 1,
    });
  });

  it('refuses a progress report submitted on 0001-01-01', async () => {
    const res = await call('mutation($i: CreateProgressReportInput!) { createProgressReport(input: $i) { id } }', {
      i: {
        title: 'Báo cáo kiểm tra ngày',
        directiveId: doc('01-kl-tw'),
        reportingOrganizationId: org('hu-ba-be'),
        periodKind: 'OTHER',
        periodFrom: '2026-10-01',
        periodTo: '2026-11-30',
        submittedOn: '0001-01-01',
      },
    });
    refused(res, 'input.submittedOn', FLOOR);
  });

  it('refuses a media item published at 0001-01-01, on create and on update', async () => {
    const CREATE = 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id version } }';
    const item = { kind: 'ONLINE_ARTICLE', title: 'Bài kiểm tra ngày đăng', outletId: org('bao-bac-kan'), tone: 'PROMOTES_EXEMPLAR' };
    refused(await call(CREATE, { i: { ...item, publishedAt: '0001-01-01T00:00:00Z' } }), 'input.publishedAt', FLOOR);
    const { createMediaItem } = await ok(CREATE, { i: item });
    const UPDATE = 'mutation($id: ID!, $i: UpdateMediaItemInput!) { updateMediaItem(id: $id, input: $i) { version } }';
    refused(await call(UPDATE, { id: createMediaItem.id, i: { publishedAt: '0001-01-01T00:00:00+07:00' } }), 'input.publishedAt', FLOOR);
    expect(await one('select published_at, version from media.media_item where id = $1', [createMediaItem.id])).toEqual({ published_at: null, version: 1 });
  });
});

describe('the commendation authority table', () => {
  it('takes organization types and levels as enums, and refuses others naming the field', async () => {
    const CREATE = 'mutation($i: CreateCommendationAuthorityInput!) { createCommendationAuthority(input: $i) { id organizationType organizationLevel } }';
    const count = async () => (await one('select count(*)::int as n from exemplars.commendation_authority')).n;
    const before = await count();
    const badType = await call(CREATE, { i: { organizationType: 'NOT_A_TYPE', organizationLevel: 'PROVINCE', form: 'ORDER' } });
    expect(badType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: '$i.organizationType' }] });
    const badLevel = await call(CREATE, { i: { organizationType: 'STATE_EXECUTIVE', organizationLevel: 'NOT_A_LEVEL', form: 'ORDER' } });
    expect(badLevel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: '$i.organizationLevel' }] });
    expect(await count()).toBe(before);
    const { createCommendationAuthority } = await ok(CREATE, { i: { organizationType: 'FRONT', organizationLevel: 'COMMUNE', form: 'CERTIFICATE_OF_MERIT' } });
    expect(createCommendationAuthority).toMatchObject({ organizationType: 'FRONT', organizationLevel: 'COMMUNE' });
  });
});

// ---------- documented limits against the gateway's body limit ----------

/** A JSON body as encoders that escape everything outside ASCII write it (Python's json.dumps): 6 bytes a Vietnamese letter. */
const asciiJson = (body: unknown) => JSON.stringify(body).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function post(body: string): Promise<{ status: number; json: Answer; bytes: number }> {
  const res = await fetch(s.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...admin }, body });
  return { status: res.status, json: (await res.json()) as Answer, bytes: Buffer.byteLength(body) };
}

/** Vietnamese prose, NFC, exactly `n` characters. */
const vietnamese = (n: number) =>
  `${'Phát huy vai trò nêu gương của cán bộ, đảng viên trong học tập và làm theo tư tưởng Hồ Chí Minh. '.repeat(Math.ceil(n / 90)).slice(0, n - 1)}.`;

/** The worst case: nothing but letters outside ASCII (3 bytes of UTF-8, 6 escaped), exactly `n` of them. */
const diacritics = (n: number) => 'ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữự'.repeat(Math.ceil(n / 30)).slice(0, n);

describe('documented limits through the gateway', () => {
  const CREATE_ITEM = 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }';
  const item = (body: string) => ({ kind: 'ONLINE_ARTICLE', title: 'Bài dài nhất', outletId: org('bao-bac-kan'), tone: 'PROMOTES_EXEMPLAR', body });

  it('takes a media body of 200,000 Vietnamese letters, even escaped to ASCII (1.2 MB), and refuses one more naming input.body', async () => {
    const max = await post(asciiJson({ query: CREATE_ITEM, variables: { i: item(diacritics(200_000)) } }));
    expect(max.bytes).toBeGreaterThan(1_200_000);
    expect(max.status, JSON.stringify(max.json.errors)).toBe(200);
    expect(max.json.errors).toBeUndefined();
    const stored = await one('select length(body) as n from media.media_item where id = $1', [
      (max.json.data as { createMediaItem: { id: string } }).createMediaItem.id,
    ]);
    expect(stored.n).toBe(200_000);
    const over = await post(asciiJson({ query: CREATE_ITEM, variables: { i: item(diacritics(200_001)) } }));
    expect(over.status).toBe(200);
    refused(over.json, 'input.body', /at most 200000 characters/);
  });

  it('takes a story of 100,000 Vietnamese characters and refuses one more naming input.story', async () => {
    const story = (n: number, name: string, text = vietnamese) => ({
      query: CREATE_EXEMPLAR,
      variables: { i: { kind: 'PRACTICE', name, organizationId: org('hu-ba-be'), field: 'PARTY_BUILDING', story: text(n) } },
    });
    const max = await post(asciiJson(story(100_000, 'Câu chuyện dài nhất, gửi bằng ASCII', diacritics)));
    expect(max.json.errors).toBeUndefined();
    const plain = await post(JSON.stringify(story(100_000, 'Câu chuyện dài nhất, gửi bằng UTF-8')));
    expect(plain.json.errors).toBeUndefined();
    const over = await post(asciiJson(story(100_001, 'Câu chuyện quá dài')));
    refused(over.json, 'input.story', /at most 100000 characters/);
  });

  it('answers a body over the limit with HTTP 413 and PAYLOAD_TOO_LARGE, before any subgraph is asked', async () => {
    const count = async () => (await one('select count(*)::int as n from media.media_item')).n;
    const before = await count();
    const res = await post(asciiJson({ query: CREATE_ITEM, variables: { i: item(diacritics(200_000)), pad: 'x'.repeat(200_000) } }));
    expect(res.bytes).toBeGreaterThan(1300 * 1024);
    expect(res.status).toBe(413);
    expect(res.json.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/larger than the limit of 1300kb/),
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await count()).toBe(before);
  });
});
