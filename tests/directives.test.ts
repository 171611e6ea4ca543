/**
 * The directives subgraph through the gateway, on the demo data: the registry
 * (numbers parsed leniently, stored canonically, unique by the numbering
 * rules, relations both ways), tasks with deadline statuses and scope, and
 * the statistics checked against SQL on generated volume.
 */
import { countSql, demoId } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '@lantoa/kit/attachments';
import { insertTree } from '../services/organizations/src/testing/tree.js';
import { generateWork } from '../services/directives/src/testing/generate.js';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
let admin: Record<string, string>;
let babeEditor: Record<string, string>;
const org = (key: string) => demoId('organization', key);
const doc = (key: string) => demoId('directive', key);

/** Waits until the directives subgraph's replica has the organization (the feed is followed every 200 ms). */
beforeAll(async () => {
  s = await startStack('directives');
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  admin = await s.as('admin@lantoa.vn');
  babeEditor = await s.as('bientap.babe@lantoa.vn');
  await s.replicated('directives', org('hu-ba-be'), 5_000);
});

afterAll(async () => {
  await sql?.end();
  await s?.stop();
});

const call = (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) => gql(s.gateway.url, query, variables, headers);
const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const count = async (table: string) => Number((await sql.query(`select count(*) from directives.${table} where deleted_at is null`)).rows[0].count);

