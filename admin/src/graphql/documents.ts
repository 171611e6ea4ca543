import { PAGE_LIMIT, registry, type ResourceDef } from './registry';

/**
 * The GraphQL documents of the data provider, built from the registry. Kept
 * apart from the provider so the schema test can build every one of them.
 */
export function def(resource: string): ResourceDef {
  const d = registry[resource];
  if (!d) throw new Error(`Unknown resource ${resource}`);
  return d;
}

export function listDocument(resource: string, fields?: string): string {
  const d = def(resource);
  const vars = ['$first: Int', '$offset: Int', '$after: String', `$filter: ${d.filterType}`, ...(d.orderType ? [`$orderBy: [${d.orderType}!]`] : [])];
  const args = ['first: $first', 'offset: $offset', 'after: $after', 'filter: $filter', ...(d.orderType ? ['orderBy: $orderBy'] : [])];
  return `query List(${vars.join(', ')}) { page: ${d.many}(${args.join(', ')}) { totalCount pageInfo { hasNextPage endCursor } nodes { ${fields ?? d.listFields} } } }`;
}

export function oneDocument(resource: string): string {
  const d = def(resource);
  return `query One($id: ID!) { record: ${d.one}(id: $id) { ${d.oneFields ?? d.listFields} } }`;
}

export function throughDocument(resource: string, target: string): string {
  const d = def(resource);
  const t = d.through![target]!;
  return `query Through($id: ID!) { parent: ${t.one}(id: $id) { id ${t.field} { ${d.listFields} } } }`;
}

export function historyDocument(resource: string, fields: string): string {
  const d = def(resource);
  return `query History($id: ID!, $first: Int, $offset: Int) { record: ${d.one}(id: $id) { id history(first: $first, offset: $offset) { totalCount nodes { ${fields} } } } }`;
}

export function createDocument(resource: string): string {
  const d = def(resource);
  const c = d.create!;
  return `mutation Create($input: ${c.inputType}!) { record: ${c.mutation}(input: $input) { ${c.returns ? returnsFields(d) : (d.oneFields ?? d.listFields)} } }`;
}

// createApiToken answers { token apiToken { … } }.
const returnsFields = (d: ResourceDef) => `token apiToken { ${d.listFields} }`;

export function updateDocument(resource: string): string {
  const d = def(resource);
  const u = d.update!;
  return `mutation Update($id: ID!, $input: ${u.inputType}!, $expectedVersion: Int) { record: ${u.mutation}(id: $id, input: $input, expectedVersion: $expectedVersion) { ${d.oneFields ?? d.listFields} } }`;
}

/** One document for many records: `r0: updateX(id: $id0, input: $input) { id } r1: …`. */
export function updateManyDocument(resource: string, count: number): string {
  const d = def(resource);
  const u = d.update!;
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const body = Array.from({ length: count }, (_, i) => `r${i}: ${u.mutation}(id: $id${i}, input: $input) { id version }`).join(' ');
  return `mutation UpdateMany(${vars}, $input: ${u.inputType}!) { ${body} }`;
}

export function deleteDocument(resource: string, restore = false): string {
  const d = def(resource);
  const m = restore ? d.delete!.restore! : d.delete!.mutation;
  return `mutation ${restore ? 'Restore' : 'Delete'}($id: ID!) { record: ${m}(id: $id) { ${d.listFields} } }`;
}

export function deleteManyDocument(resource: string, count: number): string {
  const d = def(resource);
  const vars = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const body = Array.from({ length: count }, (_, i) => `r${i}: ${d.delete!.mutation}(id: $id${i}) { id }`).join(' ');
  return `mutation DeleteMany(${vars}) { ${body} }`;
}

export const MOVE_DOCUMENT = `mutation Move($id: ID!, $parentId: ID, $expectedVersion: Int) { record: moveOrganization(id: $id, parentId: $parentId, expectedVersion: $expectedVersion) { ${registry.organizations!.oneFields} } }`;

export const RECORD_SUCCESSION_DOCUMENT = `mutation RecordSuccession($input: RecordSuccessionInput!) { successions: recordSuccession(input: $input) { id kind effectiveOn fromId toId } }`;

export const SIGN_IN_DOCUMENT = `mutation SignIn($email: String!, $password: String!) { session: signIn(email: $email, password: $password) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email displayName roles organizationId } } }`;
export const REFRESH_DOCUMENT = `mutation Refresh($refreshToken: String!) { session: refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email displayName roles organizationId } } }`;
export const SIGN_OUT_DOCUMENT = `mutation SignOut($refreshToken: String!) { signOut(refreshToken: $refreshToken) }`;
export const SIGN_OUT_EVERYWHERE_DOCUMENT = `mutation SignOutEverywhere { signOutEverywhere }`;

/** Dashboard: counts by level and by type as one aliased query (totalCount only, no rows). */
export function countsDocument(field: 'level' | 'type', values: readonly string[]): string {
  const vars = values.map((_, i) => `$v${i}: Organization${field === 'level' ? 'Level' : 'Type'}`).join(', ');
  const body = values.map((_, i) => `c${i}: organizations(first: 0, filter: { ${field}: $v${i} }) { totalCount }`).join(' ');
  return `query Counts(${vars}) { ${body} }`;
}

/** Every document the provider can send, for the schema test. */
export function allDocuments(): Record<string, string> {
  const out: Record<string, string> = {
    move: MOVE_DOCUMENT,
    recordSuccession: RECORD_SUCCESSION_DOCUMENT,
    signIn: SIGN_IN_DOCUMENT,
    refresh: REFRESH_DOCUMENT,
    signOut: SIGN_OUT_DOCUMENT,
    signOutEverywhere: SIGN_OUT_EVERYWHERE_DOCUMENT,
    countsByLevel: countsDocument('level', ['CENTRAL', 'PROVINCE']),
    countsByType: countsDocument('type', ['PARTY_COMMITTEE']),
  };
  for (const [name, d] of Object.entries(registry)) {
    if (d.many) out[`${name}.list`] = listDocument(name);
    if (d.exportFields) out[`${name}.export`] = listDocument(name, d.exportFields);
    if (d.one) out[`${name}.one`] = oneDocument(name);
    if (d.one && d.type !== 'AuditEvent' && !d.noHistory) out[`${name}.history`] = historyDocument(name, registry.auditEvents!.listFields);
    for (const target of Object.keys(d.through ?? {})) out[`${name}.through.${target}`] = throughDocument(name, target);
    if (d.create) out[`${name}.create`] = createDocument(name);
    if (d.update) {
      out[`${name}.update`] = updateDocument(name);
      out[`${name}.updateMany`] = updateManyDocument(name, 2);
    }
    if (d.delete) {
      out[`${name}.delete`] = deleteDocument(name);
      out[`${name}.deleteMany`] = deleteManyDocument(name, 2);
      if (d.delete.restore) out[`${name}.restore`] = deleteDocument(name, true);
    }
  }
  return out;
}

export { PAGE_LIMIT };
