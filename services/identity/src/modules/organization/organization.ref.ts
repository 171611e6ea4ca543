import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's entity, referred to by id only: identity
 * returns `{ id }` and the gateway fetches the rest from its owner.
 */
@Directive('@key(fields: "id", resolvable: false)')
// Same description as the owner's, or composition picks one and warns.
@ObjectType('Organization', { description: 'A Party committee, state body, mass organization or press outlet.' })
export class OrganizationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

export const organizationRef = (id: string | null): OrganizationRef | null => (id ? { id } : null);
