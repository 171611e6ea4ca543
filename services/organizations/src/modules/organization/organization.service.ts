import { checkExpectedVersion, conflict, InputCheck, notFound, searchKey, subtreeRange, type RequestContext, type TextRule } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.entity.js';
import { LEVEL_RANK, OrganizationLevel } from './organization.enums.js';
import type { CreateOrganizationInput, UpdateOrganizationInput } from './organization.inputs.js';

const ISSUER_CODE = /^[A-ZĐ0-9]{1,12}$/;

const searchTextOf = (o: Pick<Organization, 'name' | 'shortName' | 'docAbbr'>) => searchKey([o.name, o.shortName, o.docAbbr].filter(Boolean).join(' '));

/** One rule per text field, for create and update alike (the check's mode decides what absence means). */
const FIELDS = {
  name: { required: true, max: 300 },
  shortName: { max: 100 },
  docAbbr: { max: 12 },
} satisfies Record<string, TextRule>;

/** Checks the fields shared by create and update; returns the cleaned values. */
function checkFields(check: InputCheck, input: CreateOrganizationInput | UpdateOrganizationInput) {
  const name = check.text('input.name', input.name, FIELDS.name);
  const shortName = check.text('input.shortName', input.shortName, FIELDS.shortName);
  const docAbbr = check.text('input.docAbbr', input.docAbbr, FIELDS.docAbbr);
  if (docAbbr && !ISSUER_CODE.test(docAbbr)) check.add('input.docAbbr', 'must be 1–12 capital letters or digits, e.g. "TU".');
  check.required('input.type', input.type);
  check.required('input.level', input.level);
  check.uuid('input.parentId', input.parentId);
  return { name, shortName, docAbbr };
}

/**
 * Writes to the organization tree. Every write runs in one transaction and
 * is refused whole when any field is wrong.
 */
export class OrganizationService {
  constructor(private readonly ctx: RequestContext) {}

  private async liveForUpdate(em: EntityManager, id: string, path = 'id'): Promise<Organization> {
    const check = new InputCheck();
    check.uuid(path, id);
    check.done();
    const o = await em.findOne(Organization, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!o) throw notFound('Organization', id, path);
    return o;
  }

  private checkLevelUnder(check: InputCheck, level: OrganizationLevel, parent: Organization | null, path: string) {
    if (parent && LEVEL_RANK[level] < LEVEL_RANK[parent.level]) {
      check.add(path, `${level} cannot be placed under ${parent.level} organization "${parent.name}".`);
    }
  }

