import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import type { Request } from './graphql/client';
import {
  createDocument,
  def,
  deleteDocument,
  deleteManyDocument,
  historyDocument,
  listDocument,
  MOVE_DOCUMENT,
  oneDocument,
  PAGE_LIMIT,
  RECORD_SUCCESSION_DOCUMENT,
  throughDocument,
  updateDocument,
  updateManyDocument,
} from './graphql/documents';
import { HttpError } from './graphql/client';
import { HISTORY_FIELDS } from './graphql/registry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's methods are generic over the record type
interface Connection<T = any> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** The gateway limits aliases per document (MAX_ALIASES, 15 by default): bulk writes go in documents of this many. */
export const BULK_CHUNK = 12;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Only the filter keys the API knows, without empty values (react-admin keeps cleared inputs as ''). */
export function toFilter(resource: string, filter: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const allowed = new Set(def(resource).filters);
  const out = Object.fromEntries(Object.entries(filter).filter(([k, v]) => allowed.has(k) && v !== '' && v !== undefined && v !== null));
  return Object.keys(out).length ? out : undefined;
}

/** react-admin's sort → orderBy; fields the API cannot sort by keep the server's (total) default order. */
export function toOrderBy(resource: string, sort?: { field: string; order: string }) {
  const field = sort && def(resource).sort[sort.field];
  return field ? [{ field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }] : undefined;
}

/** Writable fields only (no id, version, __typename or nested objects); '' clears an optional field. */
function pick(data: Record<string, unknown>, fields: string[], previous?: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in data)) continue;
    const v = data[f] === '' ? null : data[f];
    if (previous && JSON.stringify(previous[f] ?? null) === JSON.stringify(v ?? null)) continue;
    out[f] = v;
  }
  return out;
}

const notFound = (resource: string, id: Identifier) =>
  new HttpError('lantoa.error.NOT_FOUND', 404, { code: 'NOT_FOUND', serverMessage: `${resource} ${id} does not exist.` });

/** What the screens need beyond react-admin's methods. */
export interface LanToaDataProvider extends DataProvider {
  restore(resource: string, params: { id: Identifier }): Promise<{ data: RaRecord }>;
  move(params: { id: Identifier; parentId: Identifier | null; expectedVersion?: number }): Promise<{ data: RaRecord }>;
  recordSuccession(input: Record<string, unknown>): Promise<{ data: RaRecord[] }>;
  /** Every record of a filtered list, page after page with cursors (for exports). */
  getAll(resource: string, params: Pick<GetListParams, 'filter' | 'sort'>, onPage?: (done: number, total: number) => void): Promise<RaRecord[]>;
  /** Any query of ours that the registry has no method for (dashboard counts). */
  query<T>(document: string, variables?: Record<string, unknown>): Promise<T>;
}

