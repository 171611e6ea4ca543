import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's entity. This subgraph resolves it from an id
 * alone (the fields it adds — issuedDirectives, tasks, taskStats — need
 * nothing else); names and the tree come from the organizations subgraph,
 * or from the local directory replica where this subgraph needs them.
 */
@Directive('@key(fields: "id")')
// Same description as the owner's, or composition picks one and warns.
@ObjectType('Organization', { description: 'A Party committee, state body, mass organization or press outlet.' })
export class OrganizationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

export const organizationRef = (id: string | null): OrganizationRef | null => (id ? { id } : null);

/** `_entities` for Organization: nothing to read, the id is the whole representation here. */
export const resolveOrganizationReference = (ref: { id: string }): OrganizationRef => ({ id: ref.id });