  async create(input: CreateOrganizationInput): Promise<Organization> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      const { name, shortName, docAbbr } = checkFields(check, input);
      check.dateRange('input.validFrom', input.validFrom, 'input.validTo', input.validTo);
      check.done();
      const parent = input.parentId ? await this.liveForUpdate(em, input.parentId, 'input.parentId') : null;
      this.checkLevelUnder(check, input.level, parent, 'input.level');
      check.done();
      const id = randomUUID();
      const o = em.create(Organization, {
        id,
        name: name!,
        shortName: shortName ?? null,
        docAbbr: docAbbr ?? null,
        type: input.type,
        level: input.level,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        searchText: '',
      });
      o.searchText = searchTextOf(o);
      await em.flush();
      return o;
    });
  }

  async update(id: string, input: UpdateOrganizationInput, expectedVersion?: number | null): Promise<Organization> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('update');
      const { name, shortName, docAbbr } = checkFields(check, input);
      check.done();
      const o = await this.liveForUpdate(em, id);
      checkExpectedVersion('Organization', o, expectedVersion);

      const validFrom = input.validFrom !== undefined ? input.validFrom : o.validFrom;
      const validTo = input.validTo !== undefined ? input.validTo : o.validTo;
      check.dateRange('input.validFrom', validFrom, 'input.validTo', validTo);
      const level = input.level ?? o.level;
      if (input.parentId !== undefined && input.parentId !== o.parentId) {
        await this.checkMove(em, check, o, input.parentId, level);
      } else if (level !== o.level) {
        const parent = o.parentId ? await em.findOne(Organization, { id: o.parentId }) : null;
        this.checkLevelUnder(check, level, parent, 'input.level');
      }
      if (level !== o.level) await this.checkChildrenLevels(em, check, o, level);
      check.done();

      if (input.parentId !== undefined && input.parentId !== o.parentId) await this.moveSubtree(em, o, input.parentId);
      if (name != null) o.name = name;
      if (shortName !== undefined) o.shortName = shortName;
      if (docAbbr !== undefined) o.docAbbr = docAbbr;
      if (input.type) o.type = input.type;
      o.level = level;
      o.validFrom = validFrom;
      o.validTo = validTo;
      o.searchText = searchTextOf(o);
      await em.flush();
      return o;
    });
  }

  /** Moves an organization (and its subtree) under another, or to the root with null. */
  async move(id: string, parentId: string | null, expectedVersion?: number | null): Promise<Organization> {
    return this.update(id, { parentId }, expectedVersion);
  }

  private async checkMove(em: EntityManager, check: InputCheck, o: Organization, parentId: string | null, level: OrganizationLevel) {
    check.uuid('input.parentId', parentId);
    if (!check.ok || parentId === null) return;
    const parent = await this.liveForUpdate(em, parentId, 'input.parentId');
    if (parent.path.startsWith(o.path)) {
      check.add('input.parentId', `"${parent.name}" is inside "${o.name}"'s subtree; moving there would create a cycle.`);
      return;
    }
    this.checkLevelUnder(check, level, parent, 'input.parentId');
  }

  private async checkChildrenLevels(em: EntityManager, check: InputCheck, o: Organization, level: OrganizationLevel) {
    const higher = Object.values(OrganizationLevel).filter((l) => LEVEL_RANK[l] < LEVEL_RANK[level]);
    if (!higher.length) return;
    const n = await em.count(Organization, { parentId: o.id, deletedAt: null, level: { $in: higher } });
    if (n) check.add('input.level', `${n} child organization(s) are above ${level}; change them first.`);
  }

  /** Rewrites the path prefix of the whole subtree in one statement. */
  private async moveSubtree(em: EntityManager, o: Organization, parentId: string | null) {
    const parent = parentId ? await em.findOneOrFail(Organization, { id: parentId }) : null;
    const oldPath = o.path;
    const newPath = `${parent?.path ?? '/'}${o.id}/`;
    const depthDelta = (parent ? parent.depth + 1 : 0) - o.depth;
    const [from, to] = subtreeRange(oldPath);
    await em.execute(`update organization set path = ? || substr(path, ?), depth = depth + ? where path >= ? and path < ?`, [
      newPath,
      oldPath.length + 1,
      depthDelta,
      from,
      to,
    ]);
    // The statement bypassed the unit of work: keep the managed entity in step so flush does not undo it.
    o.parentId = parentId;
    o.path = newPath;
    o.depth += depthDelta;
    o.updatedAt = new Date();
  }

  async remove(id: string): Promise<Organization> {
    return this.ctx.em.transactional(async (em) => {
      const o = await this.liveForUpdate(em, id);
      const children = await em.count(Organization, { parentId: id, deletedAt: null });
      if (children) throw conflict(`Organization "${o.name}" still has ${children} live child organization(s); move or delete them first.`);
      o.deletedAt = new Date();
      await em.flush();
      return o;
    });
  }

  async restore(id: string): Promise<Organization> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const o = await em.findOne(Organization, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!o) throw notFound('Organization', id, 'id');
      if (!o.deletedAt) return o;
      if (o.parentId) {
        const parent = await em.findOneOrFail(Organization, { id: o.parentId });
        if (parent.deletedAt) throw conflict(`Restore the parent "${parent.name}" first.`);
      }
      o.deletedAt = null;
      await em.flush();
      return o;
    });
  }
}
