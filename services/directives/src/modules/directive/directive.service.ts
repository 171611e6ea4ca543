import {
  checkExpectedVersion,
  conflict,
  documentNumberKey,
  InputCheck,
  notFound,
  parseDocumentNumber,
  searchKey,
  titleTypeConflict,
  type DocumentNumber,
  type RequestContext,
  type TextRule,
} from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DirectiveRecord } from './directive.entity.js';
import { DirectiveStatus, DocumentFamily, DocumentType } from './directive.enums.js';
import type { CreateDirectiveInput, UpdateDirectiveInput } from './directive.inputs.js';

/** Field rules shared by create and update, so both refuse the same values. */
const RULES = {
  title: { max: 1000, required: true },
  summary: { max: 10_000, kind: 'note' },
  term: { max: 20 },
  fullTextUrl: { max: 2000 },
} satisfies Record<string, TextRule>;

// Committee terms are written in Roman numerals (khóa XIII).
const TERM = /^[IVXLC]{1,10}$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** The stored columns a number decides, and the searchable text. */
function numberColumns(parsed: DocumentNumber, family: DocumentFamily, term: string | null, issuedOn: string) {
  return {
    number: parsed.canonical,
    numberKey: documentNumberKey(parsed.canonical),
    numberInt: parsed.number,
    numberYear: parsed.year,
    typeCode: parsed.typeCode,
    issuerCode: parsed.issuerCode,
    // Party numbering restarts each committee term, State numbering each calendar year.
    numberingPeriod: family === DocumentFamily.STATE ? String(parsed.year ?? Number(issuedOn.slice(0, 4))) : term!,
  };
}

const searchTextOf = (d: Pick<DirectiveRecord, 'title' | 'summary' | 'number'>) =>
  `${documentNumberKey(d.number)} ${searchKey([d.number, d.title, d.summary].filter(Boolean).join(' '))}`;

/** Two writers registering the same number at once: the unique index decides, and the loser gets the same CONFLICT. */
async function flushUnique(em: EntityManager, d: DirectiveRecord): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException)
      throw conflict(`${d.number} (${d.numberingPeriod}) is already registered.`, { fields: [{ path: 'input.number', message: 'is already registered.' }] });
    throw err;
  }
}

/**
 * Writes to the document registry (admins). Every write is one transaction;
 * a number is parsed leniently and stored canonically, and a number that
 * already exists under the numbering rules is refused with CONFLICT naming it.
 */
