import { entityRef } from '@lantoa/kit';

/*
 * Other subgraphs' entities, by id. This subgraph resolves each from its id
 * alone: the fields it adds (exemplars, exemplarStats) need nothing else.
 */
export const OrganizationRef = entityRef('Organization');
export type OrganizationRef = InstanceType<typeof OrganizationRef>;
export const PersonRef = entityRef('Person');
export type PersonRef = InstanceType<typeof PersonRef>;
export const DirectiveRef = entityRef('Directive');
export type DirectiveRef = InstanceType<typeof DirectiveRef>;
export const ThemeRef = entityRef('Theme');
export type ThemeRef = InstanceType<typeof ThemeRef>;

export { refById, refOf } from '@lantoa/kit';
