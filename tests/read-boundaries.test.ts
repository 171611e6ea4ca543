/**
 * Issue #17, read boundaries: drafts stay inside the office. Exemplars before
 * verification, rejected (with their notes) and revoked ones, media items not
 * published, and deleted records are read only by the editors, reviewers and
 * admins of their subtree; viewers read verified exemplars and published
 * items, READ tokens and integrator accounts only what is public.
 *
 * The leak test is derived from the supergraph, not from a list kept here:
 * every query that can reach an exemplar, a media item, a commendation, a
 * statistics row or coverage — directly or through references (an
 * organization's exemplars, a media item's exemplars, a commendation's
 * exemplar…) — is asked with the ids of the records seeded below, as a
 * viewer, a READ token and the integrator account. The answers must name no
 * hidden record and no rejection note, and must be exactly what the same
 * queries answer once the hidden records are gone (soft-deleted in SQL): so
 * no totalCount, statistic or coverage counts them either.
 */
import { demoId, todayInProvince } from '@lantoa/kit';
import { gql, gqlOk } from '@lantoa/kit/testing';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supergraphOperations } from './access/operations.js';
import { startStack, type Stack } from './support/stack.js';

let s: Stack;
let sql: pg.Client;
const as: Record<string, Record<string, string>> = {};
const org = (key: string) => demoId('organization', key);
const ok = (who: string, query: string, variables?: Record<string, unknown>) => gqlOk(s.gateway.url, query, variables, as[who]);

const NOTE_REJECTED_EXEMPLAR = 'Hồ sơ thiếu xác nhận của xã (ghi chú nội bộ R17-E)';
const NOTE_REJECTED_ITEM = 'Bài còn sai số liệu (ghi chú nội bộ R17-M)';
const NOTE_REVOKED = 'Phát hiện vi phạm sau khi biểu dương (ghi chú nội bộ R17-X)';

/** The records seeded, by what they are; `hidden*` lists what each kind of reader must never see. */
const ids: Record<string, string> = {};
let subjects: Record<string, string[]>;
let hiddenFromViewers: string[];
let hiddenFromPublic: string[];

// ---------- seeding, through the gateway as the people who do it ----------

const T_EXEMPLAR = 'mutation($id: ID!, $a: ExemplarAction!, $n: String) { transitionExemplar(id: $id, action: $a, note: $n) { status } }';
const T_ITEM = 'mutation($id: ID!, $a: MediaAction!, $n: String) { transitionMediaItem(id: $id, action: $a, note: $n) { status } }';

async function exemplar(key: string, links: Record<string, string>, steps: [string, string, string?][]): Promise<void> {
  const { createExemplar } = await ok('babeEditor', 'mutation($i: CreateExemplarInput!) { createExemplar(input: $i, confirmDuplicate: true) { id } }', {
    i: { kind: 'INDIVIDUAL', name: `Điển hình ranh giới đọc ${key}`, organizationId: org('hu-ba-be'), field: 'OTHER', ...links },
  });
  ids[key] = createExemplar.id;
  for (const [who, action, note] of steps) await ok(who, T_EXEMPLAR, { id: ids[key], a: action, n: note ?? null });
}

async function item(key: string, links: Record<string, unknown>, steps: [string, string, string?][]): Promise<void> {
  // The admin links it: a press editor may link only exemplars they can read, and some of these are drafts.
  const { createMediaItem } = await ok('admin', 'mutation($i: CreateMediaItemInput!) { createMediaItem(input: $i) { id } }', {
    i: { kind: 'ONLINE_ARTICLE', title: `Bài ranh giới đọc ${key}`, outletId: org('bao-bac-kan'), tone: 'PROMOTES_EXEMPLAR', ...links },
  });
  ids[key] = createMediaItem.id;
  for (const [who, action, note] of steps) await ok(who, T_ITEM, { id: ids[key], a: action, n: note ?? null });
}