export class DirectiveService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateDirectiveInput): Promise<DirectiveRecord> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck('create');
      const fields = this.checkFields(check, input);
      check.done();
      const record = em.create(DirectiveRecord, {
        numberAsWritten: input.number.trim(),
        ...fields.columns!,
        family: fields.family!,
        documentType: fields.documentType!,
        title: fields.title!,
        summary: fields.summary ?? null,
        issuedOn: input.issuedOn,
        issuerId: input.issuerId,
        status: input.status ?? DirectiveStatus.IN_FORCE,
        fullTextUrl: fields.fullTextUrl ?? null,
        titleTypeConflict: titleTypeConflict(fields.title!, fields.parsed!),
        searchText: '',
      });
      record.searchText = searchTextOf(record);
      await this.requireIssuer(input.issuerId, 'input.issuerId');
      await this.requireUnique(em, record);
      await flushUnique(em, record);
      return record;
    });
  }

  async update(id: string, input: UpdateDirectiveInput, expectedVersion?: number | null): Promise<DirectiveRecord> {
    return this.ctx.em.transactional(async (em) => {
      const d = await this.liveForUpdate(em, id);
      checkExpectedVersion('Directive', d, expectedVersion);
      const merged: CreateDirectiveInput = {
        number: input.number ?? d.numberAsWritten,
        family: input.family ?? d.family,
        documentType: input.documentType ?? d.documentType,
        term: input.term !== undefined ? input.term : d.family === DocumentFamily.STATE ? null : d.numberingPeriod,
        title: input.title ?? d.title,
        summary: input.summary !== undefined ? input.summary : d.summary,
        issuedOn: input.issuedOn ?? d.issuedOn,
        issuerId: input.issuerId ?? d.issuerId,
        status: input.status ?? (d.status === DirectiveStatus.SUPERSEDED ? null : d.status),
        fullTextUrl: input.fullTextUrl !== undefined ? input.fullTextUrl : d.fullTextUrl,
      };
      const check = new InputCheck('update');
      // Required fields may be omitted from an update, never cleared.
      for (const key of ['number', 'family', 'documentType', 'title', 'issuedOn', 'issuerId', 'status'] as const) check.required(`input.${key}`, input[key]);
      const fields = this.checkFields(check, merged, input);
      check.done();
      if (input.issuerId) await this.requireIssuer(input.issuerId, 'input.issuerId');
      Object.assign(d, fields.columns, {
        numberAsWritten: merged.number.trim(),
        family: fields.family,
        documentType: fields.documentType,
        title: fields.title,
        summary: fields.summary ?? null,
        issuedOn: merged.issuedOn,
        issuerId: merged.issuerId,
        fullTextUrl: fields.fullTextUrl ?? null,
        titleTypeConflict: titleTypeConflict(fields.title!, fields.parsed!),
      });
      if (input.status) d.status = input.status;
      d.searchText = searchTextOf(d);
      await this.requireUnique(em, d);
      await flushUnique(em, d);
      return d;
    });
  }

  async remove(id: string): Promise<DirectiveRecord> {
    return this.ctx.em.transactional(async (em) => {
      const d = await this.liveForUpdate(em, id);
      d.deletedAt = new Date();
      await em.flush();
      return d;
    });
  }

  async restore(id: string): Promise<DirectiveRecord> {
    return this.ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const d = await em.findOne(DirectiveRecord, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!d) throw notFound('Directive', id, 'id');
      if (!d.deletedAt) return d;
      d.deletedAt = null;
      // Another document may have taken its number meanwhile.
      await this.requireUnique(em, d);
      await flushUnique(em, d);
      return d;
    });
  }

  /** Locks a live document for a write, or NOT_FOUND. */
  async liveForUpdate(em: EntityManager, id: string, path = 'id'): Promise<DirectiveRecord> {
    const check = new InputCheck();
    check.uuid(path, id);
    check.done();
    const d = await em.findOne(DirectiveRecord, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!d) throw notFound('Directive', id, path);
    return d;
  }

  /**
   * Every rule of a document's fields, for create (`given` absent) and update
   * (`given`: what the caller sent, so messages name only fields they touched
   * where that matters). Returns the cleaned values.
   */
  private checkFields(check: InputCheck, input: CreateDirectiveInput, given: UpdateDirectiveInput = input) {
    const title = check.text('input.title', input.title, RULES.title);
    const summary = check.text('input.summary', input.summary, RULES.summary);
    const fullTextUrl = check.text('input.fullTextUrl', input.fullTextUrl, RULES.fullTextUrl);
    if (fullTextUrl && !HTTP_URL.test(fullTextUrl)) check.add('input.fullTextUrl', 'must be an http:// or https:// address.');
    check.uuid('input.issuerId', input.issuerId);
    if (input.status === DirectiveStatus.SUPERSEDED) check.add('input.status', 'is set by recording a SUPERSEDES relation from the document that replaces it.');
    check.day('input.issuedOn', input.issuedOn, 'past');

    const result = parseDocumentNumber(input.number);
    if (!result.ok) {
      check.add('input.number', result.message);
      return { title, summary, fullTextUrl };
    }
    const parsed = result.value;
    const family = input.family ?? (parsed.style === 'PARTY' ? DocumentFamily.PARTY : DocumentFamily.STATE);
    if (family === DocumentFamily.STATE && parsed.style === 'PARTY')
      check.add('input.family', `State documents are numbered like 123/QĐ-UBND, not like ${parsed.canonical}.`);
    if (family !== DocumentFamily.STATE && parsed.style === 'STATE')
      check.add('input.family', `${family} documents are numbered like 01-KL/TW, not like ${parsed.canonical}.`);
    if (parsed.year !== null && parsed.year !== Number(input.issuedOn.slice(0, 4))) {
      check.add('input.issuedOn', `is in ${input.issuedOn.slice(0, 4)}, but the number ${parsed.canonical} was issued in ${parsed.year}.`);
    }
    const documentType = input.documentType ?? parsed.documentType;
    if (!documentType) check.add('input.documentType', `is required: the number ${parsed.canonical} has no type code.`);
    const term = check.text('input.term', input.term, RULES.term)?.toUpperCase() ?? null;
    if (family !== DocumentFamily.STATE) {
      if (!term) check.add('input.term', 'is required for Party and mass-organization documents: their numbers restart each committee term (e.g. "XIII").');
      else if (!TERM.test(term)) check.add('input.term', 'must be a committee term in Roman numerals, e.g. "XIII".');
    } else if (given.term) check.add('input.term', 'applies to Party documents only: State numbers restart each year.');
    return {
      title,
      summary,
      fullTextUrl,
      parsed,
      family,
      documentType: documentType ?? DocumentType.OTHER,
      columns: numberColumns(parsed, family, term, input.issuedOn),
    };
  }

  private async requireIssuer(id: string, path: string): Promise<void> {
    await new Directory(this.ctx).requireLive(id, path);
  }

  /** The numbering rules: one live document per (family, issuer, type, term or year, number). */
  private async requireUnique(em: EntityManager, d: DirectiveRecord): Promise<void> {
    const [same] = await em.execute<{ id: string; title: string }[]>(
      `select id, title from directive where deleted_at is null and id <> ? and family = ? and issuer_code = ? and coalesce(type_code, '') = ? and numbering_period = ? and number_int = ? limit 1`,
      [d.id, d.family, d.issuerCode, d.typeCode ?? '', d.numberingPeriod, d.numberInt],
    );
    if (same) {
      throw conflict(`${d.number} (${d.numberingPeriod}) is already registered: “${same.title}” (id ${same.id}).`, {
        existingId: same.id,
        fields: [{ path: 'input.number', message: 'is already registered.' }],
      });
    }
  }
}