describe('the registry', () => {
  it('finds 01-KL/TW however its number is typed, with its relations both ways', async () => {
    for (const q of ['01-kl/tw', '01 KL TW', 'Số 01-KL/TW', 'ket luan 01']) {
      const { directives } = await gqlOk(s.gateway.url, 'query($q: String) { directives(filter: { q: $q }) { nodes { number } } }', { q }, admin);
      expect(
        directives.nodes.map((d: { number: string }) => d.number),
        q,
      ).toContain('01-KL/TW');
    }
    // `number` is the exact match in any spelling: 499-BC/TU, which cites 01-KL/TW, is not in it.
    for (const number of ['Số 01 - KL/TW', '01 kl tw', 'số: 01-kl/tw']) {
      const { directives } = await gqlOk(s.gateway.url, 'query($n: String) { directives(filter: { number: $n }) { nodes { number } } }', { n: number }, admin);
      expect(directives.nodes, number).toEqual([{ number: '01-KL/TW' }]);
    }
    const bad = await gql(s.gateway.url, '{ directives(filter: { number: "-/-" }) { totalCount } }', undefined, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'filter.number' }] });
    const { directive } = await gqlOk(
      s.gateway.url,
      `query($id: ID!) { directive(id: $id) { number issuedOn issuer { id name }
         incomingRelations { kind from { number } } outgoingRelations { kind to { number } } } }`,
      { id: doc('01-kl-tw') },
      admin,
    );
    expect(directive).toMatchObject({ number: '01-KL/TW', issuedOn: '2021-05-18', issuer: { name: 'Bộ Chính trị' } });
    expect(directive.incomingRelations).toEqual([{ kind: 'EVALUATES', from: { number: '499-BC/TU' } }]);
    expect(directive.outgoingRelations).toEqual([{ kind: 'CONTINUES', to: { number: '05-CT/TW' } }]);
  });

  it('registers a number typed as “số 02 - kl/tu” as 02-KL/TU, and refuses it twice with CONFLICT naming the first', async () => {
    const create = (number: string, title = 'Kết luận về công tác tuyên truyền') =>
      call(admin, 'mutation($i: CreateDirectiveInput!) { createDirective(input: $i) { id number numberAsWritten family documentType titleTypeConflict } }', {
        i: { number, term: 'XII', title, issuedOn: '2024-06-01', issuerId: org('tu-bac-kan') },
      });
    const first = await create('số 02 - kl/tu');
    expect(first.errors).toBeUndefined();
    expect(first.data!.createDirective).toMatchObject({
      number: '02-KL/TU',
      numberAsWritten: 'số 02 - kl/tu',
      family: 'PARTY',
      documentType: 'CONCLUSION',
      titleTypeConflict: null,
    });
    const before = await count('directive');
    const again = await create('02-KL/TU');
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.message).toContain(first.data!.createDirective.id);
    expect(await count('directive')).toBe(before);
    // The same number in another committee term is another document.
    const otherTerm = await call(admin, 'mutation($i: CreateDirectiveInput!) { createDirective(input: $i) { number numberingPeriod } }', {
      i: { number: '02-KL/TU', term: 'XIII', title: 'Kết luận khóa mới', issuedOn: '2025-01-10', issuerId: org('tu-bac-kan') },
    });
    expect(otherTerm.data?.createDirective).toEqual({ number: '02-KL/TU', numberingPeriod: 'XIII' });
    // A title that names another kind is kept and flagged.
    const flagged = await create('03-CT/TU', 'Kết luận về học tập và làm theo Bác');
    expect(flagged.data!.createDirective.titleTypeConflict).toMatch(/kết luận.*CT/);
  });

  it('refuses bad input with the right code and changes nothing', async () => {
    const before = await count('directive');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ number: '01-XX/TU' }, 'BAD_USER_INPUT', /Unknown Party document type "XX"/],
      [{ number: 'abc' }, 'BAD_USER_INPUT', /Write it like 01-KL\/TW/],
      [{ issuerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', /Organization/],
      [{ term: null }, 'BAD_USER_INPUT', /term/],
      [{ number: '15/2023/NĐ-CP', term: null, family: 'STATE' }, 'BAD_USER_INPUT', /issued in 2023/],
      [{ issuedOn: '2999-01-01' }, 'BAD_USER_INPUT', /future/],
      [{ title: '   ' }, 'BAD_USER_INPUT', /empty/],
    ];
    for (const [patch, code, message] of cases) {
      const res = await call(admin, 'mutation($i: CreateDirectiveInput!) { createDirective(input: $i) { id } }', {
        i: { number: '77-KL/TU', term: 'XII', title: 'Kết luận thử', issuedOn: '2024-06-01', issuerId: org('tu-bac-kan'), ...patch },
      });
      expect(codeOf(res), JSON.stringify(patch)).toBe(code);
      expect(res.errors!.map((e) => e.message).join(' '), JSON.stringify(patch)).toMatch(message);
    }
    expect(await count('directive')).toBe(before);
  });

  it('refuses a relation to itself and a cycle of supersessions; superseding sets the status', async () => {
    const relate = (fromId: string, toId: string, kind = 'SUPERSEDES') =>
      call(admin, 'mutation($i: RelateDirectivesInput!) { relateDirectives(input: $i) { id to { status } } }', { i: { fromId, toId, kind } });
    const mk = async (n: string) =>
      (
        await gqlOk(
          s.gateway.url,
          'mutation($i: CreateDirectiveInput!) { createDirective(input: $i) { id } }',
          { i: { number: n, term: 'XII', title: 'Quy định thử', issuedOn: '2024-01-01', issuerId: org('tu-bac-kan') } },
          admin,
        )
      ).createDirective.id as string;
    const [a, b, c] = [await mk('10-QĐ/TU'), await mk('11-QĐ/TU'), await mk('12-QĐ/TU')];
    expect(codeOf(await relate(a, a))).toBe('BAD_USER_INPUT');
    const ab = await relate(a, b);
    expect(ab.data!.relateDirectives.to.status).toBe('SUPERSEDED');
    expect((await relate(b, c)).errors).toBeUndefined();
    const relations = Number((await sql.query('select count(*) from directives.directive_relation')).rows[0].count);
    const cycle = await relate(c, a);
    expect(codeOf(cycle)).toBe('BAD_USER_INPUT');
    expect(cycle.errors![0]!.message).toMatch(/cycle/);
    expect(codeOf(await relate(a, b))).toBe('CONFLICT');
    expect(Number((await sql.query('select count(*) from directives.directive_relation')).rows[0].count)).toBe(relations);
  });
});

