import type { RequestContext } from '@lantoa/kit';
import type { DirectiveRecord } from './directive.entity.js';
import { DirectiveQueries } from './directive.queries.js';

/**
 * `_entities` for Directive: every representation of one call in one batch, one statement.
 * Deleted rows resolve to null, as the one-record query answers for them:
 * a reference is no back door to what was deleted.
 */
export const resolveDirectiveReference = (ref: { id: string }, ctx: RequestContext): Promise<DirectiveRecord | null> => new DirectiveQueries(ctx).live(ref.id);
