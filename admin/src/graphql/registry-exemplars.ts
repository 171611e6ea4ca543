import type { ResourceDef } from './registry';

/**
 * The exemplars subgraph's resources (issue 10): exemplars, commendations,
 * emulation movements and the commendation authority table, plus the
 * documents the screens send beyond react-admin's methods. Spread into
 * `registry` (registry.ts), so tests/registry.test.ts validates them too.
 */
const RECORD = 'id createdAt updatedAt version deletedAt';
const ORG = 'id name shortName level type';
const EXEMPLAR_ROW = `${RECORD} kind name organizationId field status recognisedOn awardedOn commendationCount organizationName summary`;
const ATTACHMENT = 'id fileName mimeType size width height createdAt url thumbnailUrl';
const STEP = 'id action fromStatus toStatus actorName occurredAt onDay note';
const COMMENDATION = `${RECORD} exemplarId form title basis decidingOrganizationId proposingOrganizationId decisionNumber decidedOn movementId status revokedOn revocationReason decidingOrganization { ${ORG} } proposingOrganization { ${ORG} } movement { id name }`;
const MOVEMENT = `${RECORD} name description launchingOrganizationId periodFrom periodTo directiveId themeId launchingOrganization { ${ORG} }`;
export const EXEMPLAR_ONE = `${EXEMPLAR_ROW} personId subjectOrganizationId story achievements periodFrom periodTo directiveId themeId movementId organization { ${ORG} ancestors { id } } subjectOrganization { ${ORG} } person { id fullName } movement { id name } allowedActions timeline { ${STEP} } attachments { ${ATTACHMENT} } commendations { ${COMMENDATION} }`;
const EXEMPLAR_WRITABLE = [
  'kind',
  'name',
  'personId',
  'subjectOrganizationId',
  'organizationId',
  'field',
  'summary',
  'story',
  'achievements',
  'periodFrom',
  'periodTo',
  'movementId',
];

export const exemplarsRegistry: Record<string, ResourceDef> = {
  exemplars: {
    type: 'Exemplar',
    one: 'exemplar',
    many: 'exemplars',
    filterType: 'ExemplarFilter',
    orderType: 'ExemplarOrder',
    listFields: EXEMPLAR_ROW,
    exportFields: `${RECORD} kind name organizationId organizationName field status recognisedOn awardedOn summary`,
    oneFields: EXEMPLAR_ONE,
    sort: { name: 'NAME', createdAt: 'CREATED_AT', recognisedOn: 'RECOGNISED_ON' },
    filters: ['ids', 'q', 'organizationId', 'includeDescendants', 'kinds', 'fields', 'statuses', 'honouredInYear', 'personId', 'movementId', 'deleted'],
    create: { mutation: 'createExemplar', inputType: 'CreateExemplarInput', fields: EXEMPLAR_WRITABLE },
    update: { mutation: 'updateExemplar', inputType: 'UpdateExemplarInput', fields: EXEMPLAR_WRITABLE },
    delete: { mutation: 'deleteExemplar', restore: 'restoreExemplar' },
  },
  commendations: {
    type: 'Commendation',
    many: 'commendations',
    filterType: 'CommendationFilter',
    listFields: `${COMMENDATION} exemplar { id name organizationName }`,
    sort: {},
    filters: ['ids', 'q', 'exemplarId', 'decidingOrganizationId', 'form', 'status', 'decidedFrom', 'decidedTo'],
    create: {
      mutation: 'createCommendation',
      inputType: 'CreateCommendationInput',
      fields: ['exemplarId', 'form', 'title', 'basis', 'decidingOrganizationId', 'proposingOrganizationId', 'decisionNumber', 'decidedOn', 'movementId'],
    },
  },
  movements: {
    type: 'Movement',
    // No `one`: Movement has no audit history field, and the list edits in a dialog.
    many: 'movements',
    filterType: 'MovementFilter',
    listFields: MOVEMENT,
    sort: {},
    filters: ['ids', 'q', 'launchingOrganizationId', 'activeOn'],
    create: {
      mutation: 'createMovement',
      inputType: 'CreateMovementInput',
      fields: ['name', 'description', 'launchingOrganizationId', 'periodFrom', 'periodTo'],
    },
    update: { mutation: 'updateMovement', inputType: 'UpdateMovementInput', fields: ['name', 'description', 'periodFrom', 'periodTo'] },
  },
};

