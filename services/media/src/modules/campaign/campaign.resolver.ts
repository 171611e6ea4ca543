import {
  Access,
  ConnectionType,
  containsPattern,
  idTerm,
  InputCheck,
  isUuid,
  loadById,
  pgArray,
  readPage,
  searchTerms,
  softDeleteCondition,
  type Connection,
  type RequestContext,
  type SortTerm,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DirectiveRef, OrganizationRef, refOf, refsOf, ThemeRef } from '../refs/refs.js';
import { Campaign } from './campaign.entity.js';
import { CampaignsArgs, CreateCampaignInput, UpdateCampaignInput } from './campaign.inputs.js';
import { CampaignProgress, progressOf } from './campaign.progress.js';
import { CampaignService } from './campaign.service.js';

export const CampaignConnection = ConnectionType(Campaign, 'Campaign');

const ORDER: SortTerm<Campaign>[] = [{ sql: 'period_from', type: 'date', direction: 'DESC', value: (c) => c.periodFrom }, idTerm('DESC')];

@Resolver(() => Campaign)
export class CampaignResolver {
  @Authorized(Access.READ)
  @Query(() => Campaign, { nullable: true, description: 'One campaign; null when absent or deleted.' })
  async campaign(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Campaign | null> {
    if (!isUuid(id)) return null;
    const c = await loadById(ctx, Campaign, id);
    return c && !c.deletedAt ? c : null;
  }

  @Authorized(Access.READ)
  @Query(() => CampaignConnection, { description: 'Campaigns, latest start first.' })
  campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Campaign>> {
    const f = args.filter;
    const check = new InputCheck();
    check.uuids('filter.ids', f?.ids);
    check.uuid('filter.directiveId', f?.directiveId);
    check.uuid('filter.themeId', f?.themeId);
    if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
    check.done();
    const qb = ctx.em.getKnex()('campaign');
    softDeleteCondition(ctx.caller, f?.deleted)(qb);
    if (f?.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    for (const term of searchTerms(f?.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
    if (f?.directiveId) qb.where('directive_id', f.directiveId);
    if (f?.themeId) qb.where('theme_id', f.themeId);
    if (f?.activeOn) qb.where('period_from', '<=', f.activeOn).where('period_to', '>=', f.activeOn);
    return readPage(ctx.em, Campaign, qb, ORDER, args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Campaign, { description: 'Plans a campaign for a directive or theme, run by an organization of your subtree.' })
  createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: RequestContext): Promise<Campaign> {
    return new CampaignService(ctx).create(input);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Campaign, { description: 'Changes a campaign of your subtree; CONFLICT when expectedVersion is stale.' })
  updateCampaign(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateCampaignInput) input: UpdateCampaignInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Campaign> {
    return new CampaignService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Campaign, { description: 'Soft-deletes a campaign of your subtree; restoreCampaign undoes it.' })
  deleteCampaign(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Campaign> {
    return new CampaignService(ctx).setDeleted(id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Campaign, { description: 'Restores a soft-deleted campaign of your subtree.' })
  restoreCampaign(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Campaign> {
    return new CampaignService(ctx).setDeleted(id, false);
  }

  @FieldResolver(() => CampaignProgress, { description: 'Progress against the targets, from the published items.' })
  progress(@Root() c: Campaign, @Ctx() ctx: RequestContext): Promise<CampaignProgress> {
    return progressOf(ctx, c);
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization that runs it.' })
  organization(@Root() c: Campaign): OrganizationRef {
    return refOf(c.organizationId)!;
  }

  @FieldResolver(() => [OrganizationRef], { description: 'The organizations taking part.' })
  participants(@Root() c: Campaign): OrganizationRef[] {
    return refsOf(c.participantIds);
  }

  @FieldResolver(() => DirectiveRef, { nullable: true, description: 'The directive it spreads.' })
  directive(@Root() c: Campaign): DirectiveRef | null {
    return refOf(c.directiveId);
  }

  @FieldResolver(() => ThemeRef, { nullable: true, description: 'The annual theme it spreads.' })
  theme(@Root() c: Campaign): ThemeRef | null {
    return refOf(c.themeId);
  }
}