beforeAll(async () => {
  s = await startStack('readbound', { MAX_COST: '10000000', MAX_DEPTH: '40', MAX_ALIASES: '1000', MAX_TOKENS: '1000000' });
  sql = new pg.Client({ connectionString: s.db.url });
  await sql.connect();
  await s.replicated('exemplars', org('hu-ba-be'));
  await s.replicated('media', org('bao-bac-kan'));
  for (const [key, email] of Object.entries({
    admin: 'admin@lantoa.vn',
    babeEditor: 'bientap.babe@lantoa.vn',
    babeReviewer: 'kiemduyet.babe@lantoa.vn',
    pressEditor: 'bientap.bao@lantoa.vn',
    viewer: 'xem@lantoa.vn',
    integrator: 'tichhop@lantoa.vn',
  }))
    as[key] = await s.as(email);
  const { createApiToken } = await ok('admin', 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', {
    i: { name: 'Cổng thông tin tỉnh (thử ranh giới đọc)', scopes: ['READ'], organizationId: org('tu-bac-kan') },
  });
  as.readToken = { authorization: `Bearer ${createApiToken.token}` };

  const refs = await ok(
    'admin',
    '{ people(first: 1) { nodes { id } } directives(first: 1) { nodes { id } } themes(first: 1) { nodes { id } } tasks(first: 1) { nodes { id } } }',
  );
  const [personId, directiveId, themeId, taskId] = [refs.people, refs.directives, refs.themes, refs.tasks].map((c) => c.nodes[0].id as string);
  const { createMovement } = await ok('babeEditor', 'mutation($i: CreateMovementInput!) { createMovement(input: $i) { id } }', {
    i: { name: 'Phong trào ranh giới đọc', launchingOrganizationId: org('hu-ba-be'), periodFrom: '2025-01-01' },
  });
  const links = { personId, directiveId, themeId, movementId: createMovement.id };

  const rev = 'babeReviewer';
  await exemplar('eRegistered', links, []);
  await exemplar('eProposed', links, [['babeEditor', 'PROPOSE']]);
  await exemplar('eRejected', links, [
    ['babeEditor', 'PROPOSE'],
    [rev, 'REJECT', NOTE_REJECTED_EXEMPLAR],
  ]);
  await exemplar('eVerified', links, [
    ['babeEditor', 'PROPOSE'],
    [rev, 'VERIFY'],
  ]);
  await exemplar('eRecognised', links, [
    ['babeEditor', 'PROPOSE'],
    [rev, 'VERIFY'],
    [rev, 'RECOGNISE'],
  ]);
  await exemplar('eRevoked', links, [
    ['babeEditor', 'PROPOSE'],
    [rev, 'VERIFY'],
    [rev, 'RECOGNISE'],
  ]);
  // Commended, then revoked: the commendation must not lead to it.
  const { createCommendation } = await ok(rev, 'mutation($i: CreateCommendationInput!) { createCommendation(input: $i) { id } }', {
    i: {
      exemplarId: ids.eRevoked,
      form: 'CERTIFICATE_OF_MERIT',
      basis: 'CAMPAIGN',
      decidingOrganizationId: org('ubnd-bac-kan'),
      decisionNumber: '1717/QĐ-UBND',
      decidedOn: todayInProvince(),
    },
  });
  ids.cOfRevoked = createCommendation.id;
  await ok(rev, T_EXEMPLAR, { id: ids.eRevoked, a: 'REVOKE', n: NOTE_REVOKED });
  await exemplar('eDeleted', links, [
    ['babeEditor', 'PROPOSE'],
    [rev, 'VERIFY'],
    [rev, 'RECOGNISE'],
  ]);
  await ok('babeEditor', 'mutation($id: ID!) { deleteExemplar(id: $id) { id } }', { id: ids.eDeleted });

  // Every item links every exemplar, the directive, the theme and the task: each list of theirs is asked.
  const exemplarIds = ['eRegistered', 'eProposed', 'eRejected', 'eVerified', 'eRecognised', 'eRevoked'].map((k) => ids[k]);
  const itemLinks = { exemplarIds, directiveIds: [directiveId], themeIds: [themeId], taskIds: [taskId] };
  await item('mDraft', itemLinks, []);
  await item('mInReview', itemLinks, [['pressEditor', 'SUBMIT']]);
  await item('mRejected', itemLinks, [
    ['pressEditor', 'SUBMIT'],
    ['admin', 'REJECT', NOTE_REJECTED_ITEM],
  ]);
  await item('mApproved', itemLinks, [
    ['pressEditor', 'SUBMIT'],
    ['admin', 'APPROVE'],
  ]);
  const publish: [string, string][] = [
    ['pressEditor', 'SUBMIT'],
    ['admin', 'APPROVE'],
    ['pressEditor', 'PUBLISH'],
  ];
  await item('mPublished', itemLinks, publish);
  await item('mDeleted', itemLinks, publish);
  await ok('pressEditor', 'mutation($id: ID!) { deleteMediaItem(id: $id) { id } }', { id: ids.mDeleted });

  const exemplarKeys = ['eRegistered', 'eProposed', 'eRejected', 'eVerified', 'eRecognised', 'eRevoked', 'eDeleted'];
  const itemKeys = ['mDraft', 'mInReview', 'mRejected', 'mApproved', 'mPublished', 'mDeleted'];
  subjects = {
    Exemplar: exemplarKeys.map((k) => ids[k]!),
    MediaItem: itemKeys.map((k) => ids[k]!),
    Commendation: [ids.cOfRevoked!],
    Organization: [org('hu-ba-be'), org('bao-bac-kan')],
    Person: [personId],
    Directive: [directiveId],
    Theme: [themeId],
    Task: [taskId],
    Movement: [createMovement.id],
  };
  hiddenFromViewers = [
    'eRegistered',
    'eProposed',
    'eRejected',
    'eRevoked',
    'eDeleted',
    'cOfRevoked',
    'mDraft',
    'mInReview',
    'mRejected',
    'mApproved',
    'mDeleted',
  ].map((k) => ids[k]!);
  hiddenFromPublic = [...hiddenFromViewers, ids.eVerified!];
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await s?.stop();
});

