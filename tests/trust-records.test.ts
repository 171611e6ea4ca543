/**
 * Issue #16 "Trust first", the exemplars and media records through the
 * gateway as the roles concerned: every reference checked on write, one
 * commendation per decision, deleted records only for editors, and a
 * restored item that does not publish on a schedule that has passed.
 */
import { demoId, todayInProvince } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
const as: Record<string, Record<string, string>> = {};
const org = (key: string) => demoId('organization', key);
const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

const call = (who: string, query: string, variables?: Record<string, unknown>) => gql(s.gateway.url, query, variables, as[who]);
const ok = (who: string, query: string, variables?: Record<string, unknown>) => gqlOk(s.gateway.url, query, variables, as[who]);
type Res = { errors?: { extensions?: Record<string, unknown> }[] };
const codeOf = (res: Res) => res.errors?.[0]?.extensions?.code;
const pathsOf = (res: Res) => (res.errors?.[0]?.extensions?.fields as { path: string }[] | undefined)?.map((f) => f.path);
const count = async (table: string) => (await sql.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  s = await startStack('trust');
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  await s.replicated('exemplars', org('hu-ba-be'));
  await s.replicated('media', org('bao-bac-kan'));
  for (const [key, email] of Object.entries({
    admin: 'admin@lantoa.vn',
    babeEditor: 'bientap.babe@lantoa.vn',
    babeReviewer: 'kiemduyet.babe@lantoa.vn',
    pressEditor: 'bientap.bao@lantoa.vn',
    pressReviewer: 'kiemduyet.bao@lantoa.vn',
    viewer: 'xem@lantoa.vn',
    integrator: 'tichhop@lantoa.vn',
  }))
    as[key] = await s.as(email);
});

afterAll(async () => {
  await sql?.end();
  await s?.stop();
});

const CREATE_EXEMPLAR = 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i, confirmDuplicate: true) { id } }';
const exemplarInput = (patch: Record<string, unknown> = {}) => ({
  kind: 'PRACTICE',
  name: 'Mô hình thử tham chiếu',
  organizationId: org('hu-ba-be'),
  field: 'OTHER',
  ...patch,
});
/** Takes an exemplar to RECOGNISED (as the admin): viewers and READ tokens read exemplars from then on (issue #17). */
const recognise = async (id: string) => {
  for (const a of ['PROPOSE', 'VERIFY', 'RECOGNISE'])
    await ok('admin', 'mutation($id: ID!, $a: ExemplarAction!) { transitionExemplar(id: $id, action: $a) { status } }', { id, a });
};

describe('references are checked on write', () => {
  it('refuses an unknown person, directive or theme with NOT_FOUND naming the input path, on create and update, changing nothing', async () => {
    const before = await count('exemplars.exemplar');
    for (const [patch, path] of [
      [{ kind: 'INDIVIDUAL', personId: UNKNOWN }, 'input.personId'],
      [{ directiveId: UNKNOWN }, 'input.directiveId'],
      [{ themeId: UNKNOWN }, 'input.themeId'],
    ] as const) {
      const res = await call('babeEditor', CREATE_EXEMPLAR, { i: exemplarInput(patch) });
      expect(codeOf(res), path).toBe('NOT_FOUND');
      expect(pathsOf(res), path).toEqual([path]);
    }
    expect(await count('exemplars.exemplar')).toBe(before);

    const { directives, themes } = await ok('viewer', '{ directives(first: 1) { nodes { id } } themes(first: 1) { nodes { id } } }');
    const linked = await ok('babeEditor', CREATE_EXEMPLAR, { i: exemplarInput({ directiveId: directives.nodes[0].id, themeId: themes.nodes[0].id }) });
    const id = linked.createExemplar.id as string;
    const UPDATE = 'mutation($id: ID!, $i: UpdateExemplarInput!) { updateExemplar(id: $id, input: $i) { id directive { id } } }';
    const res = await call('babeEditor', UPDATE, { id, i: { directiveId: UNKNOWN } });
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(pathsOf(res)).toEqual(['input.directiveId']);
    expect((await sql.query('select directive_id from exemplars.exemplar where id = $1', [id])).rows[0].directive_id).toBe(directives.nodes[0].id);

    const movement = await call('babeEditor', 'mutation($i: CreateMovementInput!) { createMovement(input: $i) { id } }', {
      i: { name: 'Phong trào thử', launchingOrganizationId: org('hu-ba-be'), periodFrom: '2025-01-01', themeId: UNKNOWN },
    });
    expect(codeOf(movement)).toBe('NOT_FOUND');
    expect(pathsOf(movement)).toEqual(['input.themeId']);
  });
});

