import type { ResourceDef } from './registry';

/**
 * The directives subgraph's resources (issue 9): the document registry,
 * annual themes, tasks, progress reports, criteria and evaluations. Spread
 * into `registry` (registry.ts), so the data provider and the schema test
 * treat them like every other resource.
 */
const RECORD = 'id createdAt updatedAt version deletedAt';
const ORG_BRIEF = 'id name shortName level type';
const DIRECTIVE_BRIEF = 'id number title status documentType issuedOn';
const DIRECTIVE = `${RECORD} number numberAsWritten numberInt numberYear typeCode issuerCode numberingPeriod family documentType title issuedOn issuerId status fullTextUrl titleTypeConflict issuer { ${ORG_BRIEF} }`;
const RELATION = 'id version kind note fromId toId';
const TASK = `${RECORD} title directiveId group leadOrganizationId coordinatingOrganizationIds dueOn status completedOn deadlineStatus directive { id number title } leadOrganization { ${ORG_BRIEF} }`;
const REPORT = `${RECORD} title taskId directiveId reportDirectiveId reportingOrganizationId periodKind periodFrom periodTo submittedOn reportingOrganization { ${ORG_BRIEF} } task { id title } directive { id number title }`;
const SECTIONS = 'results shortcomings causes lessons nextSteps recommendations';
const CRITERION = `${RECORD} directiveId code title description maxScore position`;
const ATTACHMENT = 'id fileName mimeType size createdAt url';

export const REPORT_SECTIONS = ['results', 'shortcomings', 'causes', 'lessons', 'nextSteps', 'recommendations'] as const;

export const directivesRegistry: Record<string, ResourceDef> = {
  directives: {
    type: 'Directive',
    one: 'directive',
    many: 'directives',
    filterType: 'DirectiveFilter',
    orderType: 'DirectiveOrder',
    listFields: DIRECTIVE,
    exportFields: `${RECORD} number numberAsWritten family documentType title issuedOn issuerId status fullTextUrl issuer { id name }`,
    oneFields: `${DIRECTIVE} summary attachments { ${ATTACHMENT} } outgoingRelations { ${RELATION} to { ${DIRECTIVE_BRIEF} } } incomingRelations { ${RELATION} from { ${DIRECTIVE_BRIEF} } }`,
    sort: { number: 'NUMBER', title: 'TITLE', issuedOn: 'ISSUED_ON', createdAt: 'CREATED_AT' },
    filters: [
      'ids',
      'q',
      'documentType',
      'family',
      'issuerId',
      'includeDescendants',
      'status',
      'issuedFrom',
      'issuedTo',
      'relatedToId',
      'relationKind',
      'deleted',
    ],
    create: {
      mutation: 'createDirective',
      inputType: 'CreateDirectiveInput',
      fields: ['number', 'family', 'documentType', 'term', 'title', 'summary', 'issuedOn', 'issuerId', 'status', 'fullTextUrl'],
    },
    update: {
      mutation: 'updateDirective',
      inputType: 'UpdateDirectiveInput',
      fields: ['number', 'family', 'documentType', 'term', 'title', 'summary', 'issuedOn', 'issuerId', 'status', 'fullTextUrl'],
    },
    delete: { mutation: 'deleteDirective', restore: 'restoreDirective' },
  },
  themes: {
    type: 'Theme',
    one: 'theme',
    many: 'themes',
    filterType: 'ThemeFilter',
    noHistory: true,
    listFields: `${RECORD} title description issuerId yearFrom yearTo basisDirectiveId issuer { ${ORG_BRIEF} } basis { id number title }`,
    sort: {},
    filters: ['ids', 'q', 'year', 'issuerId', 'deleted'],
    create: { mutation: 'createTheme', inputType: 'CreateThemeInput', fields: ['title', 'description', 'issuerId', 'yearFrom', 'yearTo', 'basisDirectiveId'] },
    update: { mutation: 'updateTheme', inputType: 'UpdateThemeInput', fields: ['title', 'description', 'issuerId', 'yearFrom', 'yearTo', 'basisDirectiveId'] },
    delete: { mutation: 'deleteTheme', restore: 'restoreTheme' },
  },
  tasks: {
    type: 'Task',
    one: 'task',
    many: 'tasks',
    filterType: 'TaskFilter',
    orderType: 'TaskOrder',
    listFields: TASK,
    oneFields: `${TASK} description coordinatingOrganizations { ${ORG_BRIEF} }`,
    // The server's default (DEADLINE) puts overdue tasks first.
    sort: { deadlineStatus: 'DEADLINE', dueOn: 'DUE_ON', title: 'TITLE', createdAt: 'CREATED_AT' },
    filters: [
      'ids',
      'q',
      'directiveId',
      'group',
      'status',
      'deadlineStatus',
      'asOf',
      'organizationId',
      'includeDescendants',
      'role',
      'dueFrom',
      'dueTo',
      'deleted',
    ],
    create: {
      mutation: 'createTask',
      inputType: 'CreateTaskInput',
      fields: ['title', 'description', 'directiveId', 'group', 'leadOrganizationId', 'coordinatingOrganizationIds', 'dueOn', 'status', 'completedOn'],
    },
    update: {
      mutation: 'updateTask',
      inputType: 'UpdateTaskInput',
      fields: ['title', 'description', 'directiveId', 'group', 'leadOrganizationId', 'coordinatingOrganizationIds', 'dueOn', 'status', 'completedOn'],
    },
    delete: { mutation: 'deleteTask', restore: 'restoreTask' },
  },
  progressReports: {
    type: 'ProgressReport',
    one: 'progressReport',
    many: 'progressReports',
    filterType: 'ProgressReportFilter',
    noHistory: true,
    listFields: REPORT,
    oneFields: `${REPORT} ${SECTIONS} figures { name value unit } reportDirective { id number title }`,
    sort: {},
    filters: ['ids', 'q', 'taskId', 'directiveId', 'reportingOrganizationId', 'periodKind'],
    create: {
      mutation: 'createProgressReport',
      inputType: 'CreateProgressReportInput',
      fields: [
        'title',
        'taskId',
        'directiveId',
        'reportDirectiveId',
        'reportingOrganizationId',
        'periodKind',
        'periodFrom',
        'periodTo',
        'submittedOn',
        ...REPORT_SECTIONS,
        'figures',
      ],
    },
    update: {
      mutation: 'updateProgressReport',
      inputType: 'UpdateProgressReportInput',
      fields: ['title', 'periodKind', 'periodFrom', 'periodTo', 'submittedOn', ...REPORT_SECTIONS, 'figures'],
    },
    delete: { mutation: 'deleteProgressReport', restore: 'restoreProgressReport' },
  },
  criteria: {
    type: 'Criterion',
    listFields: CRITERION,
    sort: {},
    filters: [],
    through: { directiveId: { one: 'directive', field: 'criteria' } },
    create: { mutation: 'createCriterion', inputType: 'CreateCriterionInput', fields: ['directiveId', 'code', 'title', 'description', 'maxScore', 'position'] },
    update: { mutation: 'updateCriterion', inputType: 'UpdateCriterionInput', fields: ['code', 'title', 'description', 'maxScore', 'position'] },
    delete: { mutation: 'deleteCriterion' },
  },
  evaluations: {
    type: 'Evaluation',
    many: 'evaluations',
    filterType: 'EvaluationFilter',
    listFields: `${RECORD} criterionId organizationId periodFrom periodTo score note organization { ${ORG_BRIEF} }`,
    sort: {},
    filters: ['ids', 'q', 'criterionId', 'directiveId', 'organizationId', 'periodFrom', 'periodTo'],
    // Recording the same criterion, organization and period again replaces the score.
    create: {
      mutation: 'recordEvaluation',
      inputType: 'RecordEvaluationInput',
      fields: ['criterionId', 'organizationId', 'periodFrom', 'periodTo', 'score', 'note'],
    },
    delete: { mutation: 'deleteEvaluation' },
  },
};

