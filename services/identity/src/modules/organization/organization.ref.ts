import { entityRef, refOf } from '@lantoa/kit';

/**
 * The organizations subgraph's entity, referred to by id only: identity
 * returns `{ id }` and the gateway fetches the rest from its owner.
 */
export const OrganizationRef = entityRef('Organization', { resolvable: false });
export type OrganizationRef = InstanceType<typeof OrganizationRef>;

export const organizationRef = refOf;
