import { Access, checkExpectedVersion, forbidden, InputCheck, notFound, requireAccess, searchKey, type RequestContext, type TextRule } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Campaign } from './campaign.entity.js';
import type { CreateCampaignInput, UpdateCampaignInput } from './campaign.inputs.js';
import { requireLiveDirectiveLinks } from '../refs/directives.js';

const RULES = {
  name: { max: 300, required: true },
  description: { max: 5000, kind: 'note' },
} satisfies Record<string, TextRule>;
const MAX_TARGET = 100_000;
const MAX_PARTICIPANTS = 200;

/** Writes to campaigns: editors of the running organization's subtree (admins anywhere). */
export class CampaignService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateCampaignInput): Promise<Campaign> {
    return this.ctx.em.transactional(async (em) => {
      const values = await this.checked(new InputCheck('create'), input, input);
      const c = em.create(Campaign, { ...values, searchText: searchKey(`${values.name} ${values.description ?? ''}`) });
      await em.flush();
      return c;
    });
  }

  async update(id: string, input: UpdateCampaignInput, expectedVersion?: number | null): Promise<Campaign> {
    return this.ctx.em.transactional(async (em) => {
      const c = await this.liveForUpdate(em, id);
      checkExpectedVersion('Campaign', c, expectedVersion);
      const check = new InputCheck('update');
      for (const key of ['name', 'organizationId', 'periodFrom', 'periodTo', 'targetItems'] as const) check.required(`input.${key}`, input[key]);
      const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as UpdateCampaignInput;
      Object.assign(c, await this.checked(check, { ...c, ...given } as unknown as CreateCampaignInput, given));
      c.searchText = searchKey(`${c.name} ${c.description ?? ''}`);
      await em.flush();
      return c;
    });
  }

  async setDeleted(id: string, deleted: boolean): Promise<Campaign> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const c = await em.findOne(Campaign, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!c || (deleted && c.deletedAt)) throw notFound('Campaign', id, 'id');
      await this.requireInScope(c.organizationId);
      c.deletedAt = deleted ? new Date() : null;
      await em.flush();
      return c;
    });
  }

  private async liveForUpdate(em: EntityManager, id: string): Promise<Campaign> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const c = await em.findOne(Campaign, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!c) throw notFound('Campaign', id, 'id');
    await this.requireInScope(c.organizationId);
    return c;
  }

  private async requireInScope(organizationId: string): Promise<void> {
    requireAccess(this.ctx.caller, Access.EDIT);
    if (!(await new Directory(this.ctx).inScope(this.ctx.caller, organizationId)))
      throw forbidden('This campaign is run by an organization outside your own organization’s subtree.');
  }

  private async checked(check: InputCheck, input: CreateCampaignInput, given: UpdateCampaignInput) {
    const name = check.text('input.name', input.name, RULES.name);
    const description = check.text('input.description', input.description, RULES.description);
    for (const key of ['organizationId', 'directiveId', 'themeId'] as const) check.uuid(`input.${key}`, input[key]);
    if (!input.directiveId && !input.themeId) check.add('input.directiveId', 'or input.themeId is required: what does the campaign spread?');
    check.day('input.periodFrom', input.periodFrom, 'planned');
    check.day('input.periodTo', input.periodTo, 'planned');
    check.dateRange('input.periodFrom', input.periodFrom, 'input.periodTo', input.periodTo);
    for (const key of ['targetItems', 'targetExemplarItems', 'targetPerOutlet'] as const) {
      const v = input[key];
      if (v != null && (v < 0 || v > MAX_TARGET)) check.add(`input.${key}`, `must be between 0 and ${MAX_TARGET} (got ${v}).`);
    }
    if (input.targetExemplarItems != null && input.targetItems != null && input.targetExemplarItems > input.targetItems)
      check.add('input.targetExemplarItems', `must not exceed targetItems (${input.targetItems}).`);
    const participants = [...new Set(input.participantIds ?? [])];
    if (participants.length > MAX_PARTICIPANTS) check.add('input.participantIds', `must list at most ${MAX_PARTICIPANTS} organizations.`);
    else check.uuids('input.participantIds', participants);
    check.done();
    const directory = new Directory(this.ctx);
    if (given.organizationId) {
      await directory.requireLive(given.organizationId, 'input.organizationId');
      await this.requireInScope(given.organizationId);
    }
    if (given.participantIds) await Promise.all(participants.map((p, i) => directory.requireLive(p, `input.participantIds.${i}`)));
    // What the campaign spreads lives in the directives subgraph: asked there, only when this write changes it.
    await requireLiveDirectiveLinks(this.ctx, [
      ...(given.directiveId ? [{ typename: 'Directive', id: given.directiveId, path: 'input.directiveId' }] : []),
      ...(given.themeId ? [{ typename: 'Theme', id: given.themeId, path: 'input.themeId' }] : []),
    ]);
    return {
      name: name!,
      description: description ?? null,
      organizationId: input.organizationId,
      directiveId: input.directiveId ?? null,
      themeId: input.themeId ?? null,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      participantIds: participants,
      targetItems: input.targetItems,
      targetExemplarItems: input.targetExemplarItems ?? 0,
      targetPerOutlet: input.targetPerOutlet ?? null,
    };
  }
}
