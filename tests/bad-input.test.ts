/**
 * Issue #7 §1 and §3: bad input never becomes an internal error.
 *
 * Every query and mutation of the composed supergraph (tests/access/operations.ts
 * reads them from the schema: a new operation is covered without an edit
 * here), and every list nested in what a query returns (children, history,
 * positions…), gets a table of bad values — one leaf of its arguments at a
 * time, as a variable and, for the values that parse differently, as a
 * literal — through the gateway, as an admin (so access rules never hide a
 * failure). Any HTTP 5xx or INTERNAL_SERVER_ERROR fails the test, and so does
 * a class of value that must be BAD_USER_INPUT and is not (NUL bytes, lone
 * surrogates, bad dates, forged cursors). All failures are listed at once.
 *
 * Then, for every update mutation: blank required text is refused like the
 * create refuses it, and the record's version does not move; and the
 * GraphQL protocol errors answer HTTP 400 with a specific code.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supergraphOperations, type SchemaOperation } from './access/operations.js';
import { startStack, type Stack } from './support/stack.js';

const ADMIN = 'admin@lantoa.vn';
const CONCURRENCY = 6;

// ---------- the table of bad values, by the leaf's type ----------

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const A_UUID = 'c30ffa47-2aa2-5453-b4c5-deba4054af41';

interface BadValue {
  label: string;
  value: unknown;
  /** This class of value must be refused with BAD_USER_INPUT wherever it is sent. */
  mustRefuse?: boolean;
  /** Also sent as a literal (the gateway parses literals and variables differently). */
  literal?: boolean;
}

// One value per class of bad input (each class is one way to reach PostgreSQL with what it cannot take).
const STRING: BadValue[] = [
  { label: 'NUL', value: 'Bắc\u0000Kạn', mustRefuse: true },
  // JSON.stringify sends these as "\ud800" / "\udfff" escapes, which JSON.parse turns back into lone surrogates
  // (half a character that UTF-8 cannot encode), secrets included. A literal would be the parser's GRAPHQL_PARSE_FAILED.
  { label: 'lone surrogates', value: 'Bắc\ud800Kạn\udfff', mustRefuse: true },
  { label: 'control and bidi override characters', value: 'Bắc\u0007Kạn\u202E' },
  { label: 'over-long text', value: 'x'.repeat(5_000) },
  // Blank and zero-width-only text: the update section below and the kit's unit tests.
  { label: 'blank', value: '   ' },
];
const ID: BadValue[] = [
  { label: 'not a uuid', value: "'; drop table person; --" },
  { label: 'NUL id', value: `${A_UUID}\u0000`, mustRefuse: true },
];
const DATE: BadValue[] = [
  { label: 'Feb 30', value: '2024-02-30', mustRefuse: true, literal: true },
  { label: 'month 13', value: '2024-13-01', mustRefuse: true },
  { label: 'year 0', value: '0000-01-01', mustRefuse: true, literal: true },
];
const DATE_TIME: BadValue[] = [
  { label: 'Feb 30 at noon', value: '2024-02-30T12:00:00Z', mustRefuse: true, literal: true },
  { label: 'words', value: 'yesterday', mustRefuse: true },
];
const INT: BadValue[] = [
  { label: 'negative', value: -1 },
  { label: 'huge', value: 2_147_483_647 },
];
const ENUM: BadValue[] = [{ label: 'unknown enum value', value: 'NOT_A_VALUE', literal: true }];
const CURSOR: BadValue[] = [
  { label: 'forged cursor', value: b64(['x', 'y']), mustRefuse: true },
  { label: 'cursor with a bad uuid', value: b64(['Tỉnh ủy', '2026-01-01T00:00:00.000Z', 'not-a-uuid']), mustRefuse: true },
  { label: 'truncated cursor', value: b64(['Tỉnh ủy Bắc Kạn', '2026-01-01T00:00:00.000Z', A_UUID]).slice(0, 24), mustRefuse: true },
];
const PAGING = new Set(['first', 'after', 'offset']);
const EMPTY_LIST: BadValue = { label: 'empty list', value: [] };
const LONG_LIST: BadValue = { label: '2000 ids', value: Array.from({ length: 2000 }, () => randomUUID()) };

