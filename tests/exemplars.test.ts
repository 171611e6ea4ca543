/**
 * The exemplars subgraph through the gateway, on the demo data: duplicate
 * detection, the lifecycle step by step with every refused step and role,
 * commendations against the authority table, sanitised stories, and the
 * statistics (the 1.567 figure, and a district's counts against SQL).
 */
import { countSql, demoId } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTree } from '../services/organizations/src/testing/tree.js';
import { generateExemplars } from '../services/exemplars/src/testing/generate.js';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
const as: Record<string, Record<string, string>> = {};
const org = (key: string) => demoId('organization', key);

beforeAll(async () => {
  s = await startStack('exemplars');
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  await s.replicated('exemplars', org('cb-ban-cam'));
  for (const [key, email] of Object.entries({
    admin: 'admin@lantoa.vn',
    provinceEditor: 'bientap@lantoa.vn',
    babeEditor: 'bientap.babe@lantoa.vn',
    provinceReviewer: 'kiemduyet@lantoa.vn',
    babeReviewer: 'kiemduyet.babe@lantoa.vn',
    viewer: 'xem@lantoa.vn',
  })) {
    as[key] = await s.as(email);
  }
  // A reviewer of another district: created through the API, as an admin would.
  const created = await gqlOk(
    s.gateway.url,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    {
      i: {
        email: 'kiemduyet.chodon@example.vn',
        displayName: 'Kiểm duyệt viên Chợ Đồn',
        organizationId: org('hu-cho-don'),
        roles: ['REVIEWER'],
        password: 'mật khẩu đủ dài 2026',
      },
    },
    as.admin,
  );
  expect(created.createUser.id).toBeTruthy();
  const signIn = await gqlOk(s.gateway.url, 'mutation { signIn(email: "kiemduyet.chodon@example.vn", password: "mật khẩu đủ dài 2026") { accessToken } }');
  as.choDonReviewer = { authorization: `Bearer ${signIn.signIn.accessToken}` };
});

afterAll(async () => {
  await sql?.end();
  await s?.stop();
});

const call = (who: string, query: string, variables?: Record<string, unknown>) => gql(s.gateway.url, query, variables, as[who]);
const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const rows = async (q: string, p: unknown[] = []) => (await sql.query(q, p)).rows;
const CREATE =
  'mutation($i: CreateExemplarInput!, $c: Boolean) { createExemplar(input: $i, confirmDuplicate: $c) { id name status story allowedActions timeline { action toStatus } } }';
const TRANSITION =
  'mutation($id: ID!, $a: ExemplarAction!, $n: String, $on: Date) { transitionExemplar(id: $id, action: $a, note: $n, on: $on) { status allowedActions timeline { action fromStatus toStatus actorName note } } }';