// ---------- every query that reaches the records, from the supergraph ----------

/** Where hidden records could show: the records themselves, and what counts or links them. */
const WATCHED = /^(Exemplar|MediaItem|Commendation|Coverage|UncoveredExemplar|\w+StatsRow)$/;
/** Levels of records (entities) followed from a root: e.g. organization → exemplars → mediaItems. */
const DEPTH = 3;

function reachingTypes(schema: GraphQLSchema): Set<string> {
  const objects = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  const reach = new Set(objects.filter((t) => WATCHED.test(t.name)).map((t) => t.name));
  for (let grew = true; grew;) {
    grew = false;
    for (const t of objects)
      if (!reach.has(t.name) && Object.values(t.getFields()).some((f) => reach.has(getNamedType(f.type).name))) {
        reach.add(t.name);
        grew = true;
      }
  }
  return reach;
}

const isEntity = (t: GraphQLObjectType) => 'id' in t.getFields() && !t.name.endsWith('Connection');
const unwrap = (t: GraphQLInputType): GraphQLInputType => (isNonNullType(t) ? unwrap(t.ofType) : t);

/** A literal for a required input: the widest reading (STATUS groups for statistics, a five-year period). */
function required(name: string, type: GraphQLInputType): string | undefined {
  const t = unwrap(type);
  if (isListType(t)) {
    const inner = getNamedType(t);
    return isEnumType(inner) ? (inner.getValue('STATUS') ? '[STATUS]' : '[]') : undefined;
  }
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    const parts = fields.map((f) => [f.name, required(f.name, f.type)] as const);
    return parts.some(([, v]) => v === undefined) ? undefined : `{ ${parts.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  }
  if (t.name === 'Date') return /to$/i.test(name) ? '"2026-12-31"' : '"2021-01-01"';
  if (t.name === 'Int' && name === 'first') return '200';
  if (t.name === 'Boolean') return 'true';
  return undefined;
}

/** Arguments of a field: required ones filled, pages as large as allowed, subtrees included; undefined when one cannot be filled. */
function argsOf(args: readonly GraphQLArgument[], given: Record<string, string> = {}, nested = false): string | undefined {
  const parts: string[] = [];
  for (const a of args) {
    let v: string | undefined = given[a.name];
    // The gateway's cost limit multiplies page sizes down the levels. Lists are newest first: the seeded records lead them.
    if (v === undefined && a.name === 'first') v = nested ? '5' : '20';
    // Subtrees included, where the subtree's root is not itself an argument left out.
    if (v === undefined && a.name === 'includeDescendants' && !args.some((o) => o.name === 'organizationId')) v = 'true';
    if (v === undefined && isNonNullType(a.type) && a.defaultValue === undefined) {
      v = required(a.name, a.type);
      if (v === undefined) return undefined;
    }
    if (v !== undefined) parts.push(`${a.name}: ${v}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Every leaf, and every field that leads to a watched type, down to DEPTH levels of records. */
function selection(schema: GraphQLSchema, reach: Set<string>, type: GraphQLObjectType, level: number): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    const named = getNamedType(f.type);
    if (isLeafType(named)) {
      if (f.args.every((a) => !isNonNullType(a.type))) parts.push(f.name);
      continue;
    }
    if (!isObjectType(named) || named.name === 'AuditEventConnection') continue;
    const next = isEntity(named) ? level + 1 : level;
    // Timelines, attachments and the like of a record: their leaves (a note is where a rejection's reason is).
    const leavesOnly = !reach.has(named.name);
    if (leavesOnly && !/^(Exemplar|MediaItem)$/.test(type.name)) continue;
    if (next > DEPTH) continue;
    const args = argsOf(f.args, {}, true);
    if (args === undefined) continue;
    const inner = leavesOnly ? leafSelection(named) : selection(schema, reach, named, next);
    if (inner) parts.push(`${f.name}${args} { ${inner} }`);
  }
  return parts.join(' ');
}

