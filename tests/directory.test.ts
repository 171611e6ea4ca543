/**
 * The organization directory (issue 6 §2) across real services on one
 * database: the organizations subgraph's change feed, identity's replica
 * following it, a second consumer stopped and restarted, the kit's scope
 * helpers against organizations' own inScope, and identity's reference checks.
 */
import {
  AuditEvent,
  CALLER_HEADER,
  countSql,
  createLogger,
  createOrm,
  demoId,
  Loaders,
  migrate,
  Role,
  signCallerProof,
  type Caller,
  type Orm,
  type RunningSubgraph,
} from '@lantoa/kit';
import {
  countByAncestorLevel,
  Directory,
  directoryMigration,
  ORGANIZATION_FEED_AUDIENCE,
  organizationFeedUrl,
  scopeCondition,
  SERVICE_HEADER,
  signServiceProof,
  startDirectoryFollower,
  subtreeCondition,
  type FeedChange,
} from '@lantoa/kit/directory';
import { createTestDatabase, gql, gqlOk, type TestDatabase } from '@lantoa/kit/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../services/organizations/src/modules/organization/organization.scope.js';
import { insertTree } from '../services/organizations/src/testing/tree.js';
import { startSubgraphs, type Subgraphs } from './support/subgraphs.js';

const ADMIN: Caller = { kind: 'user', id: demoId('user', 'admin'), name: 'admin@lantoa.vn', organizationId: null, roles: [Role.ADMIN], scopes: [] };