/** createExemplar with the answer to the duplicate warning (CONFLICT with extensions.duplicates unless confirmed). */
export const CREATE_EXEMPLAR_DOCUMENT = `mutation CreateExemplar($input: CreateExemplarInput!, $confirmDuplicate: Boolean!) { record: createExemplar(input: $input, confirmDuplicate: $confirmDuplicate) { ${EXEMPLAR_ONE} } }`;

export const TRANSITION_DOCUMENT = `mutation Transition($id: ID!, $action: ExemplarAction!, $note: String, $on: Date, $expectedVersion: Int) { record: transitionExemplar(id: $id, action: $action, note: $note, on: $on, expectedVersion: $expectedVersion) { ${EXEMPLAR_ONE} } }`;

export const UPLOAD_DOCUMENT = `mutation Upload($recordId: ID!, $fileName: String!, $size: Int!) { upload: createExemplarAttachmentUpload(exemplarId: $recordId, fileName: $fileName, size: $size) { uploadUrl expiresAt maxSize } }`;

export const DELETE_ATTACHMENT_DOCUMENT = `mutation DeleteAttachment($id: ID!) { deleteExemplarAttachment(id: $id) { id } }`;

export const REVOKE_COMMENDATION_DOCUMENT = `mutation RevokeCommendation($id: ID!, $reason: String!, $on: Date) { record: revokeCommendation(id: $id, reason: $reason, on: $on) { ${COMMENDATION} } }`;

export const AUTHORITIES_DOCUMENT = `query Authorities { rows: commendationAuthorities { ${RECORD} organizationType organizationLevel form note } }`;
export const CREATE_AUTHORITY_DOCUMENT = `mutation CreateAuthority($input: CreateCommendationAuthorityInput!) { row: createCommendationAuthority(input: $input) { id } }`;
export const DELETE_AUTHORITY_DOCUMENT = `mutation DeleteAuthority($id: ID!) { row: deleteCommendationAuthority(id: $id) { id } }`;

/** Counts for the dashboard: honoured exemplars by district and year, and the one total behind "1.567". */
export const STATS_DOCUMENT = `query ExemplarStats($filter: ExemplarFilter, $input: ExemplarStatsInput!) { rows: exemplarStats(filter: $filter, input: $input) { count year organizationId organization { id name shortName } } }`;

/** The caller's organization with its ancestors: the dashboard counts over the province above it. */
export const PROVINCE_DOCUMENT = `query Province($id: ID!) { o: organization(id: $id) { id level depth ancestors { id level depth } } }`;

/** For tests/registry.test.ts: every document above, validated against the supergraph. */
export const exemplarDocuments: Record<string, string> = {
  createExemplar: CREATE_EXEMPLAR_DOCUMENT,
  transitionExemplar: TRANSITION_DOCUMENT,
  exemplarUpload: UPLOAD_DOCUMENT,
  deleteExemplarAttachment: DELETE_ATTACHMENT_DOCUMENT,
  revokeCommendation: REVOKE_COMMENDATION_DOCUMENT,
  commendationAuthorities: AUTHORITIES_DOCUMENT,
  createCommendationAuthority: CREATE_AUTHORITY_DOCUMENT,
  deleteCommendationAuthority: DELETE_AUTHORITY_DOCUMENT,
  exemplarStats: STATS_DOCUMENT,
  province: PROVINCE_DOCUMENT,
};