function badValuesFor(leafName: string, type: GraphQLInputType): BadValue[] {
  const named = getNamedType(type);
  if (leafName === 'after') return CURSOR;
  if (isEnumType(named)) return ENUM;
  switch (named.name) {
    case 'String':
      return STRING;
    case 'ID':
      return ID;
    case 'Date':
      return DATE;
    case 'DateTime':
      return DATE_TIME;
    case 'Int':
      return INT;
    default:
      return [];
  }
}

// ---------- valid-looking arguments, and every leaf in them ----------

const SAMPLE_SCALARS: Record<string, () => unknown> = {
  String: () => 'Kiểm tra đầu vào',
  ID: () => randomUUID(),
  Int: () => 1,
  Float: () => 1,
  Boolean: () => true,
  Date: () => '2024-01-01',
  DateTime: () => new Date(Date.now() + 86_400_000).toISOString(),
  JSON: () => ({}),
};

/** A value of the type with every required field filled in (optional ones left out). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type)]));
  }
  const make = SAMPLE_SCALARS[type.name];
  if (!make) throw new Error(`No sample for scalar ${type.name}: add one above.`);
  return make();
}

interface Leaf {
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Every place a bad value can go: each scalar or enum leaf, and each list (as a whole). */
function leaves(type: GraphQLInputType, path: (string | number)[], depth = 0): Leaf[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [{ path, type: inner }, ...leaves(inner.ofType, [...path, 0], depth)];
  if (isInputObjectType(inner)) {
    if (depth > 3) return [];
    return Object.values(inner.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], depth + 1));
  }
  return [{ path, type: inner }];
}

/** The type at a path into the arguments. */
function typeAt(args: readonly GraphQLArgument[], path: (string | number)[]): GraphQLInputType {
  let type: GraphQLInputType = args.find((a) => a.name === path[0])!.type;
  for (const key of path.slice(1)) {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) type = inner.ofType;
    else if (isInputObjectType(inner)) type = inner.getFields()[key]!.type;
  }
  return type;
}

/** The arguments with one value replaced; an optional object or list on the way is filled in with its required fields. */
function setAt(args: readonly GraphQLArgument[], root: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      node[key] ??= sample(typeAt(args, path.slice(0, i + 1)));
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return copy;
}

/** A JS value as a GraphQL literal of the given type (enum values bare). */
function literal(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(inner) ? inner.ofType : inner)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? inner)}`)
      .join(', ')} }`;
  }
  if (isEnumType(inner) && typeof value === 'string' && /^[A-Za-z_]\w*$/.test(value)) return value;
  return JSON.stringify(value);
}

// ---------- the requests ----------

interface Probe {
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  mustRefuse: boolean;
  /** For a list nested in a query's nodes: that query (with no nodes the nested field never runs). */
  nestedIn?: string;
}

const emptyList = (a: Answer, query: string) => ((a.body.data as Record<string, { nodes?: unknown[] }> | null | undefined)?.[query]?.nodes?.length ?? 0) === 0;

/** `{ __typename }` for object results, nothing for scalars. */
const selection = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) ? ' { __typename }' : '');

function probesFor(
  keyword: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  wrap: (call: string) => string = (call) => call,
  prefix = `${keyword} ${field.name}`,
  only: (arg: GraphQLArgument) => boolean = () => true,
): Probe[] {
  const args = field.args;
  const baseline = Object.fromEntries(args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => [a.name, sample(a.type)]));
  const varDefs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = (argText: string) => `${field.name}(${argText})${selection(field)}`;
  const asVariables = call(args.map((a) => `${a.name}: $${a.name}`).join(', '));
  const probes: Probe[] = [];
  for (const arg of args.filter(only)) {
    for (const leaf of leaves(arg.type, [arg.name])) {
      const leafName = String([...leaf.path].reverse().find((k) => typeof k === 'string'));
      const values = isListType(leaf.type) ? [EMPTY_LIST, ...(getNamedType(leaf.type).name === 'ID' ? [LONG_LIST] : [])] : badValuesFor(leafName, leaf.type);
      for (const bad of values) {
        const variables = setAt(args, baseline, leaf.path, bad.value);
        const at = leaf.path.join('.');
        probes.push({
          label: `${prefix} ${at} = ${bad.label} (variable)`,
          query: `${keyword}(${varDefs}) { ${wrap(asVariables)} }`,
          variables,
          mustRefuse: !!bad.mustRefuse,
        });
        if (bad.literal) {
          const argText = args
            .filter((a) => variables[a.name] !== undefined)
            .map((a) => `${a.name}: ${literal(variables[a.name], a.type)}`)
            .join(', ');
          probes.push({ label: `${prefix} ${at} = ${bad.label} (literal)`, query: `${keyword} { ${wrap(call(argText))} }`, mustRefuse: !!bad.mustRefuse });
        }
      }
    }
  }
  return probes;
}