let db: TestDatabase;
let subgraphs: Subgraphs;
let organizations: RunningSubgraph;
let identity: RunningSubgraph;
/** SQL straight to the test database ($1-style parameters), through the organizations subgraph's pool. */
let sql: { query(text: string, params?: unknown[]): Promise<{ rows: any[] }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
let feedUrl: string;
const gatewaySecret = randomBytes(32).toString('base64url');

const asCaller = async (caller: Caller) => ({ [CALLER_HEADER]: await signCallerProof(caller, randomUUID(), gatewaySecret) });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const orgs = async <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  gqlOk<T>(organizations.url, query, variables, await asCaller(ADMIN));
const ident = async (query: string, variables?: Record<string, unknown>) => gql(identity.url, query, variables, await asCaller(ADMIN));

const feedHead = async () => Number((await sql.query('select coalesce(max(seq), 0) as s from organizations.organization_change')).rows[0].s);
const replicaSeq = async (schema = 'identity') => Number((await sql.query(`select last_seq from ${schema}.directory_state`)).rows[0].last_seq);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
const caughtUp = async (schema = 'identity') => until(`${schema}'s replica to catch up`, async () => (await replicaSeq(schema)) >= (await feedHead()));

beforeAll(async () => {
  db = await createTestDatabase('directory');
  subgraphs = await startSubgraphs(db.url, { GATEWAY_SECRET: gatewaySecret, JWT_SECRET: randomBytes(32).toString('base64url') });
  ({ organizations, identity } = subgraphs.byName as Record<'organizations' | 'identity', RunningSubgraph>);
  feedUrl = organizationFeedUrl(organizations.url);
  const knex = organizations.orm.em.getKnex();
  sql = {
    query: (text, params = []) => {
      const bindings: unknown[] = [];
      const positional = text.replace(/\$(\d+)/g, (_, n: string) => (bindings.push(params[Number(n) - 1]), '?'));
      return knex.raw(positional, bindings as never) as never;
    },
  };
});

afterAll(async () => {
  await subgraphs?.stop();
  await db?.drop();
});

describe('the organization feed endpoint', () => {
  const get = (headers: Record<string, string>, query = 'after=0&limit=5') => fetch(`${feedUrl}?${query}`, { headers });
  const refused = async (res: Response) => {
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toMatch(/internal endpoint/);
  };

  it('serves pages, ordered by seq, to a service proof made for it', async () => {
    const res = await get({ [SERVICE_HEADER]: await signServiceProof(gatewaySecret, { audience: ORGANIZATION_FEED_AUDIENCE, service: 'test' }) });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { changes: FeedChange[]; lastSeq: number; hasMore: boolean };
    // At least the 5 asked for: a page never ends inside a transaction (here the demo seed, one transaction).
    expect(page.changes.length).toBeGreaterThanOrEqual(5);
    expect(page.changes.map((c) => c.seq)).toEqual([...page.changes.map((c) => c.seq)].sort((a, b) => a - b));
    expect(page.lastSeq).toBe(page.changes.at(-1)!.seq);
    expect(page.hasMore).toBe(true);
    expect(page.changes[0]!.state).toMatchObject({ id: page.changes[0]!.organizationId, path: expect.stringMatching(/^\//), name: expect.any(String) });
  });

  it('refuses a missing, forged or other-endpoint proof, the gateway’s caller proof, and a client’s credentials (401, the usual error shape)', async () => {
    await refused(await get({}));
    const forged = await signServiceProof(randomBytes(32).toString('base64url'), { audience: ORGANIZATION_FEED_AUDIENCE, service: 'test' });
    await refused(await get({ [SERVICE_HEADER]: forged }));
    await refused(await get({ [SERVICE_HEADER]: await signServiceProof(gatewaySecret, { audience: 'lantoa-internal:other', service: 'test' }) }));
    // The gateway's per-request caller proof for /graphql, replayed here in either header.
    const callerProof = await signCallerProof(ADMIN, randomUUID(), gatewaySecret);
    await refused(await get({ [CALLER_HEADER]: callerProof }));
    await refused(await get({ [SERVICE_HEADER]: callerProof }));
    // A client's own credentials: an access token from signIn, an API token.
    const signIn = await gqlOk<{ signIn: { accessToken: string } }>(
      identity.url,
      'mutation { signIn(email: "admin@lantoa.vn", password: "LanToa@2026") { accessToken } }',
      {},
      await asCaller({ kind: 'anonymous', id: null, name: null, organizationId: null, roles: [], scopes: [] }),
    );
    await refused(await get({ authorization: `Bearer ${signIn.signIn.accessToken}` }));
    await refused(await get({ [SERVICE_HEADER]: signIn.signIn.accessToken }));
    await refused(await get({ authorization: 'Bearer lt_abcdefghij_0123456789abcdef0123456789abcdef' }));
  });

  it('does not let a service proof in as a caller proof on /graphql', async () => {
    const proof = await signServiceProof(gatewaySecret, { audience: ORGANIZATION_FEED_AUDIENCE, service: 'test' });
    expect((await gql(organizations.url, '{ organizations(first: 1) { totalCount } }', {}, { [CALLER_HEADER]: proof })).status).toBe(401);
  });

  it('answers bad paging arguments with BAD_USER_INPUT', async () => {
    const res = await get(
      { [SERVICE_HEADER]: await signServiceProof(gatewaySecret, { audience: ORGANIZATION_FEED_AUDIENCE, service: 'test' }) },
      'after=-1&limit=99999',
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe("identity's replica", () => {
  it('sees a move in organizations (the whole moved subtree) within the stated lag of 2 s', async () => {
    const tree = await insertTree(db.url, 'lag', [2, 3, 2]);
    const [districtA, districtB] = [tree.ids[1]!, tree.ids[2]!];
    const { rows } = await sql.query('select id, path from organizations.organization where parent_id = $1 order by path limit 1', [districtA]);
    const commune = rows[0].id as string;
    const leaf = (await sql.query('select id from organizations.organization where parent_id = $1 limit 1', [commune])).rows[0].id as string;
    await caughtUp();
    const lags: number[] = [];
    for (let i = 0; i < 20; i++) {
      const to = i % 2 === 0 ? districtB : districtA;
      await orgs('mutation($id: ID!, $to: ID) { moveOrganization(id: $id, parentId: $to) { id } }', { id: commune, to });
      const committed = performance.now();
      const expected = (await sql.query('select path from organizations.organization where id = $1', [leaf])).rows[0].path as string;
      await until('the move in the replica', async () => {
        const r = await sql.query(
          'select r.path = $2 and p.parent_id = $3 as moved from identity.directory_organization r, identity.directory_organization p where r.id = $1 and p.id = $4',
          [leaf, expected, to, commune],
        );
        return r.rows[0]?.moved === true;
      });
      lags.push(performance.now() - committed);
    }
    lags.sort((a, b) => a - b);
    const p50 = lags[Math.floor(lags.length / 2)]!;
    const max = lags.at(-1)!;
    console.log(`directory lag over ${lags.length} moves: p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms`);
    expect(max).toBeLessThan(2000);
  });

  it('catches a subtree move made with raw SQL too (the feed is filled by a trigger)', async () => {
    const tree = await insertTree(db.url, 'raw', [2, 2]);
    const [a, b] = [tree.ids[1]!, tree.ids[2]!];
    const child = (await sql.query('select id, path from organizations.organization where parent_id = $1 limit 1', [a])).rows[0] as {
      id: string;
      path: string;
    };
    const bPath = (await sql.query('select path from organizations.organization where id = $1', [b])).rows[0].path as string;
    await sql.query(
      `update organizations.organization set path = $1 || substr(path, $2), parent_id = case when id = $3 then $4::uuid else parent_id end where path >= $5 and path < $5 || '~'`,
      [`${bPath}${child.id}/`, child.path.length + 1, child.id, b, child.path],
    );
    await caughtUp();
    const { rows } = await sql.query(
      `select count(*)::int as n from organizations.organization o join identity.directory_organization r using (id) where o.path like $1 || '%' and (r.path <> o.path or r.parent_id is distinct from o.parent_id)`,
      [bPath],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('a consumer that was stopped', () => {
  let orm: Orm;
  const schema = 'directory_probe';
  const log = createLogger('directory-probe');

  beforeAll(async () => {
    // A second consuming subgraph of its own (schema, replica, state), so its stop and restart are its own.
    orm = await createOrm({ clientUrl: db.url, schema, entities: [AuditEvent], migrations: [directoryMigration], poolMax: 2 });
    await migrate(orm);
  });
  afterAll(async () => {
    await orm?.close();
  });

  it('applies all ten writes made while it was down, once each, in order', async () => {
    const first = startDirectoryFollower({ orm, feedUrl, gatewaySecret, log, intervalMs: 50 });
    await first.ready;
    await caughtUp(schema);
    await first.stop();
    const before = await replicaSeq(schema);

    const { createOrganization } = await orgs<{ createOrganization: { id: string } }>(
      'mutation { createOrganization(input: { name: "Chi bộ thử nghiệm", type: PARTY_CELL, level: GRASSROOTS }) { id } }',
    );
    const id = createOrganization.id;
    for (let i = 1; i <= 9; i++)
      await orgs('mutation($id: ID!, $n: String!) { updateOrganization(id: $id, input: { name: $n }) { id } }', { id, n: `Chi bộ thử nghiệm ${i}` });
    const head = await feedHead();
    expect(await replicaSeq(schema)).toBe(before);

    const applied: FeedChange[] = [];
    const second = startDirectoryFollower({ orm, feedUrl, gatewaySecret, log, intervalMs: 50, onApplied: (c) => applied.push(...c) });
    await second.ready;
    await caughtUp(schema);
    await second.stop();

    const ours = applied.filter((c) => c.organizationId === id);
    expect(ours).toHaveLength(10);
    expect(ours.map((c) => c.state!.name)).toEqual(['Chi bộ thử nghiệm', ...Array.from({ length: 9 }, (_, i) => `Chi bộ thử nghiệm ${i + 1}`)]);
    const seqs = applied.map((c) => c.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBeGreaterThan(before);
    expect(await replicaSeq(schema)).toBe(head);
    expect((await sql.query(`select name from ${schema}.directory_organization where id = $1`, [id])).rows[0].name).toBe('Chi bộ thử nghiệm 9');
  });

  it('keeps neither the changes nor the seq of a page whose apply failed, and applies it once when retried', async () => {
    // A crash in the middle of applying a page: the replica refuses one name.
    await sql.query(
      `create function ${schema}.refuse_boom() returns trigger language plpgsql as $$ begin if new.name = 'boom' then raise exception 'simulated crash'; end if; return new; end $$`,
    );
    await sql.query(
      `create trigger refuse_boom before insert or update on ${schema}.directory_organization for each row execute function ${schema}.refuse_boom()`,
    );
    const before = await replicaSeq(schema);
    const { createOrganization } = await orgs<{ createOrganization: { id: string } }>(
      'mutation { createOrganization(input: { name: "trước", type: PARTY_CELL, level: GRASSROOTS }) { id } }',
    );
    const id = createOrganization.id;
    await orgs('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "boom" }) { id } }', { id });
    const failing = startDirectoryFollower({
      orm,
      feedUrl,
      gatewaySecret,
      log: createLogger('directory-probe (expected failures)'),
      intervalMs: 20,
      maxBackoffMs: 50,
    });
    await new Promise((r) => setTimeout(r, 400));
    await failing.stop();
    expect(failing.isReady()).toBe(false);
    expect(await replicaSeq(schema)).toBe(before);
    expect((await sql.query(`select count(*)::int as n from ${schema}.directory_organization where id = $1`, [id])).rows[0].n).toBe(0);

    await sql.query(`drop trigger refuse_boom on ${schema}.directory_organization`);
    const applied: FeedChange[] = [];
    const retry = startDirectoryFollower({ orm, feedUrl, gatewaySecret, log, intervalMs: 20, onApplied: (c) => applied.push(...c) });
    await retry.ready;
    await caughtUp(schema);
    await retry.stop();
    expect(applied.filter((c) => c.organizationId === id).map((c) => c.state!.name)).toEqual(['trước', 'boom']);
    expect((await sql.query(`select name from ${schema}.directory_organization where id = $1`, [id])).rows[0].name).toBe('boom');
  });
});

describe('the scope and subtree helpers on the replica', () => {
  let tree: { rootId: string; ids: string[] };

  beforeAll(async () => {
    tree = await insertTree(db.url, 'scope', [20, 25, 20]); // 10,521 organizations
    // Some deleted organizations (callers of a deleted organization are in no subtree) and a moved district.
    await sql.query(`update organizations.organization set deleted_at = now() where id = any($1::uuid[])`, [
      `{${[tree.ids[3], tree.ids[40], tree.ids[700], tree.ids[5000]].join(',')}}`,
    ]);
    await orgs('mutation($id: ID!, $to: ID) { moveOrganization(id: $id, parentId: $to) { id } }', { id: tree.ids[2], to: tree.ids[1] });
    await caughtUp();
  }, 120_000);

  it('gives the same answers as the organizations subgraph’s own inScope on a tree of 10,000+ organizations', async () => {
    const all = tree.ids;
    expect(all.length).toBeGreaterThanOrEqual(10_000);
    const pick = (n: number, seed: number) => Array.from({ length: n }, (_, i) => all[(seed + i * 7919) % all.length]!);
    const callerOrgs: (string | null)[] = [
      tree.rootId,
      tree.ids[1]!,
      tree.ids[2]!,
      tree.ids[3]!,
      tree.ids[40]!,
      tree.ids[700]!,
      tree.ids[5000]!,
      null,
      randomUUID(),
      ...pick(30, 11),
    ];
    const targets = [...pick(400, 3), tree.ids[3]!, tree.ids[700]!, tree.ids[5000]!, randomUUID(), demoId('organization', 'tu-bac-kan')];
    const callers: Caller[] = callerOrgs.map((org, i) => ({
      kind: 'user',
      id: randomUUID(),
      name: null,
      organizationId: org,
      roles: [i === 0 ? Role.ADMIN : Role.EDITOR],
      scopes: [],
    }));
    callers.push({ kind: 'token', id: randomUUID(), name: null, organizationId: tree.ids[1]!, roles: [Role.INTEGRATOR], scopes: [] });
    let compared = 0;
    let inside = 0;
    for (const caller of callers) {
      const ours = { em: organizations.orm.em.fork(), loaders: new Loaders(), caller, requestId: 'test' };
      const replica = new Directory({ em: identity.orm.em.fork(), loaders: new Loaders() });
      const [expected, actual] = await Promise.all([
        Promise.all(targets.map((t) => inScope(ours, t))),
        Promise.all(targets.map((t) => replica.inScope(caller, t))),
      ]);
      expect(actual).toEqual(expected);
      compared += targets.length;
      inside += expected.filter(Boolean).length;
    }
    expect(compared).toBeGreaterThan(15_000);
    expect(inside).toBeGreaterThan(400); // not a comparison of all-false answers
  });

  it('filters and counts a subtree like the organizations subgraph’s own path range, and groups counts by the ancestor at a level', async () => {
    const knex = identity.orm.em.getKnex();
    for (const district of [tree.ids[1]!, tree.ids[5]!, tree.ids[3]!]) {
      const own = await sql.query(
        `select count(*)::int as n from organizations.organization where path >= (select path from organizations.organization where id = $1) and path < (select path || '~' from organizations.organization where id = $1)`,
        [district],
      );
      const qb = knex('directory_organization').count('* as n');
      subtreeCondition(knex, 'id', { organizationId: district, includeDescendants: true })(qb);
      expect(Number((await qb)[0]!.n)).toBe(own.rows[0].n);
      const only = knex('directory_organization').count('* as n');
      subtreeCondition(knex, 'id', { organizationId: district })(only);
      expect(Number((await only)[0]!.n)).toBe(1);
    }
    // Districts 1 and 2: district 2 moved under district 1, so its organizations count under district 1 (the topmost DISTRICT).
    const em = identity.orm.em.fork();
    const counts = await countByAncestorLevel(em, em.getKnex()('directory_organization').where('path', 'like', `/${tree.rootId}/%`), 'id', 'DISTRICT');
    const byDistrict = new Map(counts.map((c) => [c.organizationId, c.count]));
    expect(byDistrict.get(null)).toBe(1); // the province itself
    expect(byDistrict.get(tree.ids[1]!)).toBe(2 * (1 + 25 + 500));
    expect(byDistrict.has(tree.ids[2]!)).toBe(false);
    expect(byDistrict.get(tree.ids[6]!)).toBe(1 + 25 + 500);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(tree.ids.length);
  });
  it('scopeCondition limits a list to the caller’s subtree (admins: all; no or deleted organization: nothing); names come in one statement', async () => {
    const knex = identity.orm.em.getKnex();
    const visible = async (caller: Caller) => {
      const qb = knex('directory_organization').count('* as n').where('path', 'like', `/${tree.rootId}/%`);
      scopeCondition(knex, 'id', caller)(qb);
      return Number((await qb)[0]!.n);
    };
    const editorOf = (organizationId: string | null): Caller => ({
      kind: 'user',
      id: randomUUID(),
      name: null,
      organizationId,
      roles: [Role.EDITOR],
      scopes: [],
    });
    expect(await visible(ADMIN)).toBe(tree.ids.length);
    expect(await visible(editorOf(tree.ids[6]!))).toBe(1 + 25 + 500);
    expect(await visible(editorOf(tree.ids[3]!))).toBe(0); // deleted
    expect(await visible(editorOf(null))).toBe(0);
    const directory = new Directory({ em: identity.orm.em.fork(), loaders: new Loaders() });
    const { statements, result } = await countSql(() => Promise.all(tree.ids.slice(0, 50).map((id) => directory.name(id))));
    expect(statements).toBe(1);
    expect(result.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
  });
});

describe('identity refuses an organizationId it does not know (NOT_FOUND), changing nothing', () => {
  const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id organizationId } }';
  const userInput = (organizationId: string) => ({
    email: `u.${randomBytes(4).toString('hex')}@example.vn`,
    displayName: 'Người thử',
    organizationId,
    roles: ['EDITOR'],
    password: 'một mật khẩu dài',
  });
  const users = async () => (await sql.query('select count(*)::int as n from identity.user_account')).rows[0].n as number;
  const tokens = async () => (await sql.query('select count(*)::int as n from identity.api_token')).rows[0].n as number;
  const notFound = (res: Awaited<ReturnType<typeof ident>>) => {
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.extensions?.fields).toEqual([{ path: 'input.organizationId', message: expect.stringMatching(/does not exist/) }]);
  };

  it('for an unknown id, on createUser, updateUser and createApiToken', async () => {
    const [u0, t0] = [await users(), await tokens()];
    notFound(await ident(CREATE_USER, { input: userInput(randomUUID()) }));
    notFound(
      await ident('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', {
        input: { name: 'Cổng thử', scopes: ['READ'], organizationId: randomUUID() },
      }),
    );
    const editor = demoId('user', 'bientap');
    const before = (await sql.query('select organization_id, version from identity.user_account where id = $1', [editor])).rows[0];
    notFound(await ident('mutation($id: ID!, $o: ID!) { updateUser(id: $id, input: { organizationId: $o }) { id } }', { id: editor, o: randomUUID() }));
    expect((await sql.query('select organization_id, version from identity.user_account where id = $1', [editor])).rows[0]).toEqual(before);
    expect([await users(), await tokens()]).toEqual([u0, t0]);
  });

  it('for a deleted organization, and accepts one created a moment ago', async () => {
    const { createOrganization } = await orgs<{ createOrganization: { id: string } }>(
      'mutation { createOrganization(input: { name: "Chi bộ mới lập", type: PARTY_CELL, level: GRASSROOTS }) { id } }',
    );
    // No wait: a miss in the replica is confirmed against the feed before it is refused.
    const created = await ident(CREATE_USER, { input: userInput(createOrganization.id) });
    expect(created.errors).toBeUndefined();
    await orgs('mutation($id: ID!) { deleteOrganization(id: $id) { id } }', { id: createOrganization.id });
    await caughtUp();
    const u0 = await users();
    notFound(await ident(CREATE_USER, { input: userInput(createOrganization.id) }));
    notFound(
      await ident('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', {
        input: { name: 'Cổng thử', scopes: ['READ'], organizationId: createOrganization.id },
      }),
    );
    expect(await users()).toBe(u0);
  });
});