/** Resources whose writes editors and reviewers may attempt (the server checks their subtree). */
export const WRITABLE_BY_EDITORS = new Set(['tasks', 'progressReports', 'evaluations']);

export const RELATE_DOCUMENT = `mutation Relate($input: RelateDirectivesInput!) { relation: relateDirectives(input: $input) { ${RELATION} } }`;
export const UNRELATE_DOCUMENT = `mutation Unrelate($id: ID!) { relation: unrelateDirectives(id: $id) { ${RELATION} } }`;
/** Tasks by deadline status, one row per child organization (the dashboard's chart). */
export const TASK_STATS_DOCUMENT = `query TaskStats($id: ID!) { organization(id: $id) { id name taskStats(groupByChildren: true) { organizationId organization { ${ORG_BRIEF} } total doneOnTime doneLate openWithinDeadline openOverdue cancelled } } }`;
/** The province-level committee of the caller's organization (itself or an ancestor). */
export const ORG_WITH_ANCESTORS_DOCUMENT = `query OrgAncestors($id: ID!) { organization(id: $id) { ${ORG_BRIEF} ancestors { ${ORG_BRIEF} } } }`;

/** The document's attached file (its scan or PDF): a signed upload URL, then a PUT of the bytes (components/AttachmentGallery). Admins only. */
export const DIRECTIVE_UPLOAD_DOCUMENT = `mutation DirectiveUpload($recordId: ID!, $fileName: String!, $size: Int!) { upload: createDirectiveAttachmentUpload(directiveId: $recordId, fileName: $fileName, size: $size) { uploadUrl expiresAt maxSize } }`;
export const DIRECTIVE_DELETE_ATTACHMENT_DOCUMENT = `mutation DeleteDirectiveAttachment($id: ID!) { deleteDirectiveAttachment(id: $id) { id } }`;

export const directivesDocuments = {
  directiveUpload: DIRECTIVE_UPLOAD_DOCUMENT,
  deleteDirectiveAttachment: DIRECTIVE_DELETE_ATTACHMENT_DOCUMENT,
  relate: RELATE_DOCUMENT,
  unrelate: UNRELATE_DOCUMENT,
  taskStats: TASK_STATS_DOCUMENT,
  orgAncestors: ORG_WITH_ANCESTORS_DOCUMENT,
};
