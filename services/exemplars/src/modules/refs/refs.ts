import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Other subgraphs' entities, by id. This subgraph resolves each from its id
 * alone: the fields it adds (exemplars, exemplarStats) need nothing else.
 * Descriptions match the owners', or composition picks one and warns.
 */

@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'A Party committee, state body, mass organization or press outlet.' })
export class OrganizationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'A person: a leader, cadre, or exemplary individual.' })
export class PersonRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Directive', { description: 'A Party or State document in the registry: resolution, directive, conclusion, report, …' })
export class DirectiveRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Theme', { description: 'An annual theme (chủ đề năm) set by a Party committee for one or more years.' })
export class ThemeRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

/** `_entities` for the types above: the id is the whole representation here. */
export const refById = (ref: { id: string }) => ({ id: ref.id });
export const refOf = (id: string | null) => (id ? { id } : null);