describe('the attached file of a document', () => {
  it('is uploaded by an admin through the gateway, refused to an editor, and read back by a viewer', async () => {
    const pdf = samplePdf('499-BC/TU');
    const ask = (who: Record<string, string>) =>
      call(who, 'mutation($id: ID!, $n: String!, $s: Int!) { createDirectiveAttachmentUpload(directiveId: $id, fileName: $n, size: $s) { uploadUrl } }', {
        id: doc('499-bc-tu'),
        n: '499-BC-TU.pdf',
        s: pdf.length,
      });
    expect(codeOf(await ask(babeEditor))).toBe('FORBIDDEN');
    const granted = await ask(admin);
    expect(granted.errors).toBeUndefined();
    const origin = new URL(s.gateway.url).origin;
    const put = await fetch(origin + granted.data!.createDirectiveAttachmentUpload.uploadUrl, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(put.status).toBe(201);
    const viewer = await s.as('xem@lantoa.vn');
    const { directive } = await gqlOk(
      s.gateway.url,
      'query($id: ID!) { directive(id: $id) { attachments { fileName mimeType url } } }',
      { id: doc('499-bc-tu') },
      viewer,
    );
    expect(directive.attachments).toEqual([expect.objectContaining({ fileName: '499-BC-TU.pdf', mimeType: 'application/pdf' })]);
    const back = await fetch(origin + directive.attachments[0].url, { headers: viewer });
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe('deleted records', () => {
  it('are listed with deleted: true for those who may restore them, and not for readers', async () => {
    const { createDirective: d } = await gqlOk(
      s.gateway.url,
      'mutation($i: CreateDirectiveInput!) { createDirective(input: $i) { id } }',
      { i: { number: '88-KH/TU', term: 'XII', title: 'Kế hoạch sẽ bị xóa', issuedOn: '2024-03-01', issuerId: org('tu-bac-kan') } },
      admin,
    );
    await gqlOk(s.gateway.url, 'mutation($id: ID!) { deleteDirective(id: $id) { id } }', { id: d.id }, admin);
    const LIST =
      '{ directives(filter: { q: "88-KH/TU", deleted: true }) { nodes { id deletedAt } } live: directives(filter: { q: "88-KH/TU" }) { totalCount } }';
    const listed = await gqlOk(s.gateway.url, LIST, undefined, admin);
    expect(listed.directives.nodes).toEqual([{ id: d.id, deletedAt: expect.any(String) }]);
    expect(listed.live.totalCount).toBe(0);
    const viewer = await s.as('xem@lantoa.vn');
    expect(codeOf(await call(viewer, '{ directives(filter: { deleted: true }) { totalCount } }'))).toBe('FORBIDDEN');
    expect(codeOf(await call(viewer, '{ organizations(filter: { deleted: true }) { totalCount } }'))).toBe('FORBIDDEN');
    expect(
      (await gqlOk(s.gateway.url, '{ organizations(filter: { deleted: true }) { totalCount } }', undefined, admin)).organizations.totalCount,
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('tasks', () => {
  it('lists the overdue demo tasks first, with deadline statuses in the province’s calendar', async () => {
    const { tasks } = await gqlOk(
      s.gateway.url,
      `{ tasks(filter: { directiveId: "${doc('499-bc-tu')}", asOf: "2026-12-01" }, first: 50) { totalCount nodes { title dueOn status deadlineStatus(asOf: "2026-12-01") } } }`,
      undefined,
      admin,
    );
    const statuses = tasks.nodes.map((t: { deadlineStatus: string }) => t.deadlineStatus);
    const overdue = statuses.filter((x: string) => x === 'OPEN_OVERDUE').length;
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(statuses.slice(0, overdue).every((x: string) => x === 'OPEN_OVERDUE')).toBe(true);
    expect(statuses).toEqual(expect.arrayContaining(['DONE_ON_TIME', 'DONE_LATE', 'OPEN_WITHIN_DEADLINE']));
    const dues = tasks.nodes.slice(0, overdue).map((t: { dueOn: string }) => t.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it('lets a district editor create and report on a task of their district, and not of another', async () => {
    const input = (lead: string) => ({
      title: 'Sinh hoạt chuyên đề quý IV',
      group: 'PARTY_COMMITTEES',
      leadOrganizationId: org(lead),
      dueOn: '2026-12-31',
      directiveId: doc('01-kl-tw'),
    });
    const before = await count('task');
    const other = await call(babeEditor, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { i: input('hu-cho-don') });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(await count('task')).toBe(before);
    const mine = await call(babeEditor, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id leadOrganization { name } } }', {
      i: input('du-nam-mau'),
    });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.createTask.leadOrganization.name).toBe('Đảng ủy xã Nam Mẫu');
    const report = await call(
      babeEditor,
      'mutation($i: CreateProgressReportInput!) { createProgressReport(input: $i) { id figures { name value } task { title } } }',
      {
        i: {
          title: 'Báo cáo tiến độ quý IV',
          taskId: mine.data!.createTask.id,
          reportingOrganizationId: org('hu-ba-be'),
          periodKind: 'OTHER',
          periodFrom: '2026-10-01',
          periodTo: '2026-11-30',
          results: 'Đã tổ chức 3 buổi sinh hoạt chuyên đề.',
          figures: [{ name: 'Buổi sinh hoạt chuyên đề', value: 3 }],
        },
      },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data!.createProgressReport).toMatchObject({
      figures: [{ name: 'Buổi sinh hoạt chuyên đề', value: 3 }],
      task: { title: 'Sinh hoạt chuyên đề quý IV' },
    });
  });

  it('refuses a due date before the document was issued, and an unknown organization', async () => {
    const before = await count('task');
    const early = await call(admin, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', {
      i: { title: 'Quá sớm', group: 'OTHER', leadOrganizationId: org('hu-ba-be'), dueOn: '2021-01-01', directiveId: doc('01-kl-tw') },
    });
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0]!.message).toMatch(/01-KL\/TW was issued \(2021-05-18\)/);
    const unknown = await call(admin, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', {
      i: { title: 'Không có ai', group: 'OTHER', leadOrganizationId: '00000000-0000-4000-8000-000000000000', dueOn: '2027-01-01' },
    });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(await count('task')).toBe(before);
  });

  it('reads the 3-year review with its sections and the 1,567 figure', async () => {
    const { directive } = await gqlOk(
      s.gateway.url,
      `query($id: ID!) { directive(id: $id) { progressReports { periodKind reportDirective { number } reportingOrganization { name } figures { name value } shortcomings } } }`,
      { id: doc('01-kl-tw') },
      admin,
    );
    expect(directive.progressReports).toHaveLength(1);
    expect(directive.progressReports[0]).toMatchObject({
      periodKind: 'INTERIM_REVIEW',
      reportDirective: { number: '499-BC/TU' },
      reportingOrganization: { name: 'Tỉnh ủy Bắc Kạn' },
      shortcomings: expect.stringMatching(/^<p>Vai trò lãnh đạo.*<\/p>$/),
    });
    expect(directive.progressReports[0].figures).toEqual([{ name: 'Điển hình được các cấp ủy biểu dương, khen thưởng', value: 1567 }]);
  });

  it('keeps the safe markup of report sections and drops scripts and event handlers; plain text keeps its paragraphs', async () => {
    const fields = 'id version results shortcomings lessons';
    const created = await gqlOk(
      s.gateway.url,
      `mutation($i: CreateProgressReportInput!) { createProgressReport(input: $i) { ${fields} } }`,
      {
        i: {
          title: 'Báo cáo có định dạng',
          directiveId: doc('05-ct-tw'),
          reportingOrganizationId: org('hu-ba-be'),
          periodKind: 'OTHER',
          periodFrom: '2026-01-01',
          periodTo: '2026-06-30',
          results: '<p onclick="alert(1)">Đạt <strong>12</strong> mô hình</p><script>alert(2)</script><ul><li>Nêu gương</li></ul>',
          shortcomings: 'Chưa đều đặn.\nCòn hình thức.\n\nTỷ lệ < 5% & giảm',
        },
      },
      babeEditor,
    );
    const report = created.createProgressReport;
    expect(report.results).toBe('<p>Đạt <strong>12</strong> mô hình</p><ul><li>Nêu gương</li></ul>');
    expect(report.shortcomings).toBe('<p>Chưa đều đặn.<br />Còn hình thức.</p><p>Tỷ lệ &lt; 5% &amp; giảm</p>');
    const { rows } = await sql.query('select results, search_text from directives.progress_report where id = $1', [report.id]);
    expect(rows[0].results).toBe(report.results);
    expect(rows[0].search_text).not.toMatch(/strong|script|alert/);
    // The same on update; a section of only unsafe markup is cleared.
    const updated = await gqlOk(
      s.gateway.url,
      `mutation($id: ID!, $i: UpdateProgressReportInput!, $v: Int) { updateProgressReport(id: $id, input: $i, expectedVersion: $v) { ${fields} } }`,
      {
        id: report.id,
        v: report.version,
        i: { lessons: '<h2 onmouseover="x()">Bài học</h2><p><a href="javascript:alert(1)">xem</a></p>', results: '<script>x</script>' },
      },
      babeEditor,
    );
    expect(updated.updateProgressReport).toMatchObject({
      lessons: '<h2>Bài học</h2><p><a rel="noopener noreferrer nofollow">xem</a></p>',
      results: null,
      shortcomings: report.shortcomings,
    });
  });
});

describe('at volume', () => {
  let tree: { rootId: string; ids: string[] };

  beforeAll(async () => {
    tree = await insertTree(s.db.url, 'khoi-luong', [8, 6, 4]);
    await s.replicated('directives', tree.ids.at(-1)!);
    await generateWork(s.db.url, { organizationIds: tree.ids, directives: 1_000, tasks: 10_000, label: 'volume' });
  });

  it('taskStats of a district with descendants equals a count made directly in SQL, per child too', async () => {
    const district = tree.ids[1]!;
    const { organization } = await gqlOk(
      s.gateway.url,
      `query($id: ID!) { organization(id: $id) { name taskStats(asOf: "2026-12-01", groupByChildren: true) { organizationId total doneOnTime doneLate openWithinDeadline openOverdue cancelled } } }`,
      { id: district },
      admin,
    );
    const expected = async (rootId: string, own = false) =>
      (
        await sql.query(
          `select count(*)::int as total,
             count(*) filter (where status = 'DONE' and completed_on <= due_on)::int as "doneOnTime",
             count(*) filter (where status = 'DONE' and completed_on > due_on)::int as "doneLate",
             count(*) filter (where status in ('NOT_STARTED', 'IN_PROGRESS') and due_on >= '2026-12-01')::int as "openWithinDeadline",
             count(*) filter (where status in ('NOT_STARTED', 'IN_PROGRESS') and due_on < '2026-12-01')::int as "openOverdue",
             count(*) filter (where status = 'CANCELLED')::int as cancelled
           from directives.task t join organizations.organization o on o.id = t.lead_organization_id
           where t.deleted_at is null and ${own ? 'o.id = $1' : `o.path like (select path from organizations.organization where id = $1) || '%'`}`,
          [rootId],
        )
      ).rows[0];
    const [own, ...children] = organization.taskStats;
    expect(own).toMatchObject({ organizationId: district, ...(await expected(district, true)) });
    expect(children).toHaveLength(6);
    for (const c of children) expect(c, c.organizationId).toMatchObject(await expected(c.organizationId));
    const whole = await gqlOk(
      s.gateway.url,
      `query($id: ID!) { organization(id: $id) { taskStats(asOf: "2026-12-01") { total openOverdue } } }`,
      { id: district },
      admin,
    );
    const all = await expected(district);
    expect(whole.organization.taskStats).toEqual([{ total: all.total, openOverdue: all.openOverdue }]);
    expect(all.total).toBeGreaterThan(100);
  });

  it('lists 100 tasks with their document, its issuer and the issuer’s parent in a bounded number of statements', async () => {
    const query = `query($first: Int!) { tasks(first: $first) { totalCount nodes { title deadlineStatus directive { number issuer { name parent { name } } } leadOrganization { name } } } }`;
    const run = async (first: number) => {
      const { statements, result } = await countSql(() => gqlOk(s.gateway.url, query, { first }, admin));
      expect(result.tasks.nodes).toHaveLength(first);
      expect(result.tasks.nodes.every((n: { directive: { issuer: { name: string } } | null }) => !n.directive || n.directive.issuer.name)).toBe(true);
      return statements;
    };
    const small = await run(10);
    const large = await run(100);
    // Lists, directives, organizations and parents each cost a fixed number of statements, whatever the page size.
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(8);
  });
});