function leafSelection(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name)
    .join(' ');
}

/** The documents: each root query that reaches a watched type, once per seeded id it takes (or with the ids filter, and without). */
function documents(schema: GraphQLSchema, sdl: string): { label: string; query: string }[] {
  const reach = reachingTypes(schema);
  const queryType = schema.getQueryType()!;
  const docs: { label: string; query: string }[] = [];
  for (const op of supergraphOperations(sdl).filter((o) => o.type === 'query')) {
    const field = queryType.getFields()[op.name];
    if (!field) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named) || !reach.has(named.name)) continue;
    const node = isObjectType(named) && named.getFields().nodes ? (getNamedType(named.getFields().nodes!.type) as GraphQLObjectType) : named;
    const select = selection(schema, reach, named, isEntity(named) ? 1 : 0);
    const idArg = field.args.find((a) => a.name === 'id' && isNonNullType(a.type));
    const filterType = field.args.find((a) => a.name === 'filter')?.type;
    const idsFilter = filterType && isInputObjectType(unwrap(filterType)) && 'ids' in (unwrap(filterType) as { getFields(): object }).getFields();
    const own = subjects[node.name] ?? [];
    const variants: Record<string, string>[] = [];
    if (idArg) variants.push(...own.map((id) => ({ id: JSON.stringify(id) })));
    else {
      if (idsFilter && own.length) variants.push({ filter: `{ ids: ${JSON.stringify(own)} }`, first: String(own.length) });
      // Whole lists (and their totalCount) of the records themselves, and statistics; other lists only for the seeded ids.
      if (!idsFilter || !isEntity(node) || /^(Exemplar|MediaItem|Commendation)$/.test(node.name)) variants.push({});
    }
    for (const given of variants) {
      const args = argsOf(field.args, given);
      if (args === undefined) continue;
      docs.push({ label: `${op.name}${args}`, query: `{ ${op.name}${args} { ${select} } }` });
    }
  }
  return docs;
}