describe('registering an exemplar', () => {
  it('sanitises the story and warns about a duplicate instead of recording it twice', async () => {
    const input = {
      kind: 'PRACTICE',
      name: 'Tủ bánh mì 0 đồng ở chợ Bắc Kạn',
      organizationId: org('hu-ba-be'),
      field: 'CHARITY',
      story: '<p onclick="steal()">Mỗi sáng <b>50</b> ổ bánh mì<script>alert(1)</script><a href="javascript:alert(1)">xem</a></p>',
    };
    const first = await call('babeEditor', CREATE, { i: input });
    expect(first.errors).toBeUndefined();
    const e = first.data!.createExemplar;
    expect(e).toMatchObject({ status: 'REGISTERED', allowedActions: ['PROPOSE'], timeline: [{ action: 'REGISTER', toStatus: 'REGISTERED' }] });
    expect(e.story).toBe('<p>Mỗi sáng <b>50</b> ổ bánh mì<a rel="noopener noreferrer nofollow">xem</a></p>');
    const before = await rows('select count(*)::int as n from exemplars.exemplar');
    const again = await call('babeEditor', CREATE, { i: { ...input, name: '  tu BANH MI 0 dong ở chợ bắc kạn ' } });
    expect(codeOf(again)).toBe('CONFLICT');
    expect((again.errors![0]!.extensions as { duplicates: { id: string }[] }).duplicates.map((d) => d.id)).toEqual([e.id]);
    expect(await rows('select count(*)::int as n from exemplars.exemplar')).toEqual(before);
    const confirmed = await call('babeEditor', CREATE, { i: { ...input, name: 'Tủ bánh mì 0 đồng (điểm thứ hai)' } });
    expect(confirmed.errors).toBeUndefined();
    const forced = await call('babeEditor', CREATE, { i: input, c: true });
    expect(forced.errors).toBeUndefined();
  });

  it('refuses an exemplar for another district, and bad input, changing nothing', async () => {
    const before = await rows('select count(*)::int as n from exemplars.exemplar');
    const other = await call('babeEditor', CREATE, { i: { kind: 'PRACTICE', name: 'Ngoài phạm vi', organizationId: org('hu-cho-don'), field: 'OTHER' } });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const viewer = await call('viewer', CREATE, { i: { kind: 'PRACTICE', name: 'Người xem', organizationId: org('hu-ba-be'), field: 'OTHER' } });
    expect(codeOf(viewer)).toBe('FORBIDDEN');
    const blank = await call('babeEditor', CREATE, { i: { kind: 'PRACTICE', name: '\u200b\u200b', organizationId: org('hu-ba-be'), field: 'OTHER' } });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    const unknown = await call('babeEditor', CREATE, {
      i: { kind: 'PRACTICE', name: 'Không ai', organizationId: '00000000-0000-4000-8000-000000000000', field: 'OTHER' },
    });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(await rows('select count(*)::int as n from exemplars.exemplar')).toEqual(before);
  });
});

describe('demo photos', () => {
  it('every named demo exemplar has a photo with a thumbnail, served to a signed-in reader', async () => {
    const { exemplar } = await gqlOk(
      s.gateway.url,
      'query($id: ID!) { exemplar(id: $id) { attachments { fileName mimeType width height url thumbnailUrl } } }',
      { id: demoId('exemplar', 'chuyen-xe-khong-dong') },
      as.viewer,
    );
    expect(exemplar.attachments).toEqual([expect.objectContaining({ fileName: 'chuyen-xe-khong-dong.jpg', mimeType: 'image/jpeg', width: 960, height: 640 })]);
    const origin = new URL(s.gateway.url).origin;
    const thumb = await fetch(origin + exemplar.attachments[0].thumbnailUrl, { headers: as.viewer });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await fetch(origin + exemplar.attachments[0].url)).status).toBe(401);
  });
});

