import {
  Access,
  ConnectionType,
  containsPattern,
  idTerm,
  InputCheck,
  isUuid,
  pgArray,
  readPage,
  searchTerms,
  type Connection,
  type RequestContext,
  loadById,
  softDeleteCondition,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DirectiveRecord } from '../directive/directive.entity.js';
import { DirectiveQueries } from '../directive/directive.queries.js';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { Theme } from './theme.entity.js';
import { CreateThemeInput, ThemesArgs, UpdateThemeInput } from './theme.inputs.js';
import { ThemeService } from './theme.service.js';

export const ThemeConnection = ConnectionType(Theme, 'Theme');

/** One statement for any number of theme ids (deleted ones included: references must still resolve). */
export function themeById(ctx: RequestContext, id: string): Promise<Theme | null> {
  return loadById(ctx, Theme, id);
}

@Resolver(() => Theme)
export class ThemeResolver {
  @Authorized(Access.READ)
  @Query(() => Theme, { nullable: true, description: 'One annual theme; null when absent or deleted.' })
  async theme(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Theme | null> {
    const t = isUuid(id) ? await themeById(ctx, id) : null;
    return t && !t.deletedAt ? t : null;
  }

  @Authorized(Access.READ)
  @Query(() => ThemeConnection, { nullable: true, description: 'Annual themes, newest first.' })
  themes(@Args(() => ThemesArgs) args: ThemesArgs, @Ctx() ctx: RequestContext): Promise<Connection<Theme>> {
    const f = args.filter;
    const check = new InputCheck();
    check.uuids('filter.ids', f?.ids);
    check.uuid('filter.issuerId', f?.issuerId);
    if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
    check.done();
    const qb = ctx.em.getKnex()('theme');
    softDeleteCondition(ctx.caller, f?.deleted)(qb);
    if (f?.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    for (const term of searchTerms(f?.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
    if (f?.year != null) qb.where('year_from', '<=', f.year).where('year_to', '>=', f.year);
    if (f?.issuerId) qb.where('issuer_id', f.issuerId);
    return readPage(ctx.em, Theme, qb, [{ sql: 'year_from', direction: 'DESC', type: 'integer', value: (t) => t.yearFrom }, idTerm('DESC')], args);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Theme, { description: 'Records an annual theme. Admins only.' })
  createTheme(@Arg('input', () => CreateThemeInput) input: CreateThemeInput, @Ctx() ctx: RequestContext): Promise<Theme> {
    return new ThemeService(ctx).create(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Theme, { description: 'Changes an annual theme; CONFLICT when expectedVersion is stale. Admins only.' })
  updateTheme(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateThemeInput) input: UpdateThemeInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Theme> {
    return new ThemeService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Theme, { description: 'Soft-deletes an annual theme; restoreTheme undoes it. Admins only.' })
  deleteTheme(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Theme> {
    return new ThemeService(ctx).setDeleted(id, true);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Theme, { description: 'Restores a soft-deleted annual theme. Admins only.' })
  restoreTheme(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Theme> {
    return new ThemeService(ctx).setDeleted(id, false);
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization that set it. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  issuer(@Root() t: Theme): OrganizationRef {
    return organizationRef(t.issuerId)!;
  }

  @FieldResolver(() => DirectiveRecord, { nullable: true, description: 'The document that set it.' })
  basis(@Root() t: Theme, @Ctx() ctx: RequestContext): Promise<DirectiveRecord | null> | null {
    return t.basisDirectiveId ? new DirectiveQueries(ctx).byId(t.basisDirectiveId) : null;
  }
}

/** `_entities` for Theme: one statement for the whole call. */
// Deleted themes resolve to null, as theme(id) answers for them: a reference is no back door to what was deleted.
export const resolveThemeReference = async (ref: { id: string }, ctx: RequestContext): Promise<Theme | null> => {
  const t = await themeById(ctx, ref.id);
  return t && !t.deletedAt ? t : null;
};
