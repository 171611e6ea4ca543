/**
 * What the data provider knows about each resource of the API: query and
 * mutation names, the fields it reads, the sort fields, the filters and the
 * fields a form may send. Every document built from this registry is checked
 * against the API schema by admin/tests/registry.test.ts.
 */
import { directivesRegistry } from './registry-directives';
import { exemplarsRegistry } from './registry-exemplars';
import { mediaRegistry } from './registry-media';

export interface ResourceDef {
  /** GraphQL type name (for documents and history lookups). */
  type: string;
  /** Query returning one record, or none for resources read only through a parent. */
  one?: string;
  /** Query returning a connection. */
  many?: string;
  filterType?: string;
  orderType?: string;
  /** Selection set of list rows. */
  listFields: string;
  /** Selection set of CSV exports, when lighter than the list's (no per-row counts). */
  exportFields?: string;
  /** Selection set of one record (show and edit pages). */
  oneFields?: string;
  /** react-admin sort field → the API's order enum. Other fields fall back to the server's default order. */
  sort: Record<string, string>;
  /** Filter keys the API accepts; others are dropped (react-admin adds its own sometimes). */
  filters: string[];
  create?: { mutation: string; inputType: string; fields: string[]; returns?: string };
  update?: { mutation: string; inputType: string; fields: string[] };
  delete?: { mutation: string; restore?: string };
  /** For resources without a list query: read through a parent record's field. */
  through?: Record<string, { one: string; field: string }>;
  /** Its one-record query has no `history` field (not audited). */
  noHistory?: boolean;
}

const RECORD = 'id createdAt updatedAt version deletedAt';
const ORG_BRIEF = 'id name shortName level type';
const ORG_FIELDS = `${RECORD} name shortName docAbbr type level parentId validFrom validTo depth descendantCount isActive parent { ${ORG_BRIEF} }`;
const SUCCESSION = `${RECORD} fromId toId kind effectiveOn basis note from { ${ORG_BRIEF} } to { ${ORG_BRIEF} }`;
const POSITION = `${RECORD} personId organizationId title validFrom validTo`;
const PERSON = `${RECORD} familyName middleName givenName fullName phone email address`;
const AUDIT = 'id occurredAt actorKind actorId actorName requestId entityType entityId action organizationId changes { field before after }';