/** Lists inside what a query returns (Organization.children, Person.history…), reached through the query's first page. */
function nestedProbes(schema: GraphQLSchema, query: GraphQLField<unknown, unknown>): Probe[] {
  if (query.args.some((a: GraphQLArgument) => isNonNullType(a.type))) return [];
  const result = getNamedType(query.type);
  if (!isObjectType(result)) return [];
  const nodes = result.getFields().nodes;
  const node = nodes ? getNamedType(nodes.type) : null;
  if (!node || !isObjectType(node)) return [];
  const first = query.args.some((a) => a.name === 'first') ? '(first: 3)' : '';
  // Lists only: fields returning a connection or a list, with arguments (paging, filters).
  const isList = (f: GraphQLField<unknown, unknown>) =>
    isListType(isNonNullType(f.type) ? f.type.ofType : f.type) || getNamedType(f.type).name.endsWith('Connection');
  return (
    Object.values(node.getFields())
      .filter((f) => f.args.length > 0 && isList(f))
      // Their filters are input types the top-level lists are probed with; what is theirs is paging.
      .flatMap((f) =>
        probesFor(
          'query',
          f,
          (call) => `${query.name}${first} { nodes { ${call} } }`,
          `query ${query.name}.nodes.${f.name}`,
          (a) => PAGING.has(a.name),
        ),
      )
      .map((p) => ({ ...p, nestedIn: query.name }))
  );
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; fields?: { path: string }[] } }[] };
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Answer['body'] };
  } catch {
    return { status: res.status, body: { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] } };
  }
}

async function inParallel<T>(items: T[], n: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const codesOf = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code ?? 'no code');

// ---------- the tests ----------

let stack: Stack;
let admin: Record<string, string>;
let schema: GraphQLSchema;
let operations: SchemaOperation[];

