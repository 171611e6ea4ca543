import type { RequestContext } from '@lantoa/kit';
import type { DirectiveRecord } from './directive.entity.js';
import { DirectiveQueries } from './directive.queries.js';

/** `_entities` for Directive: every representation of one call in one batch, one statement. */
export const resolveDirectiveReference = (ref: { id: string }, ctx: RequestContext): Promise<DirectiveRecord | null> => new DirectiveQueries(ctx).byId(ref.id);
