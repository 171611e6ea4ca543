import { entityRef, refById, refOf } from '@lantoa/kit';

/**
 * The organizations subgraph's entity. This subgraph resolves it from an id
 * alone (the fields it adds — issuedDirectives, tasks, taskStats — need
 * nothing else); names and the tree come from the organizations subgraph,
 * or from the local directory replica where this subgraph needs them.
 */
export const OrganizationRef = entityRef('Organization');
export type OrganizationRef = InstanceType<typeof OrganizationRef>;

export const organizationRef = refOf;

/** `_entities` for Organization: nothing to read, the id is the whole representation here. */
export const resolveOrganizationReference = refById;