describe('one commendation per decision', () => {
  const COMMEND = 'mutation($i: CreateCommendationInput!) { createCommendation(input: $i) { id decisionNumber } }';
  let exemplarId: string;
  const input = (decisionNumber: string) => ({
    exemplarId,
    form: 'CERTIFICATE_OF_MERIT',
    basis: 'CAMPAIGN',
    decidingOrganizationId: org('ubnd-bac-kan'),
    decisionNumber,
    decidedOn: todayInProvince(), // not before the exemplar's last step (verified today)
  });

  beforeAll(async () => {
    const { createExemplar } = await ok('babeEditor', CREATE_EXEMPLAR, { i: exemplarInput({ name: 'Điển hình khen một lần' }) });
    exemplarId = createExemplar.id;
    const T = 'mutation($id: ID!, $a: ExemplarAction!) { transitionExemplar(id: $id, action: $a) { status } }';
    await ok('babeEditor', T, { id: exemplarId, a: 'PROPOSE' });
    await ok('babeReviewer', T, { id: exemplarId, a: 'VERIFY' });
  });

  it('answers CONFLICT naming the first for the same decision in another spelling, even sent twice at once', async () => {
    const first = await ok('babeReviewer', COMMEND, { i: input('Số: 1436/QĐ-UBND') });
    const again = await call('babeReviewer', COMMEND, { i: input('so 1436 / qd - ubnd') });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions!.existing).toMatchObject({ id: first.createCommendation.id, decisionNumber: '1436/QĐ-UBND' });
    const both = await Promise.all([
      call('babeReviewer', COMMEND, { i: input('1437/QĐ-UBND') }),
      call('babeReviewer', COMMEND, { i: input('Số 1437/QĐ-UBND') }),
    ]);
    expect(both.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const { exemplar } = await ok('viewer', 'query($id: ID!) { exemplar(id: $id) { commendationCount } }', { id: exemplarId });
    expect(exemplar.commendationCount).toBe(2);
  });

  it('is held by a unique index, whatever writes the row', async () => {
    const [row] = (await sql.query('select * from exemplars.commendation where exemplar_id = $1 limit 1', [exemplarId])).rows;
    await expect(
      sql.query(
        `insert into exemplars.commendation (id, exemplar_id, form, basis, deciding_organization_id, decision_number, decision_number_key, decided_on, status, created_at, updated_at, version)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, now(), now(), 1)`,
        [row.exemplar_id, row.form, row.basis, row.deciding_organization_id, row.decision_number, row.decision_number_key, row.decided_on, row.status],
      ),
    ).rejects.toThrow(/commendation_decision_unique/);
    // Repeats recorded before the index are kept, marked duplicate_of the first (the migration), and counted once.
    const COUNT = 'query($id: ID!) { exemplar(id: $id) { commendationCount } }';
    const before = (await ok('viewer', COUNT, { id: exemplarId })).exemplar.commendationCount;
    await sql.query(
      `insert into exemplars.commendation (id, exemplar_id, form, basis, deciding_organization_id, decision_number, decision_number_key, decided_on, status, created_at, updated_at, version, duplicate_of)
       select gen_random_uuid(), exemplar_id, form, basis, deciding_organization_id, decision_number, decision_number_key, decided_on, status, now(), now(), 1, id
       from exemplars.commendation where id = $1`,
      [row.id],
    );
    expect((await ok('viewer', COUNT, { id: exemplarId })).exemplar.commendationCount).toBe(before);
  });
});

describe('deleted media items and campaigns', () => {
  it('are listed for editors only: viewers and integrators get FORBIDDEN, also from mediaStats', async () => {
    const { createMediaItem: item } = await ok('pressEditor', 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }', {
      i: { kind: 'ONLINE_ARTICLE', title: 'Bài đã xóa', outletId: org('bao-bac-kan'), tone: 'PROMOTES_EXEMPLAR' },
    });
    await ok('pressEditor', 'mutation($id: ID!) { deleteMediaItem(id: $id) { id } }', { id: item.id });
    const LISTS = [
      '{ mediaItems(filter: { deleted: true }) { totalCount nodes { id } } }',
      '{ campaigns(filter: { deleted: true }) { totalCount } }',
      '{ mediaStats(filter: { deleted: true }, input: { groupBy: [] }) { count } }',
    ];
    for (const who of ['viewer', 'integrator'])
      for (const q of LISTS) {
        const res = await call(who, q);
        expect(codeOf(res), `${who}: ${q}`).toBe('FORBIDDEN');
      }
    const mine = await ok('pressEditor', LISTS[0]!);
    expect(mine.mediaItems.nodes.map((n: { id: string }) => n.id)).toContain(item.id);
    await ok('pressEditor', LISTS[1]!);
  });
});

