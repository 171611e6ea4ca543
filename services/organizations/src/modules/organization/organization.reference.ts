import type { RequestContext } from '@lantoa/kit';
import type { Organization } from './organization.entity.js';
import { OrganizationQueries } from './organization.queries.js';

/**
 * `_entities` resolution for Organization: every representation of one call
 * goes into the same DataLoader batch, so 100 references cost one statement.
 */
export const resolveOrganizationReference = (ref: { id: string }, ctx: RequestContext): Promise<Organization | null> =>
  new OrganizationQueries(ctx).byId(ref.id);
