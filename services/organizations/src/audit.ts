import { audited } from '@lantoa/kit';
import { Organization } from './modules/organization/organization.entity.js';
import { OrgSuccession } from './modules/organization/succession.entity.js';
import { Person } from './modules/person/person.entity.js';
import { Position } from './modules/person/position.entity.js';

// Every write to these is audited in the same transaction. The scope is the
// organization whose subtree's reviewers may read the record's history.
audited(Organization, { type: 'Organization', scope: (o) => o.id, exclude: ['path', 'depth'] });
audited(OrgSuccession, { type: 'OrgSuccession', scope: (s) => s.toId ?? s.fromId });
// People belong to no organization: only admins read their history.
audited(Person, { type: 'Person', scope: () => null });
audited(Position, { type: 'Position', scope: (p) => p.organizationId });