// Waits for real time to pass: a schedule a few seconds ahead.
describe('restoring a scheduled item', { timeout: 60_000 }, () => {
  const TRANSITION = 'mutation($id: ID!, $a: MediaAction!, $at: DateTime) { transitionMediaItem(id: $id, action: $a, publishAt: $at) { status publishAt } }';
  const RESTORE = 'mutation($id: ID!) { restoreMediaItem(id: $id) { status publishAt publishedAt timeline { action fromStatus toStatus note } } }';
  const approvedFor = async (title: string, publishAt: Date) => {
    const { createMediaItem: item } = await ok('pressEditor', 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }', {
      i: { kind: 'ONLINE_ARTICLE', title, outletId: org('bao-bac-kan'), tone: 'PROMOTES_EXEMPLAR' },
    });
    await ok('pressEditor', TRANSITION, { id: item.id, a: 'SUBMIT' });
    await ok('pressReviewer', TRANSITION, { id: item.id, a: 'APPROVE', at: publishAt.toISOString() });
    await ok('pressEditor', 'mutation($id: ID!) { deleteMediaItem(id: $id) { id } }', { id: item.id });
    return item.id as string;
  };

  it('drops a schedule that passed while deleted (approved, unscheduled, a timeline step says so) and keeps one still ahead', async () => {
    const dueAt = new Date(Date.now() + 3000);
    const passed = await approvedFor('Bài hẹn giờ bị xóa rồi khôi phục', dueAt);
    const ahead = new Date(Date.now() + 3_600_000);
    const kept = await approvedFor('Bài hẹn giờ xa bị xóa rồi khôi phục', ahead);
    await wait(dueAt.getTime() - Date.now() + 500);

    const restored = (await ok('pressEditor', RESTORE, { id: passed })).restoreMediaItem;
    expect(restored).toMatchObject({ status: 'APPROVED', publishAt: null, publishedAt: null });
    expect(restored.timeline.at(-1)).toMatchObject({ action: 'SCHEDULE_DROPPED', fromStatus: 'APPROVED', toStatus: 'APPROVED' });
    expect(restored.timeline.at(-1).note).toMatch(/khôi phục/);
    // The queue has nothing left for it: it does not publish a moment later either.
    expect((await sql.query('select count(*)::int as n from graphile_worker.jobs where key = $1', [passed])).rows[0].n).toBe(0);
    await wait(1500);
    expect((await sql.query('select status from media.media_item where id = $1', [passed])).rows[0].status).toBe('APPROVED');

    const again = (await ok('pressEditor', RESTORE, { id: kept })).restoreMediaItem;
    expect(again).toMatchObject({ status: 'APPROVED', publishAt: ahead.toISOString() });
    expect(again.timeline.map((t: { action: string }) => t.action)).not.toContain('SCHEDULE_DROPPED');
    expect((await sql.query('select count(*)::int as n from graphile_worker.jobs where key = $1', [kept])).rows[0].n).toBe(1);
  });
});

describe('who took a step', () => {
  it('is named by display name and organization to viewers and READ tokens, never by e-mail', async () => {
    const { createExemplar } = await ok('babeEditor', CREATE_EXEMPLAR, { i: exemplarInput({ name: 'Điển hình xem người làm' }) });
    await ok('babeEditor', 'mutation($id: ID!) { transitionExemplar(id: $id, action: PROPOSE) { status } }', { id: createExemplar.id });
    // Recognised, so that viewers and READ tokens may read it (issue #17); the first two steps are the editor's.
    for (const a of ['VERIFY', 'RECOGNISE'])
      await ok('babeReviewer', 'mutation($id: ID!, $a: ExemplarAction!) { transitionExemplar(id: $id, action: $a) { status } }', { id: createExemplar.id, a });
    const { createApiToken } = await ok('admin', 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', {
      i: { name: 'Cổng thông tin thử', scopes: ['READ'], organizationId: org('tu-bac-kan') },
    });
    as.readToken = { authorization: `Bearer ${createApiToken.token}` };
    for (const who of ['viewer', 'readToken']) {
      const { exemplar } = await ok(who, 'query($id: ID!) { exemplar(id: $id) { timeline { action actorName } } }', { id: createExemplar.id });
      expect(exemplar.timeline.slice(0, 2), who).toEqual([
        { action: 'REGISTER', actorName: 'Biên tập viên Huyện ủy Ba Bể, Huyện ủy Ba Bể' },
        { action: 'PROPOSE', actorName: 'Biên tập viên Huyện ủy Ba Bể, Huyện ủy Ba Bể' },
      ]);
      expect(
        exemplar.timeline.filter((t: { actorName: string | null }) => !t.actorName || t.actorName.includes('@')),
        who,
      ).toEqual([]);
      const { mediaItems } = await ok(who, '{ mediaItems(first: 50) { nodes { timeline { actorName } } } }');
      const names = mediaItems.nodes.flatMap((n: { timeline: { actorName: string | null }[] }) => n.timeline.map((t) => t.actorName));
      expect(
        names.filter((n: string | null) => n?.includes('@')),
        who,
      ).toEqual([]);
    }
  });
});