beforeAll(async () => {
  const sdl = await readFile(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
  schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
  operations = supergraphOperations(sdl);
  stack = await startStack('bad_input');
  admin = await stack.as(ADMIN);
});

afterAll(async () => {
  await stack?.stop();
});

describe('bad input through the gateway, derived from the schema', () => {
  it('never answers 5xx or INTERNAL_SERVER_ERROR, and refuses NUL, lone surrogates, bad dates and forged cursors with BAD_USER_INPUT', async () => {
    const root = { query: schema.getQueryType()!, mutation: schema.getMutationType()! };
    const probes: Probe[] = [];
    const uncovered: string[] = [];
    for (const op of operations) {
      const field = root[op.type].getFields()[op.name]!;
      // Without arguments there is nothing to make bad (and signOutEverywhere would end the admin's session).
      if (field.args.length === 0) continue;
      const own = probesFor(op.type, field);
      if (own.length === 0) uncovered.push(`${op.type} ${op.name}`);
      probes.push(...own);
      if (op.type === 'query') probes.push(...nestedProbes(schema, field));
    }
    expect(uncovered, 'operations with arguments but no bad value to send: extend the table').toEqual([]);

    const failures: string[] = [];
    const started = Date.now();
    await inParallel(probes, CONCURRENCY, async (p) => {
      const answer = await post(stack.gateway.url, { query: p.query, variables: p.variables }, admin);
      const codes = codesOf(answer);
      if (answer.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
        failures.push(`${p.label}: HTTP ${answer.status} ${codes.join(',')} ${answer.body.errors?.[0]?.message ?? ''}`);
      else if (p.mustRefuse && !codes.includes('BAD_USER_INPUT') && !(p.nestedIn && emptyList(answer, p.nestedIn))) {
        failures.push(
          `${p.label}: expected BAD_USER_INPUT, got HTTP ${answer.status} ${codes.join(',') || 'no error'} ${answer.body.errors?.[0]?.message ?? ''}`,
        );
      }
    });
    const counts = new Map<string, number>();
    for (const p of probes) counts.set(p.label.split(' ')[1]!, (counts.get(p.label.split(' ')[1]!) ?? 0) + 1);
    const perOperation = [...counts].sort((a, b) => b[1] - a[1]).map(([op, n]) => `${op} ${n}`);
    console.log(`bad-input: ${probes.length} requests over ${operations.length} operations in ${Date.now() - started} ms (${perOperation.join(', ')})`);
    // The admin's session survived the table (a probe that ended it would hide every later failure as UNAUTHENTICATED).
    expect((await post(stack.gateway.url, { query: '{ me { email } }' }, admin)).body.data).toEqual({ me: { email: ADMIN } });
    expect(failures).toEqual([]);
  }, 90_000);

  it('names the field of a bad Date, as a variable and as a literal', async () => {
    const variable = await post(
      stack.gateway.url,
      { query: 'query($d: Date) { organizations(filter: { activeOn: $d }) { totalCount } }', variables: { d: '2024-02-30' } },
      admin,
    );
    expect(variable.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: '$d' }] });
    const nested = await post(
      stack.gateway.url,
      {
        query: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        variables: { input: { name: 'X', type: 'PARTY_COMMITTEE', level: 'PROVINCE', validFrom: '2024-13-01' } },
      },
      admin,
    );
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: '$input.validFrom' }] });
    const lit = await post(stack.gateway.url, { query: '{ organizations(filter: { activeOn: "0000-01-01" }) { totalCount } }' }, admin);
    expect(lit.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'filter.activeOn' }] });
    const listed = await post(
      stack.gateway.url,
      { query: 'mutation { recordSuccession(input: { fromIds: ["x"], kind: DISSOLVE, effectiveOn: "2024-02-30" }) { id } }' },
      admin,
    );
    expect(listed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.effectiveOn' }] });
    const defaulted = await post(
      stack.gateway.url,
      { query: 'query($d: Date = "2024-02-30") { organizations(filter: { activeOn: $d }) { totalCount } }' },
      admin,
    );
    expect(defaulted.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: '$d' }] });
  });

  it('says "This cursor is not valid for this list" for a forged cursor', async () => {
    const res = await post(stack.gateway.url, { query: 'query($a: String) { users(after: $a) { totalCount } }', variables: { a: b64(['x', 'y']) } }, admin);
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'This cursor is not valid for this list.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] },
    });
  });
});

// ---------- §3: updates refuse what creates refuse ----------

interface Target {
  mutation: string;
  inputType: string;
  requiredText: string[];
  /** Reads [id, version] pairs of existing records. */
  read: string;
  pick: (data: unknown) => { id: string; version: number }[];
}

