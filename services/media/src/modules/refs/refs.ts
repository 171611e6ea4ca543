import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Other subgraphs' entities, by id. This subgraph resolves each from its id
 * alone: the fields it adds (mediaItems, coverage, publishedItems,
 * coverageStats) need nothing else. Descriptions match the owners', or
 * composition picks one and warns.
 */

@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'A Party committee, state body, mass organization or press outlet.' })
export class OrganizationRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Exemplar', { description: 'An exemplary individual, collective, household or good practice (điển hình tiên tiến).' })
export class ExemplarRef {
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

@Directive('@key(fields: "id")')
@ObjectType('Task', { description: 'A task created by a document, assigned to a lead organization with coordinating organizations and a due date.' })
export class TaskRef {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

/** `_entities` for the types above: the id is the whole representation here. */
export const refById = (ref: { id: string }) => ({ id: ref.id });
export const refOf = (id: string | null) => (id ? { id } : null);
export const refsOf = (ids: readonly string[]) => ids.map((id) => ({ id }));
