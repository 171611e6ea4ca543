import { Access, checkExpectedVersion, InputCheck, notFound, searchKey, type RequestContext, type TextRule, isEmail } from '@lantoa/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../organization/organization.entity.js';
import { requireInScope } from '../organization/organization.scope.js';
import { personAccess, requirePersonEditable } from './person.access.js';
import { Person } from './person.entity.js';
import type { CreatePersonInput, CreatePositionInput, UpdatePersonInput, UpdatePositionInput } from './person.inputs.js';
import { Position } from './position.entity.js';

const PHONE = /^\+?[0-9 .()-]{6,20}$/;

/** One rule per text field, for create and update alike (the check's mode decides what absence means). */
const PERSON = {
  familyName: { required: true, max: 100 },
  middleName: { max: 100 },
  givenName: { required: true, max: 100 },
  fullName: { max: 300 },
  phone: { max: 30 },
  email: { max: 200, kind: 'email' },
  address: { max: 500, kind: 'note' },
} satisfies Record<string, TextRule>;
const POSITION = { title: { required: true, max: 300 } } satisfies Record<string, TextRule>;

/** A person's fields, as create and update check them; undefined = unchanged, null = cleared. */
function checkPerson(check: InputCheck, input: CreatePersonInput | UpdatePersonInput) {
  const familyName = check.text('input.familyName', input.familyName, PERSON.familyName);
  const middleName = check.text('input.middleName', input.middleName, PERSON.middleName);
  const givenName = check.text('input.givenName', input.givenName, PERSON.givenName);
  const fullName = check.text('input.fullName', input.fullName, PERSON.fullName);
  const phone = check.text('input.phone', input.phone, PERSON.phone);
  if (phone && !PHONE.test(phone)) check.add('input.phone', 'must be a phone number, e.g. 0209 3870 000.');
  const email = check.text('input.email', input.email, PERSON.email);
  if (email && !isEmail(email)) check.add('input.email', 'must be an e-mail address.');
  const address = check.text('input.address', input.address, PERSON.address);
  return { familyName, middleName, givenName, fullName, phone, email, address };
}

const joinName = (p: Pick<Person, 'familyName' | 'middleName' | 'givenName'>) => [p.familyName, p.middleName, p.givenName].filter(Boolean).join(' ');

/** Loads a record for writing (locked), live or, with `includeDeleted`, soft-deleted too. */
async function findForWrite<T extends Person | Position>(em: EntityManager, entity: new () => T, id: string, path: string, includeDeleted = false): Promise<T> {
  const check = new InputCheck();
  check.uuid(path, id);
  check.done();
  const where = includeDeleted ? { id } : { id, deletedAt: null };
  const found = await em.findOne(entity, where as never, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!found) throw notFound(entity.name, id, path);
  return found as T;
}

/** Writes to people and their positions, each in one transaction. */
export class PersonService {
  constructor(private readonly ctx: RequestContext) {}

  createPerson(input: CreatePersonInput): Promise<Person> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      const { familyName, middleName, givenName, fullName, ...contacts } = checkPerson(check, input);
      check.done();
      const p = em.create(Person, {
        familyName: familyName!,
        middleName: middleName ?? null,
        givenName: givenName!,
        fullName: '',
        searchText: '',
        phone: contacts.phone ?? null,
        email: contacts.email ?? null,
        address: contacts.address ?? null,
      });
      p.fullName = fullName ?? joinName(p);
      p.searchText = searchKey(p.fullName);
      await em.flush();
      return p;
    });
  }

  updatePerson(id: string, input: UpdatePersonInput, expectedVersion?: number | null): Promise<Person> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('update');
      const { familyName, middleName, givenName, fullName, ...contacts } = checkPerson(check, input);
      check.done();
      const p = await findForWrite(em, Person, id, 'id');
      await requirePersonEditable(this.ctx, em, id);
      checkExpectedVersion('Person', p, expectedVersion);
      const partsChanged = familyName != null || middleName !== undefined || givenName != null;
      if (familyName != null) p.familyName = familyName;
      if (middleName !== undefined) p.middleName = middleName;
      if (givenName != null) p.givenName = givenName;
      if (contacts.phone !== undefined) p.phone = contacts.phone;
      if (contacts.email !== undefined) p.email = contacts.email;
      if (contacts.address !== undefined) p.address = contacts.address;
      // Cleared (null or blank), the full name goes back to the joined parts.
      if (fullName) p.fullName = fullName;
      else if (partsChanged || fullName === null) p.fullName = joinName(p);
      p.searchText = searchKey(p.fullName);
      await em.flush();
      return p;
    });
  }

  /** Soft delete (deleted = true) or restore (false). */
  setDeleted<T extends Person | Position>(entity: new () => T, id: string, deleted: boolean): Promise<T> {
    return this.ctx.em.transactional(async (em) => {
      const record = await findForWrite(em, entity, id, 'id', !deleted);
      if (record instanceof Position) await requireInScope(this.ctx, Access.EDIT, record.organizationId);
      else await requirePersonEditable(this.ctx, em, record.id);
      record.deletedAt = deleted ? new Date() : null;
      await em.flush();
      return record;
    });
  }

  createPosition(input: CreatePositionInput): Promise<Position> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      check.uuid('input.personId', input.personId);
      check.uuid('input.organizationId', input.organizationId);
      const title = check.text('input.title', input.title, POSITION.title);
      check.dateRange('input.validFrom', input.validFrom, 'input.validTo', input.validTo);
      check.done();
      await findForWrite(em, Person, input.personId, 'input.personId');
      const org = await em.findOne(Organization, { id: input.organizationId, deletedAt: null });
      if (!org) throw notFound('Organization', input.organizationId, 'input.organizationId');
      await requireInScope(this.ctx, Access.EDIT, input.organizationId);
      // A first position makes a person the editor's; a person with positions gets one only from who may edit them (person.access.ts).
      const access = (await personAccess(this.ctx, em, [input.personId])).get(input.personId);
      if (access?.hasPosition) await requirePersonEditable(this.ctx, em, input.personId);
      const pos = em.create(Position, {
        personId: input.personId,
        organizationId: input.organizationId,
        title: title!,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
      });
      await em.flush();
      return pos;
    });
  }

  updatePosition(id: string, input: UpdatePositionInput, expectedVersion?: number | null): Promise<Position> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('update');
      const title = check.text('input.title', input.title, POSITION.title);
      check.done();
      const pos = await findForWrite(em, Position, id, 'id');
      await requireInScope(this.ctx, Access.EDIT, pos.organizationId);
      checkExpectedVersion('Position', pos, expectedVersion);
      const validFrom = input.validFrom !== undefined ? input.validFrom : pos.validFrom;
      const validTo = input.validTo !== undefined ? input.validTo : pos.validTo;
      check.dateRange('input.validFrom', validFrom, 'input.validTo', validTo);
      check.done();
      if (title) pos.title = title;
      pos.validFrom = validFrom;
      pos.validTo = validTo;
      await em.flush();
      return pos;
    });
  }
}