describe('the lifecycle', () => {
  it('goes step by step; refused steps are CONFLICT, wrong roles and scopes FORBIDDEN, and change nothing', async () => {
    const { createExemplar: e } = await gqlOk(
      s.gateway.url,
      CREATE,
      { i: { kind: 'COLLECTIVE', name: 'Chi bộ thôn Pác Ngòi làm du lịch cộng đồng', organizationId: org('du-nam-mau'), field: 'NEW_RURAL_DEVELOPMENT' } },
      as.babeEditor,
    );
    const version = async () => (await rows('select version, status from exemplars.exemplar where id = $1', [e.id]))[0];
    const refused = async (who: string, action: string, code: string, note?: string) => {
      const before = await version();
      const res = await call(who, TRANSITION, { id: e.id, a: action, n: note });
      expect(codeOf(res), `${who} ${action}`).toBe(code);
      expect(await version(), `${who} ${action} changed nothing`).toEqual(before);
    };
    await refused('babeEditor', 'VERIFY', 'FORBIDDEN'); // an editor cannot verify
    await refused('babeEditor', 'RECOGNISE', 'FORBIDDEN');
    await refused('babeReviewer', 'VERIFY', 'CONFLICT'); // not proposed yet
    await refused('babeReviewer', 'REVOKE', 'BAD_USER_INPUT'); // a revocation needs a reason
    await refused('viewer', 'PROPOSE', 'FORBIDDEN');

    expect((await call('babeEditor', TRANSITION, { id: e.id, a: 'PROPOSE' })).data!.transitionExemplar.status).toBe('PROPOSED');
    await refused('choDonReviewer', 'VERIFY', 'FORBIDDEN'); // a reviewer of another district
    await refused('provinceReviewer', 'VERIFY', 'FORBIDDEN'); // the provincial board is not above the district in the tree
    await refused('babeEditor', 'PROPOSE', 'CONFLICT');
    const verified = (await call('babeReviewer', TRANSITION, { id: e.id, a: 'VERIFY' })).data!.transitionExemplar;
    expect(verified).toMatchObject({ status: 'VERIFIED' });
    expect(verified.allowedActions).toEqual(['RECOGNISE', 'AWARD', 'REVOKE']);
    await refused('babeReviewer', 'REPLICATE', 'CONFLICT');
    await refused('babeReviewer', 'REJECT', 'CONFLICT', 'quá muộn');
    expect((await call('babeReviewer', TRANSITION, { id: e.id, a: 'RECOGNISE', n: 'Biểu dương tại hội nghị' })).data!.transitionExemplar.status).toBe(
      'RECOGNISED',
    );
    expect((await call('babeEditor', TRANSITION, { id: e.id, a: 'PUBLICISE' })).data!.transitionExemplar.status).toBe('PUBLICISED');
    expect((await call('babeEditor', TRANSITION, { id: e.id, a: 'REPLICATE' })).data!.transitionExemplar.status).toBe('REPLICATED');
    const revoked = (await call('babeReviewer', TRANSITION, { id: e.id, a: 'REVOKE', n: 'Phát hiện sai phạm' })).data!.transitionExemplar;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.allowedActions).toEqual([]);
    expect(revoked.timeline.map((t: { action: string }) => t.action)).toEqual([
      'REGISTER',
      'PROPOSE',
      'VERIFY',
      'RECOGNISE',
      'PUBLICISE',
      'REPLICATE',
      'REVOKE',
    ]);
    expect(revoked.timeline.at(-1)).toMatchObject({
      fromStatus: 'REPLICATED',
      toStatus: 'REVOKED',
      actorName: 'Kiểm duyệt viên Huyện ủy Ba Bể, Huyện ủy Ba Bể', // never the e-mail: timelines are for every reader
      note: 'Phát hiện sai phạm',
    });
    expect((await rows('select recognised_on from exemplars.exemplar where id = $1', [e.id]))[0].recognised_on).not.toBeNull();
    await refused('babeReviewer', 'PROPOSE', 'CONFLICT');
  });

  it('rejects a proposal only with a reason', async () => {
    const { createExemplar: e } = await gqlOk(
      s.gateway.url,
      CREATE,
      { i: { kind: 'HOUSEHOLD', name: 'Hộ nuôi ong ở Nam Mẫu', organizationId: org('du-nam-mau'), field: 'PRODUCTION_AND_TECHNOLOGY' } },
      as.babeEditor,
    );
    await gqlOk(s.gateway.url, TRANSITION, { id: e.id, a: 'PROPOSE' }, as.babeEditor);
    expect(codeOf(await call('babeReviewer', TRANSITION, { id: e.id, a: 'REJECT', n: '   ' }))).toBe('BAD_USER_INPUT');
    expect((await call('babeReviewer', TRANSITION, { id: e.id, a: 'REJECT', n: 'Thiếu minh chứng' })).data!.transitionExemplar.status).toBe('REJECTED');
  });
});