export const registry: Record<string, ResourceDef> = {
  organizations: {
    type: 'Organization',
    one: 'organization',
    many: 'organizations',
    filterType: 'OrganizationFilter',
    orderType: 'OrganizationOrder',
    listFields: ORG_FIELDS,
    exportFields: `${RECORD} name shortName docAbbr type level parentId validFrom validTo parent { id name }`,
    oneFields: `${ORG_FIELDS} ancestors { ${ORG_BRIEF} } predecessors { ${SUCCESSION} } successors { ${SUCCESSION} }`,
    sort: { name: 'NAME', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    filters: ['ids', 'q', 'type', 'level', 'parentId', 'includeDescendants', 'rootsOnly', 'activeOn', 'deleted'],
    create: {
      mutation: 'createOrganization',
      inputType: 'CreateOrganizationInput',
      fields: ['name', 'shortName', 'docAbbr', 'type', 'level', 'parentId', 'validFrom', 'validTo'],
    },
    // parentId moves the subtree: the move dialog does it (moveOrganization), never a plain edit.
    update: {
      mutation: 'updateOrganization',
      inputType: 'UpdateOrganizationInput',
      fields: ['name', 'shortName', 'docAbbr', 'type', 'level', 'validFrom', 'validTo'],
    },
    delete: { mutation: 'deleteOrganization', restore: 'restoreOrganization' },
  },
  people: {
    type: 'Person',
    one: 'person',
    many: 'people',
    filterType: 'PersonFilter',
    orderType: 'PersonOrder',
    listFields: PERSON,
    oneFields: `${PERSON} positions { ${POSITION} organization { ${ORG_BRIEF} } }`,
    sort: { fullName: 'NAME', name: 'NAME', createdAt: 'CREATED_AT' },
    filters: ['ids', 'q', 'organizationId', 'activeOn', 'deleted'],
    create: {
      mutation: 'createPerson',
      inputType: 'CreatePersonInput',
      fields: ['familyName', 'middleName', 'givenName', 'fullName', 'phone', 'email', 'address'],
    },
    update: {
      mutation: 'updatePerson',
      inputType: 'UpdatePersonInput',
      fields: ['familyName', 'middleName', 'givenName', 'fullName', 'phone', 'email', 'address'],
    },
    delete: { mutation: 'deletePerson', restore: 'restorePerson' },
  },
  positions: {
    type: 'Position',
    listFields: `${POSITION} person { id fullName } organization { ${ORG_BRIEF} }`,
    sort: {},
    filters: [],
    through: { personId: { one: 'person', field: 'positions' }, organizationId: { one: 'organization', field: 'positions' } },
    create: { mutation: 'createPosition', inputType: 'CreatePositionInput', fields: ['personId', 'organizationId', 'title', 'validFrom', 'validTo'] },
    update: { mutation: 'updatePosition', inputType: 'UpdatePositionInput', fields: ['title', 'validFrom', 'validTo'] },
    delete: { mutation: 'deletePosition', restore: 'restorePosition' },
  },
  users: {
    type: 'User',
    one: 'user',
    many: 'users',
    filterType: 'UserFilter',
    orderType: 'UserOrder',
    listFields: `${RECORD} email displayName organizationId roles active lastSignInAt lockedUntil organization { ${ORG_BRIEF} }`,
    sort: { email: 'EMAIL', displayName: 'DISPLAY_NAME', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    filters: ['ids', 'q', 'organizationId', 'role', 'active', 'deleted'],
    create: { mutation: 'createUser', inputType: 'CreateUserInput', fields: ['email', 'displayName', 'organizationId', 'roles', 'password'] },
    update: { mutation: 'updateUser', inputType: 'UpdateUserInput', fields: ['displayName', 'organizationId', 'roles', 'active'] },
    delete: { mutation: 'deleteUser', restore: 'restoreUser' },
  },
  apiTokens: {
    type: 'ApiToken',
    one: 'apiToken',
    many: 'apiTokens',
    filterType: 'ApiTokenFilter',
    orderType: 'ApiTokenOrder',
    listFields: `${RECORD} name prefix scopes organizationId createdById expiresAt revokedAt lastUsedAt active organization { ${ORG_BRIEF} } createdBy { id displayName }`,
    sort: { name: 'NAME', createdAt: 'CREATED_AT', expiresAt: 'EXPIRES_AT' },
    filters: ['ids', 'q', 'organizationId', 'createdById', 'active'],
    // The answer holds the secret once: the token screen shows it and never again.
    create: {
      mutation: 'createApiToken',
      inputType: 'CreateApiTokenInput',
      fields: ['name', 'scopes', 'organizationId', 'expiresAt'],
      returns: 'token apiToken',
    },
    delete: { mutation: 'revokeApiToken' },
  },
  auditEvents: {
    type: 'AuditEvent',
    many: 'auditEvents',
    filterType: 'AuditEventFilter',
    listFields: AUDIT,
    sort: {},
    filters: ['ids', 'q', 'entityType', 'entityId', 'actorId', 'action', 'requestId', 'occurredFrom', 'occurredTo'],
  },
  ...directivesRegistry,
  ...exemplarsRegistry,
  ...mediaRegistry,
};

/** Audited resources: their one-record query has `history`, readable by admins and reviewers in scope. */
export const HISTORY_FIELDS = AUDIT;
export const SUCCESSION_FIELDS = SUCCESSION;
export const ORG_BRIEF_FIELDS = ORG_BRIEF;

/** The page limit of every list (shared/API.md): getMany chunks and exports page by it. */
export const PAGE_LIMIT = 200;