/** Each update mutation, its create's required text fields, and a query that finds records to update. */
function updateTargets(): Target[] {
  const mutations = schema.getMutationType()!.getFields();
  const queries = Object.values(schema.getQueryType()!.getFields()).filter((q) => !q.args.some((a) => isNonNullType(a.type)));
  const connectionOf = (typeName: string) => queries.find((q) => getNamedType(q.type).name === `${typeName}Connection`);
  const targets: Target[] = [];
  for (const m of Object.values(mutations).filter((f) => f.name.startsWith('update'))) {
    const typeName = getNamedType(m.type).name;
    const input = m.args.find((a) => a.name === 'input');
    const create = mutations[`create${typeName}`]?.args.find((a) => a.name === 'input');
    if (!input || !create || !isInputObjectType(getNamedType(input.type)) || !isInputObjectType(getNamedType(create.type))) continue;
    const updatable = getNamedType(input.type) as ReturnType<typeof getNamedType> & { getFields(): Record<string, unknown> };
    const requiredText = Object.values(
      (getNamedType(create.type) as never as { getFields(): Record<string, { name: string; type: GraphQLInputType }> }).getFields(),
    )
      .filter((f) => isNonNullType(f.type) && isScalarType(f.type.ofType) && f.type.ofType.name === 'String' && f.name in updatable.getFields())
      .map((f) => f.name);
    const direct = connectionOf(typeName);
    if (direct) {
      targets.push({
        mutation: m.name,
        inputType: String(input.type),
        requiredText,
        read: `{ ${direct.name}(first: 5) { nodes { id version } } }`,
        pick: (d) => (d as Record<string, { nodes: { id: string; version: number }[] }>)[direct.name]!.nodes,
      });
      continue;
    }
    // Reached through another list: Person.positions.
    for (const q of queries) {
      const node = getNamedType(
        (getNamedType(q.type) as never as { getFields?(): Record<string, { type: GraphQLInputType }> }).getFields?.().nodes?.type ?? q.type,
      );
      const via = isObjectType(node)
        ? Object.values(node.getFields()).find((f) => getNamedType(f.type).name === typeName && !f.args.some((x) => isNonNullType(x.type)))
        : undefined;
      if (!via) continue;
      targets.push({
        mutation: m.name,
        inputType: String(input.type),
        requiredText,
        read: `{ ${q.name}(first: 50) { nodes { ${via.name} { id version } } } }`,
        pick: (d) => (d as Record<string, { nodes: Record<string, { id: string; version: number }[]>[] }>)[q.name]!.nodes.flatMap((n) => n[via.name]!),
      });
      break;
    }
  }
  return targets;
}

describe('updates apply the create’s rules', () => {
  it('refuse empty, blank and invisible-only required text on every update mutation, and change nothing', async () => {
    const targets = updateTargets();
    expect(targets.map((t) => t.mutation).sort()).toEqual(expect.arrayContaining(['updateOrganization', 'updatePerson', 'updatePosition', 'updateUser']));
    console.log(`updates: ${targets.map((t) => `${t.mutation}(${t.requiredText.join(', ')})`).join(', ')}`);
    expect(targets.flatMap((t) => t.requiredText).length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for (const t of targets) {
      const before = t.pick((await post(stack.gateway.url, { query: t.read }, admin)).body.data);
      expect(before.length, `no record to update for ${t.mutation}`).toBeGreaterThan(0);
      const record = before[0]!;
      for (const field of t.requiredText) {
        for (const blank of ['', '   ', '\u200B\u200B']) {
          const res = await post(
            stack.gateway.url,
            {
              query: `mutation($id: ID!, $input: ${t.inputType}) { ${t.mutation}(id: $id, input: $input) { id version } }`,
              variables: { id: record.id, input: { [field]: blank } },
            },
            admin,
          );
          const err = res.body.errors?.[0];
          if (err?.extensions?.code !== 'BAD_USER_INPUT' || !err.extensions.fields?.some((f) => f.path === `input.${field}`)) {
            failures.push(`${t.mutation} ${field}=${JSON.stringify(blank)}: ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
      }
      const after = t.pick((await post(stack.gateway.url, { query: t.read }, admin)).body.data).find((r) => r.id === record.id);
      if (after?.version !== record.version) failures.push(`${t.mutation}: version moved from ${record.version} to ${after?.version}`);
    }
    expect(failures).toEqual([]);
  });
});

// ---------- protocol errors ----------

describe('GraphQL protocol errors are the client’s: HTTP 400 with a specific code', () => {
  it.each([
    ['several operations, no operationName', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['an unknown operationName', { query: 'query A { __typename }', operationName: 'C' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['a subscription', { query: 'subscription { organizations { totalCount } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a persisted-query hash that does not match',
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') } } },
      'BAD_REQUEST',
    ],
    ['a syntax error', { query: '{ organizations(' }, 'GRAPHQL_PARSE_FAILED'],
    ['no query at all', { variables: {} }, 'BAD_REQUEST'],
  ])('%s', async (_what, body, code) => {
    const res = await post(stack.gateway.url, body, admin);
    expect(res.status).toBe(400);
    expect(codesOf(res)).toEqual([code]);
  });
});