type Answers = Map<string, string>;
async function answers(who: string, docs: { label: string; query: string }[]): Promise<Answers> {
  const out: Answers = new Map();
  for (let i = 0; i < docs.length; i += 4)
    await Promise.all(
      docs.slice(i, i + 4).map(async (d) => {
        // The question is what is shown, not whether a deep query beats a subgraph's timeout on a loaded
        // machine: an answer with a part unavailable is asked again (a few times) before it is judged.
        let res = await gql(s.gateway.url, d.query, undefined, as[who]);
        for (let retry = 0; retry < 3 && res.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'); retry++) {
          await new Promise((r) => setTimeout(r, 1_000));
          res = await gql(s.gateway.url, d.query, undefined, as[who]);
        }
        // Refusals count by their code (a viewer may not list users): the same code before and after.
        const errors = res.errors?.map((e) => (e.extensions?.code === 'FORBIDDEN' ? 'FORBIDDEN' : `${e.extensions?.code}: ${e.message}`)) ?? null;
        out.set(d.label, JSON.stringify({ data: res.data ?? null, errors }));
      }),
    );
  return out;
}

/** Makes the hidden records absent: deleted, as the lists already leave deleted records out (tests/trust-records.test.ts). */
async function remove(recordIds: string[]): Promise<void> {
  await sql.query('update exemplars.exemplar set deleted_at = coalesce(deleted_at, now()) where id = any($1::uuid[])', [recordIds]);
  await sql.query('update exemplars.commendation set deleted_at = coalesce(deleted_at, now()) where exemplar_id = any($1::uuid[])', [recordIds]);
  await sql.query('update media.media_item set deleted_at = coalesce(deleted_at, now()) where id = any($1::uuid[])', [recordIds]);
}

function leaks(all: Answers, hidden: string[]): string[] {
  const found: string[] = [];
  for (const [label, body] of all) {
    for (const id of hidden) if (body.includes(id)) found.push(`${label}: ${Object.entries(ids).find(([, v]) => v === id)?.[0]}`);
    for (const note of [NOTE_REJECTED_EXEMPLAR, NOTE_REJECTED_ITEM, NOTE_REVOKED]) if (body.includes(note)) found.push(`${label}: the note “${note}”`);
  }
  return found;
}

function differences(before: Answers, after: Answers): string[] {
  return [...before.keys()]
    .filter((k) => before.get(k) !== after.get(k))
    .map((k) => `${k}\n  with hidden records: ${before.get(k)}\n  without them:        ${after.get(k)}`);
}