describe('commendations', () => {
  const COMMEND =
    'mutation($i: CreateCommendationInput!) { createCommendation(input: $i) { id decisionNumber exemplar { status awardedOn } decidingOrganization { name } } }';
  let verifiedId: string;

  beforeAll(async () => {
    const { createExemplar: e } = await gqlOk(
      s.gateway.url,
      CREATE,
      { i: { kind: 'PRACTICE', name: 'Mô hình “Dân vận khéo” ở Ba Bể', organizationId: org('hu-ba-be'), field: 'PARTY_BUILDING' } },
      as.babeEditor,
    );
    // Recorded after the fact, as offices do: the steps carry their own days, before the 2025 decisions below.
    await gqlOk(s.gateway.url, TRANSITION, { id: e.id, a: 'PROPOSE', on: '2025-04-01' }, as.babeEditor);
    await gqlOk(s.gateway.url, TRANSITION, { id: e.id, a: 'VERIFY', on: '2025-05-02' }, as.babeReviewer);
    verifiedId = e.id;
  });

  const input = (patch: Record<string, unknown> = {}) => ({
    exemplarId: verifiedId,
    form: 'CERTIFICATE_OF_MERIT',
    basis: 'CAMPAIGN',
    decidingOrganizationId: org('ubnd-bac-kan'),
    decisionNumber: 'Số: 2024/QĐ-UBND',
    decidedOn: '2025-05-19',
    ...patch,
  });

  it('refuses a decision number that does not parse, and a form the deciding organization may not grant, changing nothing', async () => {
    const count = async () => (await rows('select count(*)::int as n from exemplars.commendation'))[0].n;
    const before = await count();
    const badNumber = await call('babeReviewer', COMMEND, { i: input({ decisionNumber: 'QĐ 2024 UBND' }) });
    expect(codeOf(badNumber)).toBe('BAD_USER_INPUT');
    expect(badNumber.errors![0]!.message).toMatch(/123\/QĐ-UBND/);
    const notAllowed = await call('babeReviewer', COMMEND, { i: input({ form: 'ORDER' }) });
    expect(codeOf(notAllowed)).toBe('BAD_USER_INPUT');
    expect(notAllowed.errors![0]!.message).toMatch(/may not grant ORDER/);
    const district = await call('babeReviewer', COMMEND, { i: input({ decidingOrganizationId: org('hu-ba-be') }) });
    expect(codeOf(district)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    expect((await rows('select status from exemplars.exemplar where id = $1', [verifiedId]))[0].status).toBe('VERIFIED');
  });

  it('records an allowed commendation, which makes the exemplar AWARDED, and revokes it only with a reason', async () => {
    const ok = await call('babeReviewer', COMMEND, { i: input() });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createCommendation).toMatchObject({
      decisionNumber: '2024/QĐ-UBND',
      exemplar: { status: 'AWARDED', awardedOn: '2025-05-19' },
      decidingOrganization: { name: 'Ủy ban nhân dân tỉnh Bắc Kạn' },
    });
    const REVOKE = 'mutation($id: ID!, $r: String!) { revokeCommendation(id: $id, reason: $r) { status revocationReason } }';
    expect(codeOf(await call('babeReviewer', REVOKE, { id: ok.data!.createCommendation.id, r: ' ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await call('babeEditor', REVOKE, { id: ok.data!.createCommendation.id, r: 'Sai đối tượng' }))).toBe('FORBIDDEN');
    expect((await call('babeReviewer', REVOKE, { id: ok.data!.createCommendation.id, r: 'Sai đối tượng' })).data!.revokeCommendation).toEqual({
      status: 'REVOKED',
      revocationReason: 'Sai đối tượng',
    });
  });
});

describe('statistics', () => {
  it('reproduces “1.567 điển hình được biểu dương, khen thưởng” in the three years of the review', async () => {
    const { exemplarStats } = await gqlOk(
      s.gateway.url,
      `query($org: ID!) { exemplarStats(filter: { organizationId: $org, includeDescendants: true }, input: { groupBy: [], honouredFrom: "2021-05-18", honouredTo: "2024-05-16" }) { count } }`,
      { org: org('tu-bac-kan') },
      as.viewer,
    );
    expect(exemplarStats).toEqual([{ count: 1567 }]);
    const perDistrict = await gqlOk(
      s.gateway.url,
      `{ exemplarStats(input: { groupBy: [DISTRICT, YEAR], honouredFrom: "2021-05-18", honouredTo: "2024-05-16" }) { count year organization { name } } }`,
      undefined,
      as.viewer,
    );
    expect(perDistrict.exemplarStats.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(1567);
    expect(new Set(perDistrict.exemplarStats.map((r: { organization: { name: string } }) => r.organization.name))).toContain('Huyện ủy Ba Bể');
  });

  describe('at volume', () => {
    let tree: { rootId: string; ids: string[] };

    beforeAll(async () => {
      tree = await insertTree(s.db.url, 'dien-hinh', [6, 5, 4]);
      await s.replicated('exemplars', tree.ids.at(-1)!);
      await generateExemplars(s.db.url, { organizationIds: tree.ids, count: 12_000, label: 'volume' });
    });

    // What a viewer reads (issue #17): verified exemplars and the steps after, not drafts, rejected or revoked ones.
    const VIEWER_READS = `'VERIFIED', 'RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED'`;

    it('exemplarStats of a district with descendants equals a count made directly in SQL', async () => {
      const district = tree.ids[1]!;
      const { organization } = await gqlOk(
        s.gateway.url,
        `query($id: ID!) { organization(id: $id) { exemplarStats(input: { groupBy: [KIND, STATUS] }) { kind status count } } }`,
        { id: district },
        as.viewer,
      );
      const expected = await rows(
        `select e.kind, e.status, count(*)::int as count from exemplars.exemplar e join organizations.organization o on o.id = e.organization_id
         where e.deleted_at is null and e.status in (${VIEWER_READS}) and o.path like (select path from organizations.organization where id = $1) || '%' group by 1, 2 order by 1, 2`,
        [district],
      );
      expect(organization.exemplarStats).toEqual(expected);
      expect(expected.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBeGreaterThan(300);
      const byYear = await gqlOk(
        s.gateway.url,
        `query($id: ID!) { organization(id: $id) { exemplarStats(input: { groupBy: [YEAR, FIELD], honouredOnly: true }) { year field count } } }`,
        { id: district },
        as.viewer,
      );
      const sqlByYear = await rows(
        `select extract(year from least(e.recognised_on, e.awarded_on))::int as year, e.field, count(*)::int as count
         from exemplars.exemplar e join organizations.organization o on o.id = e.organization_id
         where e.deleted_at is null and e.status in (${VIEWER_READS}) and least(e.recognised_on, e.awarded_on) is not null
           and o.path like (select path from organizations.organization where id = $1) || '%'
         group by 1, 2 order by 1, 2`,
        [district],
      );
      expect(byYear.organization.exemplarStats).toEqual(sqlByYear);
    });

    it('lists 100 exemplars with organization, its ancestors, commendations and their deciders in a bounded number of statements', async () => {
      const query = `query($org: ID!, $first: Int!) { exemplars(filter: { organizationId: $org, includeDescendants: true }, first: $first) { totalCount
        nodes { name commendationCount organization { name ancestors { name } } commendations { decisionNumber decidingOrganization { name } } } } }`;
      const run = async (first: number) => {
        const { statements, result } = await countSql(() => gqlOk(s.gateway.url, query, { org: tree.rootId, first }, as.viewer));
        expect(result.exemplars.nodes).toHaveLength(first);
        expect(result.exemplars.nodes[0].organization.ancestors.length).toBeGreaterThan(0);
        return statements;
      };
      // 20: the viewer's first 10 here have no commendation, so no deciding organization to ask for (one statement fewer).
      const small = await run(20);
      const large = await run(100);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(12);
    });
  });
});
