import { entityRef } from '@lantoa/kit';

/*
 * Other subgraphs' entities, by id. This subgraph resolves each from its id
 * alone: the fields it adds (mediaItems, coverage, publishedItems,
 * coverageStats) need nothing else.
 */
export const OrganizationRef = entityRef('Organization');
export type OrganizationRef = InstanceType<typeof OrganizationRef>;
export const ExemplarRef = entityRef('Exemplar');
export type ExemplarRef = InstanceType<typeof ExemplarRef>;
export const DirectiveRef = entityRef('Directive');
export type DirectiveRef = InstanceType<typeof DirectiveRef>;
export const ThemeRef = entityRef('Theme');
export type ThemeRef = InstanceType<typeof ThemeRef>;
export const TaskRef = entityRef('Task');
export type TaskRef = InstanceType<typeof TaskRef>;

export { refById, refOf, refsOf } from '@lantoa/kit';
