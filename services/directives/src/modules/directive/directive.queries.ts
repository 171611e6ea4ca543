import {
  containsPattern,
  documentNumberKey,
  idTerm,
  InputCheck,
  pgArray,
  readPage,
  searchTerms,
  type Connection,
  type RequestContext,
  type SortTerm,
  loadById,
  loadLiveById,
  softDeleteCondition,
  type Caller,
} from '@lantoa/kit';
import { subtreeCondition } from '@lantoa/kit/directory';
import type { Knex } from '@mikro-orm/postgresql';
import { DirectiveRecord } from './directive.entity.js';
import { DirectiveOrderField, type DirectiveFilter, type DirectiveOrder, type DirectivesArgs } from './directive.inputs.js';

const TERMS: Record<DirectiveOrderField, Omit<SortTerm<DirectiveRecord>, 'direction'>> = {
  ISSUED_ON: { sql: 'issued_on', type: 'date', value: (d) => d.issuedOn },
  NUMBER: { sql: 'number_key', type: 'text', value: (d) => d.numberKey },
  TITLE: { sql: 'title', type: 'text', collate: true, value: (d) => d.title },
  CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (d) => d.createdAt },
};

function sortTerms(orderBy: DirectiveOrder[] | null | undefined): SortTerm<DirectiveRecord>[] {
  const asked = orderBy?.length ? orderBy : [{ field: DirectiveOrderField.ISSUED_ON, direction: 'DESC' as const }];
  const terms = asked.map((o) => ({ ...TERMS[o.field], direction: o.direction }) as SortTerm<DirectiveRecord>);
  return [...terms, idTerm(terms[0]!.direction)];
}

function checkFilter(filter: DirectiveFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', filter?.ids);
  check.uuid('filter.issuerId', filter?.issuerId);
  check.uuid('filter.relatedToId', filter?.relatedToId);
  if (filter?.q != null && filter.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  if (filter?.number != null && (filter.number.length > 100 || !documentNumberKey(filter.number)))
    check.add('filter.number', 'must be a document number of at most 100 characters, e.g. 01-KL/TW.');
  if (filter?.includeDescendants && !filter.issuerId) check.add('filter.includeDescendants', 'needs filter.issuerId.');
  if (filter?.relationKind && !filter.relatedToId) check.add('filter.relationKind', 'needs filter.relatedToId.');
  check.dateRange('filter.issuedFrom', filter?.issuedFrom, 'filter.issuedTo', filter?.issuedTo);
  check.done();
}

function applyFilter(knex: Knex, qb: Knex.QueryBuilder, filter: DirectiveFilter | null | undefined, caller: Caller): void {
  softDeleteCondition(caller, filter?.deleted)(qb);
  if (!filter) return;
  if (filter.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(filter.ids)]);
  if (filter.q) {
    // A query that is a number in any spelling ("01 kl tw") matches the folded number; otherwise every word must appear.
    const numberKey = documentNumberKey(filter.q);
    qb.where((w) => {
      w.where((all) => {
        for (const term of searchTerms(filter.q!)) all.whereRaw('search_text like ?', [containsPattern(term)]);
      });
      if (numberKey.length >= 3) w.orWhereRaw('search_text like ?', [containsPattern(numberKey)]);
    });
  }
  // number_key is the folded number of the directive_number_order_idx index: spelling and case do not matter.
  if (filter.number != null) qb.where('number_key', documentNumberKey(filter.number));
  if (filter.documentType) qb.where('document_type', filter.documentType);
  if (filter.family) qb.where('family', filter.family);
  if (filter.status) qb.where('status', filter.status);
  if (filter.issuedFrom) qb.where('issued_on', '>=', filter.issuedFrom);
  if (filter.issuedTo) qb.where('issued_on', '<=', filter.issuedTo);
  if (filter.issuerId) subtreeCondition(knex, 'issuer_id', { organizationId: filter.issuerId, includeDescendants: filter.includeDescendants })(qb);
  if (filter.relatedToId) {
    const related = (from: string, to: string) => {
      const r = knex('directive_relation').select(from).where(to, filter.relatedToId!).whereNull('deleted_at');
      if (filter.relationKind) r.where('kind', filter.relationKind);
      return r;
    };
    qb.where((w) => w.whereIn('id', related('from_id', 'to_id')).orWhereIn('id', related('to_id', 'from_id')));
  }
}

/** Read paths for documents: lists and batched lookups, plain SQL mapped onto the entity. */
export class DirectiveQueries {
  constructor(private readonly ctx: RequestContext) {}

  /** One statement for any number of ids; deleted ones included (references must still resolve). */
  byId(id: string): Promise<DirectiveRecord | null> {
    return loadById(this.ctx, DirectiveRecord, id);
  }

  live(id: string): Promise<DirectiveRecord | null> {
    return loadLiveById(this.ctx, DirectiveRecord, id);
  }

  list(args: DirectivesArgs): Promise<Connection<DirectiveRecord>> {
    checkFilter(args.filter);
    const knex = this.ctx.em.getKnex();
    const qb = knex('directive');
    applyFilter(knex, qb, args.filter, this.ctx.caller);
    return readPage(this.ctx.em, DirectiveRecord, qb, sortTerms(args.orderBy), args);
  }
}