describe('read boundaries', () => {
  it('editors and reviewers of the subtree still read their drafts, rejections and notes; an editor of another unit does not', async () => {
    const Q = `query($e: [ID!], $m: [ID!]) {
      exemplars(filter: { ids: $e }) { totalCount nodes { id timeline { note } } }
      mediaItems(filter: { ids: $m }) { totalCount nodes { id timeline { note } } } }`;
    const vars = { e: subjects.Exemplar, m: subjects.MediaItem };
    const live = (keys: string[]) => keys.map((k) => ids[k]).sort();
    const seen = (r: { nodes: { id: string }[] }) => r.nodes.map((n) => n.id).sort();
    const babe = await ok('babeReviewer', Q, vars);
    expect(seen(babe.exemplars)).toEqual(live(['eRegistered', 'eProposed', 'eRejected', 'eVerified', 'eRecognised', 'eRevoked']));
    expect(JSON.stringify(babe.exemplars)).toContain(NOTE_REJECTED_EXEMPLAR);
    // Outside their subtree, the district's reviewer reads the press's items as a viewer does.
    expect(seen(babe.mediaItems)).toEqual(live(['mPublished']));
    const press = await ok('pressEditor', Q, vars);
    expect(seen(press.mediaItems)).toEqual(live(['mDraft', 'mInReview', 'mRejected', 'mApproved', 'mPublished']));
    expect(JSON.stringify(press.mediaItems)).toContain(NOTE_REJECTED_ITEM);
    expect(seen(press.exemplars)).toEqual(live(['eVerified', 'eRecognised']));
    const one = await ok('babeEditor', 'query($id: ID!) { exemplar(id: $id) { id status } }', { id: ids.eRejected });
    expect(one.exemplar).toEqual({ id: ids.eRejected, status: 'REJECTED' });
  });

  it('viewers read verified exemplars and published items; READ tokens and integrators only recognised or awarded exemplars; totalCount agrees', async () => {
    const Q = '{ exemplars(first: 200) { totalCount } mediaItems(first: 200) { totalCount } }';
    const count = async (q: string) => (await sql.query(q)).rows[0].n as number;
    const exemplarsIn = (statuses: string[]) =>
      count(`select count(*)::int as n from exemplars.exemplar where deleted_at is null and status = any('{${statuses.join(',')}}')`);
    const items = await count(`select count(*)::int as n from media.media_item where deleted_at is null and status in ('PUBLISHED', 'ARCHIVED')`);
    const viewers = await exemplarsIn(['VERIFIED', 'RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED']);
    const everyone = await exemplarsIn(['RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED']);
    expect(await ok('viewer', Q)).toEqual({ exemplars: { totalCount: viewers }, mediaItems: { totalCount: items } });
    for (const who of ['readToken', 'integrator'])
      expect(await ok(who, Q), who).toEqual({ exemplars: { totalCount: everyone }, mediaItems: { totalCount: items } });
  });

  it(
    'no list, count, statistic or reference in the supergraph shows a hidden record to a viewer, a READ token or the integrator',
    { timeout: 300_000 },
    async () => {
      const sdl = await readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
      const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
      const docs = documents(schema, sdl);
      // The derivation found the lists the issue names (a sanity check on the walk, not the list it walks).
      for (const name of [
        'exemplars',
        'mediaItems',
        'exemplarStats',
        'mediaStats',
        'uncoveredExemplars',
        'commendations',
        'organization',
        'person',
        'directive',
      ])
        expect(
          docs.some((d) => d.label.startsWith(`${name}(`) || d.label === name),
          name,
        ).toBe(true);
      const joined = docs.map((d) => d.query).join('\n');
      for (const field of ['publishedItems', 'coverageStats', 'exemplarStats', 'coverage', 'commendations', 'timeline', 'mediaItems', 'exemplars'])
        expect(joined).toContain(` ${field}`);

      const before: Record<string, Answers> = {};
      for (const who of ['viewer', 'readToken', 'integrator']) before[who] = await answers(who, docs);
      // Every document was answered: refused at most (a viewer may not list users), never malformed or too costly.
      for (const [who, all] of Object.entries(before)) {
        const failed = [...all].filter(([, body]) => (JSON.parse(body).errors ?? []).some((e: string) => e !== 'FORBIDDEN'));
        expect(
          failed.map(([label, body]) => `${label}: ${body.slice(0, 300)}`),
          who,
        ).toEqual([]);
      }
      expect(leaks(before.viewer!, hiddenFromViewers)).toEqual([]);
      for (const who of ['readToken', 'integrator']) expect(leaks(before[who]!, hiddenFromPublic), who).toEqual([]);
      // Something visible was read: the published item and the recognised exemplar, through many paths.
      expect([...before.viewer!.values()].filter((b) => b.includes(ids.mPublished!)).length).toBeGreaterThan(5);
      expect([...before.readToken!.values()].filter((b) => b.includes(ids.eRecognised!)).length).toBeGreaterThan(5);

      await remove(hiddenFromViewers);
      expect(differences(before.viewer!, await answers('viewer', docs))).toEqual([]);
      await remove(hiddenFromPublic);
      for (const who of ['readToken', 'integrator']) expect(differences(before[who]!, await answers(who, docs)), who).toEqual([]);
    },
  );
});
