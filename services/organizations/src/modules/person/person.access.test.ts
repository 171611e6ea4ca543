import { Role, type Caller } from '@lantoa/kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../testing/harness.js';
import { insertTree } from '../../testing/tree.js';

let t: TestService;
let sql: pg.Client;
let province: string;
let districtA: string;
let districtB: string;

const editorOf = (organizationId: string): Caller => ({
  kind: 'user',
  id: randomUUID(),
  name: 'bientap@test',
  organizationId,
  roles: [Role.EDITOR],
  scopes: [],
});

beforeAll(async () => {
  t = await startTestService('person_access');
  sql = new pg.Client({ connectionString: t.db.url });
  await sql.connect();
  await sql.query('set search_path to organizations');
  [province, districtA, districtB] = (await insertTree(t.db.url, 'Người', [2, 1])).ids as [string, string, string];
});

afterAll(async () => {
  await sql?.end();
  await t?.stop();
});

/** A person (created by `by`, the admin by default) holding a position in `organizationId`. */
async function personIn(organizationId: string | null, opts: { by?: Caller; validTo?: string } = {}): Promise<string> {
  const { createPerson } = await t.gqlOk(
    `mutation { createPerson(input: { familyName: "Hà", middleName: "Thị", givenName: "Lan", phone: "0209 3870 111", email: "lan@example.vn" }) { id } }`,
    {},
    opts.by,
  );
  if (organizationId) {
    await t.gqlOk(`mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
      input: { personId: createPerson.id, organizationId, title: 'Phó Bí thư', validFrom: '2020-01-01', validTo: opts.validTo ?? null },
    });
  }
  return createPerson.id as string;
}

const row = async (id: string) => (await sql.query('select phone, email, deleted_at, version from person where id = $1', [id])).rows[0];

const UPDATE = `mutation($id: ID!) { updatePerson(id: $id, input: { phone: "0999 999 999" }) { id phone } }`;
const DELETE = `mutation($id: ID!) { deletePerson(id: $id) { id } }`;
const RESTORE = `mutation($id: ID!) { restorePerson(id: $id) { id } }`;

describe('who may change a person', () => {
  it('refuses a district editor a person whose positions are all outside the district, changing nothing', async () => {
    const provincial = await personIn(province);
    const before = await row(provincial);
    const editor = editorOf(districtA);
    for (const m of [UPDATE, DELETE]) expect((await t.gql(m, { id: provincial }, editor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Nor can the editor make the person theirs by giving them a position in the district.
    const claim = await t.gql(
      `mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`,
      { input: { personId: provincial, organizationId: districtA, title: 'Ủy viên' } },
      editor,
    );
    expect(claim.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sql.query('select count(*)::int as n from position where person_id = $1', [provincial])).rows[0].n).toBe(1);
    expect(await row(provincial)).toEqual(before);
    // A deleted provincial person cannot be restored by them either.
    await t.gqlOk(DELETE, { id: provincial });
    expect((await t.gql(RESTORE, { id: provincial }, editor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await row(provincial)).toMatchObject({ phone: before.phone, email: before.email });
    expect((await row(provincial)).deleted_at).not.toBeNull();
  });

  it('lets editors of the district, or above it, change a person who holds or held a position there', async () => {
    const local = await personIn(districtA);
    const former = await personIn(districtA, { validTo: '2023-12-31' });
    for (const [id, editor] of [
      [local, editorOf(districtA)],
      [former, editorOf(districtA)],
      [local, editorOf(province)],
    ] as const) {
      const res = await t.gql(UPDATE, { id }, editor);
      expect(res.errors).toBeUndefined();
      expect((res.data as { updatePerson: { phone: string } }).updatePerson.phone).toBe('0999 999 999');
    }
    expect((await t.gql(UPDATE, { id: local }, editorOf(districtB))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id: local }, editorOf(districtA))).errors).toBeUndefined();
    expect((await t.gql(RESTORE, { id: local }, editorOf(districtA))).errors).toBeUndefined();
  });

  it('leaves a person without positions to the admins and its creator, who may give it a first position', async () => {
    const creator = editorOf(districtA);
    const orphan = await personIn(null, { by: creator });
    expect((await t.gql(UPDATE, { id: orphan }, editorOf(districtA))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(UPDATE, { id: orphan }, creator)).errors).toBeUndefined();
    expect((await t.gql(UPDATE, { id: orphan })).errors).toBeUndefined();
    const first = await t.gql(
      `mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`,
      { input: { personId: orphan, organizationId: districtB, title: 'Bí thư' } },
      editorOf(districtB),
    );
    expect(first.errors).toBeUndefined();
    // The position makes the person district B's.
    expect((await t.gql(UPDATE, { id: orphan }, editorOf(districtB))).errors).toBeUndefined();
    expect((await t.gql(UPDATE, { id: orphan }, creator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a deleted person', () => {
  it('no longer appears under an organization’s positions, and comes back when restored', async () => {
    const id = await personIn(districtB);
    const holders = async () =>
      (
        (await t.gqlOk(`query($id: ID!) { organization(id: $id) { positions { person { id } } } }`, { id: districtB })).organization.positions as {
          person: { id: string };
        }[]
      ).map((p) => p.person.id);
    expect(await holders()).toContain(id);
    await t.gqlOk(DELETE, { id });
    expect(await holders()).not.toContain(id);
    await t.gqlOk(RESTORE, { id });
    expect(await holders()).toContain(id);
  });
});