export function createDataProvider(request: Request): LanToaDataProvider {
  async function page(resource: string, vars: Record<string, unknown>, fields?: string) {
    const { page } = await request<{ page: Connection }>(listDocument(resource, fields), vars);
    return page;
  }

  async function history(resource: string, id: Identifier, first: number, offset: number) {
    const { record } = await request<{ record: { history: Connection } | null }>(historyDocument(resource, HISTORY_FIELDS), { id, first, offset });
    if (!record) throw notFound(resource, id);
    return record.history;
  }

  const provider: LanToaDataProvider = {
    async getList(resource, { pagination, sort, filter }) {
      const { page: n = 1, perPage = 25 } = pagination ?? {};
      const result = await page(resource, {
        first: perPage,
        offset: (n - 1) * perPage,
        filter: toFilter(resource, filter),
        orderBy: toOrderBy(resource, sort),
      });
      return { data: result.nodes, total: result.totalCount };
    },

    async getOne(resource, { id }) {
      const { record } = await request<{ record: RaRecord | null }>(oneDocument(resource), { id });
      if (!record) throw notFound(resource, id);
      return { data: record as never };
    },

    async getMany(resource, { ids }) {
      const unique = [...new Set(ids)];
      const pages = await Promise.all(chunks(unique, PAGE_LIMIT).map((part) => page(resource, { first: part.length, filter: { ids: part } })));
      return { data: pages.flatMap((p) => p.nodes) };
    },

    async getManyReference(resource, { target, id, pagination, sort, filter }) {
      const { page: n = 1, perPage = 25 } = pagination ?? {};
      // history/<resource>: the audit trail of one record, through its `history` field.
      if (resource.startsWith('history/')) {
        const h = await history(resource.slice('history/'.length), id, perPage, (n - 1) * perPage);
        return { data: h.nodes, total: h.totalCount };
      }
      const through = def(resource).through?.[target];
      if (through) {
        const { parent } = await request<{ parent: Record<string, RaRecord[]> | null }>(throughDocument(resource, target), { id });
        const all = parent?.[through.field] ?? [];
        return { data: all.slice((n - 1) * perPage, n * perPage), total: all.length };
      }
      const result = await page(resource, {
        first: perPage,
        offset: (n - 1) * perPage,
        filter: toFilter(resource, { ...filter, [target]: id }),
        orderBy: toOrderBy(resource, sort),
      });
      return { data: result.nodes, total: result.totalCount };
    },

    async create(resource, { data }) {
      const c = def(resource).create!;
      const input = pick(data, c.fields);
      for (const [k, v] of Object.entries(input)) if (v === null) delete input[k];
      const { record } = await request<{ record: RaRecord & { token?: string; apiToken?: RaRecord } }>(createDocument(resource), { input });
      // createApiToken: the secret travels with the record once, for the screen that shows it.
      if (record.apiToken) return { data: { ...record.apiToken, token: record.token } as never };
      return { data: record as never };
    },

    async update(resource, { id, data, previousData, meta }) {
      const u = def(resource).update!;
      const input = pick(data, u.fields, meta?.sendAll ? undefined : previousData);
      // The version the user saw; a stale one is refused with CONFLICT and nothing is overwritten.
      const expectedVersion =
        (meta?.expectedVersion as number | undefined) ?? (previousData?.version as number | undefined) ?? (data.version as number | undefined);
      const { record } = await request<{ record: RaRecord }>(updateDocument(resource), { id, input, expectedVersion });
      return { data: record as never };
    },

    async updateMany(resource, { ids, data }) {
      const input = pick(data, def(resource).update!.fields);
      const done: Identifier[] = [];
      for (const part of chunks(ids, BULK_CHUNK)) {
        const vars = Object.fromEntries(part.map((id, i) => [`id${i}`, id]));
        await request(updateManyDocument(resource, part.length), { ...vars, input });
        done.push(...part);
      }
      return { data: done };
    },

    async delete(resource, { id }) {
      const { record } = await request<{ record: RaRecord }>(deleteDocument(resource), { id });
      return { data: record as never };
    },

    async deleteMany(resource, { ids }) {
      const done: Identifier[] = [];
      for (const part of chunks(ids, BULK_CHUNK)) {
        const vars = Object.fromEntries(part.map((id, i) => [`id${i}`, id]));
        await request(deleteManyDocument(resource, part.length), vars);
        done.push(...part);
      }
      return { data: done };
    },

    async restore(resource, { id }) {
      const { record } = await request<{ record: RaRecord }>(deleteDocument(resource, true), { id });
      return { data: record };
    },

    async move({ id, parentId, expectedVersion }) {
      const { record } = await request<{ record: RaRecord }>(MOVE_DOCUMENT, { id, parentId, expectedVersion });
      return { data: record };
    },

    async recordSuccession(input) {
      const { successions } = await request<{ successions: RaRecord[] }>(RECORD_SUCCESSION_DOCUMENT, { input });
      return { data: successions };
    },

    async getAll(resource, { filter, sort }, onPage) {
      const rows: RaRecord[] = [];
      let after: string | null = null;
      for (;;) {
        const vars = { first: PAGE_LIMIT, after, filter: toFilter(resource, filter), orderBy: toOrderBy(resource, sort) };
        const result: Connection = await page(resource, vars, def(resource).exportFields);
        rows.push(...result.nodes);
        onPage?.(rows.length, result.totalCount);
        if (!result.pageInfo.hasNextPage || !result.pageInfo.endCursor) return rows;
        after = result.pageInfo.endCursor;
      }
    },

    query: (document, variables) => request(document, variables),
  };
  return provider;
}
