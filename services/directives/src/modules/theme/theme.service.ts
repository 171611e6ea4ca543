import { checkExpectedVersion, InputCheck, notFound, searchKey, type RequestContext, type TextRule } from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DirectiveService } from '../directive/directive.service.js';
import { Theme } from './theme.entity.js';
import type { CreateThemeInput, UpdateThemeInput } from './theme.inputs.js';

const RULES = { title: { max: 1000, required: true }, description: { max: 10_000, kind: 'note' } } satisfies Record<string, TextRule>;
const YEARS = { min: 1945, max: 2100 };

/** Writes to annual themes (admins, like the registry they come from). */
export class ThemeService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateThemeInput): Promise<Theme> {
    return this.ctx.em.transactional(async (em) => {
      const values = await this.checked(em, new InputCheck('create'), input);
      const theme = em.create(Theme, { ...values, searchText: searchKey(`${values.title} ${values.description ?? ''}`) });
      await em.flush();
      return theme;
    });
  }

  async update(id: string, input: UpdateThemeInput, expectedVersion?: number | null): Promise<Theme> {
    return this.ctx.em.transactional(async (em) => {
      const theme = await this.liveForUpdate(em, id);
      checkExpectedVersion('Theme', theme, expectedVersion);
      const check = new InputCheck('update');
      for (const key of ['title', 'issuerId', 'yearFrom', 'yearTo'] as const) check.required(`input.${key}`, input[key]);
      const merged: CreateThemeInput = {
        title: input.title ?? theme.title,
        description: input.description !== undefined ? input.description : theme.description,
        issuerId: input.issuerId ?? theme.issuerId,
        yearFrom: input.yearFrom ?? theme.yearFrom,
        yearTo: input.yearTo ?? theme.yearTo,
        basisDirectiveId: input.basisDirectiveId !== undefined ? input.basisDirectiveId : theme.basisDirectiveId,
      };
      Object.assign(theme, await this.checked(em, check, merged, input));
      theme.searchText = searchKey(`${theme.title} ${theme.description ?? ''}`);
      await em.flush();
      return theme;
    });
  }

  async setDeleted(id: string, deleted: boolean): Promise<Theme> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const theme = await em.findOne(Theme, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!theme || (deleted && theme.deletedAt)) throw notFound('Theme', id, 'id');
      theme.deletedAt = deleted ? new Date() : null;
      await em.flush();
      return theme;
    });
  }

  private async liveForUpdate(em: EntityManager, id: string): Promise<Theme> {
    const check = new InputCheck();
    check.uuid('id', id);
    check.done();
    const theme = await em.findOne(Theme, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!theme) throw notFound('Theme', id, 'id');
    return theme;
  }

  /** Field rules and references; `given` is what an update sent (a reference is re-checked only when it changes). */
  private async checked(em: EntityManager, check: InputCheck, input: CreateThemeInput, given: UpdateThemeInput = input) {
    const title = check.text('input.title', input.title, RULES.title);
    const description = check.text('input.description', input.description, RULES.description);
    check.uuid('input.issuerId', input.issuerId);
    check.uuid('input.basisDirectiveId', input.basisDirectiveId);
    for (const key of ['yearFrom', 'yearTo'] as const) {
      if (input[key] < YEARS.min || input[key] > YEARS.max) check.add(`input.${key}`, `must be a year between ${YEARS.min} and ${YEARS.max}.`);
    }
    if (input.yearTo < input.yearFrom) check.add('input.yearTo', `must not be before yearFrom (${input.yearFrom}).`);
    check.done();
    if (given.issuerId) await new Directory(this.ctx).requireLive(input.issuerId, 'input.issuerId');
    if (given.basisDirectiveId) await new DirectiveService(this.ctx).liveForUpdate(em, given.basisDirectiveId, 'input.basisDirectiveId');
    return {
      title: title!,
      description: description ?? null,
      issuerId: input.issuerId,
      yearFrom: input.yearFrom,
      yearTo: input.yearTo,
      basisDirectiveId: input.basisDirectiveId ?? null,
    };
  }
}