describe('references to deleted records', () => {
  it('resolve as exemplar(id) does: a deleted exemplar is not readable through a media item, for a viewer or an admin, and is back once restored', async () => {
    const { createExemplar } = await ok('babeEditor', CREATE_EXEMPLAR, { i: exemplarInput({ name: 'Điển hình được đưa tin rồi bị xóa' }) });
    const keptId = (await ok('babeEditor', CREATE_EXEMPLAR, { i: exemplarInput({ name: 'Điển hình được đưa tin vẫn còn' }) })).createExemplar.id;
    // Public ones: the press editor links them, viewers and integrators read them (issue #17).
    await recognise(createExemplar.id);
    await recognise(keptId);
    const { createMediaItem: item } = await ok('pressEditor', 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }', {
      i: {
        kind: 'ONLINE_ARTICLE',
        title: 'Bài về hai điển hình',
        outletId: org('bao-bac-kan'),
        tone: 'PROMOTES_EXEMPLAR',
        exemplarIds: [createExemplar.id, keptId],
      },
    });
    // Published, so that viewers and integrators read it (issue #17).
    for (const [who, a] of [
      ['pressEditor', 'SUBMIT'],
      ['pressReviewer', 'APPROVE'],
      ['pressEditor', 'PUBLISH'],
    ])
      await ok(who!, 'mutation($id: ID!, $a: MediaAction!) { transitionMediaItem(id: $id, action: $a) { status } }', { id: item.id, a });
    await ok('babeEditor', 'mutation($id: ID!) { deleteExemplar(id: $id) { id } }', { id: createExemplar.id });
    const READ =
      'query($id: ID!, $e: ID!) { exemplar(id: $e) { id } mediaItem(id: $id) { exemplars { id name status deletedAt timeline { action actorName } } } }';
    for (const who of ['viewer', 'integrator', 'admin']) {
      const res = await call(who, READ, { id: item.id, e: createExemplar.id });
      expect(res.errors, who).toBeUndefined();
      expect(res.data!.exemplar, who).toBeNull();
      expect(
        res.data!.mediaItem.exemplars.map((e: { id: string }) => e.id),
        who,
      ).toEqual([keptId]);
    }
    await ok('babeEditor', 'mutation($id: ID!) { restoreExemplar(id: $id) { id } }', { id: createExemplar.id });
    const back = await ok('viewer', READ, { id: item.id, e: createExemplar.id });
    expect(back.mediaItem.exemplars.map((e: { id: string }) => e.id)).toEqual([createExemplar.id, keptId]);
  });

  it('a deleted movement is null on its exemplars, as movement(id) answers', async () => {
    const { createMovement } = await ok('babeEditor', 'mutation($i: CreateMovementInput!) { createMovement(input: $i) { id } }', {
      i: { name: 'Phong trào sẽ bị xóa', launchingOrganizationId: org('hu-ba-be'), periodFrom: '2025-01-01' },
    });
    const { createExemplar } = await ok('babeEditor', CREATE_EXEMPLAR, {
      i: exemplarInput({ name: 'Điển hình của phong trào bị xóa', movementId: createMovement.id }),
    });
    await sql.query('update exemplars.movement set deleted_at = now() where id = $1', [createMovement.id]); // no deleteMovement in the API yet
    // Its editor reads it: a registered exemplar is not for viewers (issue #17).
    const res = await ok('babeEditor', 'query($id: ID!, $m: ID!) { movement(id: $m) { id } exemplar(id: $id) { movement { id name } } }', {
      id: createExemplar.id,
      m: createMovement.id,
    });
    expect(res).toEqual({ movement: null, exemplar: { movement: null } });
  });
});

