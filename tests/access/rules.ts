/**
 * The access policy of every root field of the supergraph, as a table.
 *
 * tests/access.test.ts reads the operations from the schema itself (the
 * committed supergraph and each running subgraph's SDL) and demands a rule
 * here for each one, so a new query or mutation fails that test until
 * someone decides who may call it. Each rule also carries an operation with
 * harmless sample arguments (random ids, invalid input) so that a call that
 * is let through ends in NOT_FOUND / BAD_USER_INPUT / null and changes
 * nothing; where an allowed call has to succeed, it is made harmless.
 *
 * The grants below are written out here on purpose rather than imported
 * from the kit: the test checks the services against the policy, not the
 * kit against itself.
 */
import { randomUUID } from 'node:crypto';

/** The access an operation needs. */
export type Access =
  /** Anyone, even without credentials (signing in). */
  | 'PUBLIC'
  /** Any authenticated caller: a signed-in user or an API token. */
  | 'SIGNED_IN'
  /** A signed-in user; API tokens are refused (they have no password or sessions). */
  | 'SIGNED_IN_USER'
  | 'READ'
  | 'EDIT'
  | 'REVIEW'
  | 'ADMIN';

export type Subgraph = 'identity' | 'organizations' | 'directives' | 'exemplars' | 'media';
export type OperationType = 'query' | 'mutation';

/** What a rule's sample may use to build arguments that make an allowed call succeed harmlessly. */
export interface Fixtures {
  /** A demo user who is none of the principals: signing in as them changes nothing the matrix relies on. */
  throwaway: { email: string; password: string };
  /** The refresh token of a brand-new session of the throwaway user. */
  freshRefreshToken(): Promise<string>;
}

export interface AccessRule {
  access: Access;
  /** The subgraph that serves the field. */
  subgraph: Subgraph;
  /** A complete operation document calling the field (and nothing else). */
  document: string;
  variables?: Record<string, unknown> | ((fx: Fixtures) => Promise<Record<string, unknown>>);
  /** How a call that is let through ends: with data ('OK') or the error code the harmless arguments provoke. */
  allowed: 'OK' | 'NOT_FOUND' | 'BAD_USER_INPUT';
  /** An allowed call ends the caller's own sessions: such cells run after all others, with fresh sessions. */
  endsOwnSessions?: boolean;
}

const id = () => randomUUID();

