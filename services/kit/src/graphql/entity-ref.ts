import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * What each entity shared across subgraphs is, in one place: its owner and
 * every subgraph that refers to it must describe it alike, or composition
 * picks one description and warns.
 */
export const ENTITY_DESCRIPTIONS = {
  Organization: 'A Party committee, state body, mass organization or press outlet.',
  Person: 'A person: a leader, cadre, or exemplary individual.',
  Directive: 'A Party or State document in the registry: resolution, directive, conclusion, report, …',
  Theme: 'An annual theme (chủ đề năm) set by a Party committee for one or more years.',
  Task: 'A task created by a document, assigned to a lead organization with coordinating organizations and a due date.',
  Exemplar: 'An exemplary individual, collective, household or good practice (điển hình tiên tiến).',
} as const;

export type SharedEntity = keyof typeof ENTITY_DESCRIPTIONS;

/**
 * Another subgraph's entity, known here by its id alone: this subgraph adds
 * fields to it (resolvable, the default) or only points at it (`resolvable:
 * false`, the gateway fetches the rest from the owner). A fresh class per
 * call, so each subgraph's schema has its own type even when several run in
 * one process.
 */
export function entityRef(name: SharedEntity, o: { resolvable?: boolean } = {}) {
  @Directive(o.resolvable === false ? '@key(fields: "id", resolvable: false)' : '@key(fields: "id")')
  @ObjectType(name, { description: ENTITY_DESCRIPTIONS[name] })
  class EntityRef {
    @Field(() => ID, { description: 'Stable identifier (UUID).' })
    id!: string;
  }
  return EntityRef;
}

/** `_entities` for a reference type: the id is the whole representation. */
export const refById = (ref: { id: string }): { id: string } => ({ id: ref.id });
/** A reference field's value from a stored id (null stays null). */
export const refOf = (id: string | null): { id: string } | null => (id ? { id } : null);
/** A list reference field's value from stored ids. */
export const refsOf = (ids: readonly string[]): { id: string }[] => ids.map((id) => ({ id }));
