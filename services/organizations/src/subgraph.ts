import { defineSubgraph } from '@lantoa/kit';
import { migrations } from './migrations/index.js';
import { Organization } from './modules/organization/organization.entity.js';
import { resolveOrganizationReference } from './modules/organization/organization.reference.js';
import { OrganizationResolver } from './modules/organization/organization.resolver.js';
import { auditVisibility } from './modules/organization/organization.scope.js';
import { organizationFeedRoute } from './modules/organization/organization.feed.js'; // directory (issue 6 §2)
import { OrgSuccession } from './modules/organization/succession.entity.js';
import { SuccessionResolver } from './modules/organization/succession.resolver.js';
import { Person } from './modules/person/person.entity.js';
import { resolvePersonReference } from './modules/person/person.reference.js';
import { PersonResolver } from './modules/person/person.resolver.js';
import { Position } from './modules/person/position.entity.js';
import { OrganizationPositionsResolver, PositionResolver } from './modules/person/position.resolver.js';
import { seedDemoData } from './seed/seed.js';

/** The organization tree (with its history of successions), people and their positions. */
export const subgraph = defineSubgraph('organizations', {
  entities: [Organization, OrgSuccession, Person, Position],
  migrations,
  resolvers: [OrganizationResolver, OrganizationPositionsResolver, SuccessionResolver, PersonResolver, PositionResolver],
  references: { Organization: resolveOrganizationReference, Person: resolvePersonReference },
  auditVisibility,
  seed: (em) => seedDemoData(em),
  // directory (issue 6 §2): the change feed the other subgraphs' organization replicas follow.
  start: async ({ orm, config }) => ({ routes: organizationFeedRoute(orm, config.GATEWAY_SECRET) }),
});