export const queries: Record<string, AccessRule> = {
  // ---- identity ----
  me: { access: 'SIGNED_IN', subgraph: 'identity', document: '{ me { id email roles } }', allowed: 'OK' }, // null for API tokens, by design
  user: { access: 'ADMIN', subgraph: 'identity', document: 'query ($id: ID!) { user(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  users: { access: 'ADMIN', subgraph: 'identity', document: '{ users(first: 1) { totalCount } }', allowed: 'OK' },
  apiToken: { access: 'ADMIN', subgraph: 'identity', document: 'query ($id: ID!) { apiToken(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  apiTokens: { access: 'ADMIN', subgraph: 'identity', document: '{ apiTokens(first: 1) { totalCount } }', allowed: 'OK' },
  auditEvents: { access: 'REVIEW', subgraph: 'identity', document: '{ auditEvents(first: 1) { totalCount } }', allowed: 'OK' },

  // ---- organizations ----
  organization: {
    access: 'READ',
    subgraph: 'organizations',
    document: 'query ($id: ID!) { organization(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'OK',
  },
  organizations: { access: 'READ', subgraph: 'organizations', document: '{ organizations(first: 1) { totalCount } }', allowed: 'OK' },
  person: { access: 'READ', subgraph: 'organizations', document: 'query ($id: ID!) { person(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  people: { access: 'READ', subgraph: 'organizations', document: '{ people(first: 1) { totalCount } }', allowed: 'OK' },

  // ---- directives ----
  directive: { access: 'READ', subgraph: 'directives', document: 'query ($id: ID!) { directive(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  directives: { access: 'READ', subgraph: 'directives', document: '{ directives(first: 1) { totalCount } }', allowed: 'OK' },
  theme: { access: 'READ', subgraph: 'directives', document: 'query ($id: ID!) { theme(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  themes: { access: 'READ', subgraph: 'directives', document: '{ themes(first: 1) { totalCount } }', allowed: 'OK' },
  task: { access: 'READ', subgraph: 'directives', document: 'query ($id: ID!) { task(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  tasks: { access: 'READ', subgraph: 'directives', document: '{ tasks(first: 1) { totalCount } }', allowed: 'OK' },
  progressReport: {
    access: 'READ',
    subgraph: 'directives',
    document: 'query ($id: ID!) { progressReport(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'OK',
  },
  progressReports: { access: 'READ', subgraph: 'directives', document: '{ progressReports(first: 1) { totalCount } }', allowed: 'OK' },
  evaluations: { access: 'READ', subgraph: 'directives', document: '{ evaluations(first: 1) { totalCount } }', allowed: 'OK' },
  // ---- exemplars ----
  exemplar: { access: 'READ', subgraph: 'exemplars', document: 'query ($id: ID!) { exemplar(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  exemplars: { access: 'READ', subgraph: 'exemplars', document: '{ exemplars(first: 1) { totalCount } }', allowed: 'OK' },
  exemplarStats: { access: 'READ', subgraph: 'exemplars', document: '{ exemplarStats(input: { groupBy: [KIND] }) { count } }', allowed: 'OK' },
  // What waits for the caller: lists from the exemplars, media and directives subgraphs; empty for viewers and tokens.
  myWork: {
    access: 'SIGNED_IN',
    subgraph: 'exemplars',
    // Sent to the exemplars subgraph directly too: only its own fields (the others come through _entities, guarded alike).
    document: '{ myWork { userId exemplarsToVerify { totalCount } exemplarsReturnedToMe { totalCount } } }',
    allowed: 'OK',
  },
  movement: { access: 'READ', subgraph: 'exemplars', document: 'query ($id: ID!) { movement(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  movements: { access: 'READ', subgraph: 'exemplars', document: '{ movements(first: 1) { totalCount } }', allowed: 'OK' },
  commendations: { access: 'READ', subgraph: 'exemplars', document: '{ commendations(first: 1) { totalCount } }', allowed: 'OK' },
  commendationAuthorities: { access: 'READ', subgraph: 'exemplars', document: '{ commendationAuthorities { id } }', allowed: 'OK' },

  // ---- media ----
  mediaItem: { access: 'READ', subgraph: 'media', document: 'query ($id: ID!) { mediaItem(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  mediaItems: { access: 'READ', subgraph: 'media', document: '{ mediaItems(first: 1) { totalCount } }', allowed: 'OK' },
  mediaStats: { access: 'READ', subgraph: 'media', document: '{ mediaStats(input: { groupBy: [TONE] }) { count } }', allowed: 'OK' },
  campaign: { access: 'READ', subgraph: 'media', document: 'query ($id: ID!) { campaign(id: $id) { id } }', variables: { id: id() }, allowed: 'OK' },
  campaigns: { access: 'READ', subgraph: 'media', document: '{ campaigns(first: 1) { totalCount } }', allowed: 'OK' },
  uncoveredExemplars: {
    access: 'READ',
    subgraph: 'media',
    document: '{ uncoveredExemplars(honouredFrom: "2024-12-31", honouredTo: "2024-01-01") { totalCount } }',
    allowed: 'BAD_USER_INPUT',
  },
};

export const mutations: Record<string, AccessRule> = {
  // ---- identity: sessions ----
  signIn: {
    access: 'PUBLIC',
    subgraph: 'identity',
    document: 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { id } } }',
    variables: async (fx) => ({ ...fx.throwaway }), // a real sign-in: a wrong password would count towards a lockout
    allowed: 'OK',
  },
  refreshSession: {
    access: 'PUBLIC',
    subgraph: 'identity',
    document: 'mutation ($t: String!) { refreshSession(refreshToken: $t) { user { id } } }',
    variables: async (fx) => ({ t: await fx.freshRefreshToken() }),
    allowed: 'OK',
  },
  signOut: {
    access: 'PUBLIC',
    subgraph: 'identity',
    document: 'mutation ($t: String!) { signOut(refreshToken: $t) }',
    variables: { t: `unknown-${id()}` },
    allowed: 'OK',
  }, // false
  signOutEverywhere: { access: 'SIGNED_IN_USER', subgraph: 'identity', document: 'mutation { signOutEverywhere }', allowed: 'OK', endsOwnSessions: true },
  changePassword: {
    access: 'SIGNED_IN_USER',
    subgraph: 'identity',
    document: 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
    variables: { c: '', n: '' }, // refused before any password is checked: no failed attempt is counted, no session ends
    allowed: 'BAD_USER_INPUT',
  },

  // ---- identity: users and API tokens ----
  createUser: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    variables: { input: { email: 'not-an-e-mail', displayName: '', organizationId: id(), roles: ['VIEWER'], password: '' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateUser: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { displayName: 'Không có ai' } },
    allowed: 'NOT_FOUND',
  },
  setUserPassword: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
    variables: { id: id(), p: 'short' },
    allowed: 'BAD_USER_INPUT',
  },
  deleteUser: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($id: ID!) { deleteUser(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreUser: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($id: ID!) { restoreUser(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createApiToken: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id } } }',
    variables: { input: { name: '', scopes: ['READ'], organizationId: id() } },
    allowed: 'BAD_USER_INPUT',
  },
  revokeApiToken: {
    access: 'ADMIN',
    subgraph: 'identity',
    document: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },

  // ---- organizations: the tree (admins) ----
  createOrganization: {
    access: 'ADMIN',
    subgraph: 'organizations',
    document: 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    variables: { input: { name: '', type: 'PARTY_CELL', level: 'COMMUNE' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateOrganization: {
    access: 'ADMIN',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { shortName: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  moveOrganization: {
    access: 'ADMIN',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!, $parentId: ID) { moveOrganization(id: $id, parentId: $parentId) { id } }',
    variables: { id: id(), parentId: id() },
    allowed: 'NOT_FOUND',
  },
  deleteOrganization: {
    access: 'ADMIN',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!) { deleteOrganization(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreOrganization: {
    access: 'ADMIN',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!) { restoreOrganization(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  recordSuccession: {
    access: 'ADMIN',
    subgraph: 'organizations',
    document: 'mutation ($input: RecordSuccessionInput!) { recordSuccession(input: $input) { kind } }',
    variables: { input: { fromIds: [id()], toId: id(), kind: 'MERGE', effectiveOn: '2020-01-01' } },
    allowed: 'NOT_FOUND',
  },

  // ---- organizations: people and positions (editors, within scope) ----
  createPerson: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
    variables: { input: { familyName: '', givenName: '' } },
    allowed: 'BAD_USER_INPUT',
  },
  updatePerson: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { givenName: 'Không' } },
    allowed: 'NOT_FOUND',
  },
  deletePerson: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!) { deletePerson(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restorePerson: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!) { restorePerson(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createPosition: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }',
    variables: { input: { personId: id(), organizationId: id(), title: 'Bí thư' } },
    allowed: 'NOT_FOUND',
  },
  updatePosition: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!, $input: UpdatePositionInput!) { updatePosition(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { title: 'Phó Bí thư' } },
    allowed: 'NOT_FOUND',
  },
  deletePosition: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!) { deletePosition(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restorePosition: {
    access: 'EDIT',
    subgraph: 'organizations',
    document: 'mutation ($id: ID!) { restorePosition(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },

  // ---- directives: the registry, themes and criteria (admins) ----
  createDirective: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($input: CreateDirectiveInput!) { createDirective(input: $input) { id } }',
    variables: { input: { number: '', title: '', issuedOn: '2024-01-01', issuerId: id() } },
    allowed: 'BAD_USER_INPUT',
  },
  updateDirective: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!, $input: UpdateDirectiveInput!) { updateDirective(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { summary: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteDirective: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteDirective(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreDirective: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { restoreDirective(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  relateDirectives: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($input: RelateDirectivesInput!) { relateDirectives(input: $input) { id } }',
    variables: (() => {
      const self = id();
      return { input: { fromId: self, toId: self, kind: 'CONTINUES' } }; // a relation to itself is refused before anything is read
    })(),
    allowed: 'BAD_USER_INPUT',
  },
  unrelateDirectives: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { unrelateDirectives(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createTheme: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($input: CreateThemeInput!) { createTheme(input: $input) { id } }',
    variables: { input: { title: '', issuerId: id(), yearFrom: 2024, yearTo: 2025 } },
    allowed: 'BAD_USER_INPUT',
  },
  updateTheme: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!, $input: UpdateThemeInput!) { updateTheme(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { description: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteTheme: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteTheme(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreTheme: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { restoreTheme(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createCriterion: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($input: CreateCriterionInput!) { createCriterion(input: $input) { id } }',
    variables: { input: { directiveId: id(), code: '', title: '', maxScore: 10 } },
    allowed: 'BAD_USER_INPUT',
  },
  updateCriterion: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!, $input: UpdateCriterionInput!) { updateCriterion(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { title: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteCriterion: {
    access: 'ADMIN',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteCriterion(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },

  // ---- directives: tasks and reports (editors, within scope); evaluations (reviewers) ----
  createTask: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    variables: { input: { title: '', group: 'OTHER', leadOrganizationId: id(), dueOn: '2030-01-01' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateTask: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { title: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteTask: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteTask(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreTask: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { restoreTask(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createProgressReport: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($input: CreateProgressReportInput!) { createProgressReport(input: $input) { id } }',
    variables: { input: { title: '', taskId: id(), reportingOrganizationId: id(), periodKind: 'OTHER', periodFrom: '2024-01-01', periodTo: '2024-06-30' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateProgressReport: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!, $input: UpdateProgressReportInput!) { updateProgressReport(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { results: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteProgressReport: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteProgressReport(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreProgressReport: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { restoreProgressReport(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  recordEvaluation: {
    access: 'REVIEW',
    subgraph: 'directives',
    document: 'mutation ($input: RecordEvaluationInput!) { recordEvaluation(input: $input) { id } }',
    variables: { input: { criterionId: id(), organizationId: id(), periodFrom: '2024-01-01', periodTo: '2024-12-31', score: 1 } },
    allowed: 'NOT_FOUND',
  },
  deleteEvaluation: {
    access: 'REVIEW',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteEvaluation(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },

  // ---- exemplars (editors within scope; lifecycle decisions and commendations: reviewers; the authority table: admins) ----
  createExemplar: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($input: CreateExemplarInput!) { createExemplar(input: $input) { id } }',
    variables: { input: { kind: 'PRACTICE', name: '', organizationId: id(), field: 'OTHER' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateExemplar: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!, $input: UpdateExemplarInput!) { updateExemplar(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { summary: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteExemplar: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { deleteExemplar(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreExemplar: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { restoreExemplar(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  transitionExemplar: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { transitionExemplar(id: $id, action: PROPOSE) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createMovement: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($input: CreateMovementInput!) { createMovement(input: $input) { id } }',
    variables: { input: { name: '', launchingOrganizationId: id(), periodFrom: '2024-01-01' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateMovement: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!, $input: UpdateMovementInput!) { updateMovement(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { description: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  createCommendation: {
    access: 'REVIEW',
    subgraph: 'exemplars',
    document: 'mutation ($input: CreateCommendationInput!) { createCommendation(input: $input) { id } }',
    variables: {
      input: {
        exemplarId: id(),
        form: 'CERTIFICATE_OF_MERIT',
        basis: 'REGULAR',
        decidingOrganizationId: id(),
        decisionNumber: 'không phải số',
        decidedOn: '2024-01-01',
      },
    },
    allowed: 'BAD_USER_INPUT',
  },
  revokeCommendation: {
    access: 'REVIEW',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { revokeCommendation(id: $id, reason: "Sai đối tượng") { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createDirectiveAttachmentUpload: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { createDirectiveAttachmentUpload(directiveId: $id, fileName: "van-ban.exe", size: 10) { uploadUrl } }',
    variables: { id: id() },
    allowed: 'BAD_USER_INPUT',
  },
  deleteDirectiveAttachment: {
    access: 'EDIT',
    subgraph: 'directives',
    document: 'mutation ($id: ID!) { deleteDirectiveAttachment(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createExemplarAttachmentUpload: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { createExemplarAttachmentUpload(exemplarId: $id, fileName: "chuong-trinh.exe", size: 10) { uploadUrl } }',
    variables: { id: id() },
    allowed: 'BAD_USER_INPUT',
  },
  deleteExemplarAttachment: {
    access: 'EDIT',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { deleteExemplarAttachment(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createCommendationAuthority: {
    access: 'ADMIN',
    subgraph: 'exemplars',
    document: 'mutation ($input: CreateCommendationAuthorityInput!) { createCommendationAuthority(input: $input) { id } }',
    variables: { input: { organizationType: 'STATE_EXECUTIVE', organizationLevel: 'PROVINCE', form: 'ORDER', note: 'x'.repeat(1001) } },
    allowed: 'BAD_USER_INPUT',
  },
  deleteCommendationAuthority: {
    access: 'ADMIN',
    subgraph: 'exemplars',
    document: 'mutation ($id: ID!) { deleteCommendationAuthority(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },

  // ---- media (editors of the outlet's subtree; approving and rejecting: its reviewers, within transitionMediaItem) ----
  createMediaItem: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($input: CreateMediaItemInput!) { createMediaItem(input: $input) { id } }',
    variables: { input: { kind: 'ONLINE_ARTICLE', title: '', outletId: id(), tone: 'CRITICAL' } },
    allowed: 'BAD_USER_INPUT',
  },
  updateMediaItem: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!, $input: UpdateMediaItemInput!) { updateMediaItem(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { summary: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteMediaItem: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { deleteMediaItem(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreMediaItem: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { restoreMediaItem(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  transitionMediaItem: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { transitionMediaItem(id: $id, action: SUBMIT) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createCampaign: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
    variables: { input: { name: '', organizationId: id(), themeId: id(), periodFrom: '2024-01-01', periodTo: '2024-12-31', targetItems: 1 } },
    allowed: 'BAD_USER_INPUT',
  },
  updateCampaign: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }',
    variables: { id: id(), input: { description: 'Không có' } },
    allowed: 'NOT_FOUND',
  },
  deleteCampaign: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { deleteCampaign(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  restoreCampaign: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { restoreCampaign(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
  createMediaItemAttachmentUpload: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { createMediaItemAttachmentUpload(mediaItemId: $id, fileName: "chuong-trinh.exe", size: 10) { uploadUrl } }',
    variables: { id: id() },
    allowed: 'BAD_USER_INPUT',
  },
  deleteMediaItemAttachment: {
    access: 'EDIT',
    subgraph: 'media',
    document: 'mutation ($id: ID!) { deleteMediaItemAttachment(id: $id) { id } }',
    variables: { id: id() },
    allowed: 'NOT_FOUND',
  },
};

export function ruleFor(type: OperationType, name: string): AccessRule | undefined {
  const table = type === 'query' ? queries : mutations;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

// ---------- who may do what ----------

/** Authenticated principals, by what they are. */
export type Identity = 'ADMIN' | 'EDITOR' | 'REVIEWER' | 'VIEWER' | 'INTEGRATOR' | 'TOKEN_READ' | 'TOKEN_WRITE';

/** The policy of issue #3, written out. */
export const GRANTS: Record<Identity, readonly Access[]> = {
  ADMIN: ['SIGNED_IN', 'SIGNED_IN_USER', 'READ', 'EDIT', 'REVIEW', 'ADMIN'],
  REVIEWER: ['SIGNED_IN', 'SIGNED_IN_USER', 'READ', 'EDIT', 'REVIEW'],
  EDITOR: ['SIGNED_IN', 'SIGNED_IN_USER', 'READ', 'EDIT'],
  VIEWER: ['SIGNED_IN', 'SIGNED_IN_USER', 'READ'],
  /** An integrator's own user account (password sign-in): reads only. */
  INTEGRATOR: ['SIGNED_IN', 'SIGNED_IN_USER', 'READ'],
  TOKEN_READ: ['SIGNED_IN', 'READ'],
  /** A write scope lets a token edit, never review or administer. */
  TOKEN_WRITE: ['SIGNED_IN', 'READ', 'EDIT'],
};

/**
 * How the service must treat a principal: as one of the identities above, as
 * an anonymous caller, or not at all (refused with HTTP 401 before anything
 * runs: bad credentials at the gateway, a missing or bad proof at a subgraph).
 */
export type TreatedAs = Identity | 'anonymous' | 'refused';

/** What a cell must show. */
export type Expected = 'allowed' | 'forbidden' | 'unauthenticated' | 'refused';

export function expectedOutcome(access: Access, who: TreatedAs): Expected {
  if (who === 'refused') return 'refused';
  if (access === 'PUBLIC') return 'allowed';
  if (who === 'anonymous') return 'unauthenticated';
  return GRANTS[who].includes(access) ? 'allowed' : 'forbidden';
}