describe('single links to deleted records', () => {
  it('are null without an error, on exemplars (person, directive, theme) and campaigns (directive, theme), and come back once restored', async () => {
    const { directives, themes, people } = await ok(
      'admin',
      '{ directives(first: 1) { nodes { id } } themes(first: 1) { nodes { id } } people(first: 1) { nodes { id } } }',
    );
    const [directiveId, themeId, personId] = [directives.nodes[0].id, themes.nodes[0].id, people.nodes[0].id];
    const { createExemplar } = await ok('admin', CREATE_EXEMPLAR, {
      i: exemplarInput({ kind: 'INDIVIDUAL', name: 'Người có liên kết sẽ bị xóa', personId, directiveId, themeId }),
    });
    await recognise(createExemplar.id);
    const { createCampaign } = await ok('admin', 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', {
      i: {
        name: 'Đợt có liên kết sẽ bị xóa',
        organizationId: org('bao-bac-kan'),
        directiveId,
        themeId,
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        targetItems: 4,
        targetExemplarItems: 2,
      },
    });
    const READ = `query($e: ID!, $c: ID!) {
      exemplar(id: $e) { person { id familyName } directive { id number } theme { id title } }
      campaign(id: $c) { directive { id number } theme { id title } } }`;
    const linkedIds = (data: Record<string, Record<string, { id: string } | null>>) => ({
      exemplar: [data.exemplar.person?.id, data.exemplar.directive?.id, data.exemplar.theme?.id],
      campaign: [data.campaign.directive?.id, data.campaign.theme?.id],
    });
    const vars = { e: createExemplar.id, c: createCampaign.id };
    expect(linkedIds(await ok('viewer', READ, vars))).toEqual({ exemplar: [personId, directiveId, themeId], campaign: [directiveId, themeId] });

    const each = async (verb: 'delete' | 'restore') => {
      await ok(
        'admin',
        `mutation($d: ID!, $t: ID!, $p: ID!) { d: ${verb}Directive(id: $d) { id } t: ${verb}Theme(id: $t) { id } p: ${verb}Person(id: $p) { id } }`,
        {
          d: directiveId,
          t: themeId,
          p: personId,
        },
      );
    };
    await each('delete');
    try {
      for (const who of ['viewer', 'integrator', 'admin']) {
        const res = await call(who, READ, vars);
        expect(res.errors, who).toBeUndefined();
        expect(linkedIds(res.data as never), who).toEqual({ exemplar: [undefined, undefined, undefined], campaign: [undefined, undefined] });
      }
    } finally {
      await each('restore');
    }
    expect(linkedIds(await ok('viewer', READ, vars))).toEqual({ exemplar: [personId, directiveId, themeId], campaign: [directiveId, themeId] });
  });
});

describe('a reviewer’s reasons for returning a record', () => {
  it('stay with the office once the record is public: viewers and READ tokens see the steps without the note, the outlet’s editor and the admin with it', async () => {
    const REASON = 'Lý do trả lại nội bộ: số liệu chưa khớp';
    const { createMediaItem: item } = await ok('pressEditor', 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }', {
      i: { kind: 'ONLINE_ARTICLE', title: 'Bài bị trả lại rồi được đăng', outletId: org('bao-bac-kan'), tone: 'EXPLAINS_DIRECTIVE' },
    });
    const step = (who: string, a: string, n?: string) =>
      ok(who, 'mutation($id: ID!, $a: MediaAction!, $n: String) { transitionMediaItem(id: $id, action: $a, note: $n) { status } }', { id: item.id, a, n });
    await step('pressEditor', 'SUBMIT');
    await step('pressReviewer', 'REJECT', REASON);
    await step('pressEditor', 'SUBMIT');
    await step('pressReviewer', 'APPROVE');
    await step('pressEditor', 'PUBLISH');
    const READ = 'query($id: ID!) { mediaItem(id: $id) { status timeline { action note } } }';
    as.readToken ??= await (async () => {
      const { createApiToken } = await ok('admin', 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', {
        i: { name: 'Cổng thông tin thử (ghi chú)', scopes: ['READ'], organizationId: org('tu-bac-kan') },
      });
      return { authorization: `Bearer ${createApiToken.token}` };
    })();
    for (const who of ['viewer', 'readToken', 'integrator']) {
      const { mediaItem } = await ok(who, READ, { id: item.id });
      expect(mediaItem.status, who).toBe('PUBLISHED');
      expect(
        mediaItem.timeline.map((t: { action: string }) => t.action),
        who,
      ).toContain('REJECT');
      expect(JSON.stringify(mediaItem), who).not.toContain('số liệu chưa khớp');
    }
    for (const who of ['pressEditor', 'pressReviewer', 'admin']) {
      const { mediaItem } = await ok(who, READ, { id: item.id });
      expect(mediaItem.timeline.find((t: { action: string }) => t.action === 'REJECT').note, who).toBe(REASON);
    }
  });
});
