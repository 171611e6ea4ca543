import type { TreeFixture } from './database.js';
import { queryData } from './graphql.js';

export type Target = 'gateway' | 'subgraph';

/** A uniform random number in [0, 1) from a seeded generator: every run of a scenario sends the same sequence. */
export type Random = () => number;

export interface Scenario {
  name: string;
  targets: Target[];
  /** The subgraph the 'subgraph' target means; default organizations. */
  subgraph?: string;
  query: string;
  /** Fresh variables for each request, so we measure queries and not caches. */
  variables(random: Random): Record<string, unknown>;
  /** A problem with a sample answer's `data` (an empty page where one was expected…), or undefined. */
  check(data: unknown): string | undefined;
}

/** mulberry32: small, fast and good enough to pick parameters. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/**
 * Search terms a person might type for an organization of the generated tree:
 * its kind's first word and its number without the last part, e.g.
 * "Chi bộ bench bench.3.7.12" → "Chi 3.7" (with level GRASSROOTS) finds the
 * cells of commune 3.7, and of 13.7, 5.3.7 … — result sizes vary, never zero.
 */
export function searchTerm(o: { name: string; level: string }): { q: string; level: string } {
  const words = o.name.split(' ');
  const parts = /\.([\d.]+)$/.exec(o.name)?.[1]?.split('.') ?? [];
  const number = parts.length > 1 ? parts.slice(0, -1).join('.') : parts.join('.');
  return { q: `${words[0]} ${number}`.trim(), level: o.level };
}

interface Page {
  organizations: { totalCount?: number; nodes: unknown[]; pageInfo?: { hasNextPage: boolean; endCursor: string | null } };
}

type Connection = { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** How many the caller sees in a list, e.g. `exemplars` or `organizations`. */
export async function listTotal(url: string, headers: Record<string, string>, field: string): Promise<number> {
  const data = await queryData<Record<string, Connection>>(url, { query: `{ ${field}(first: 0) { totalCount } }` }, headers);
  return data[field]!.totalCount;
}

/**
 * Walks a list from its start with `after`, as a client paging on would,
 * `size(seen)` rows at a time, until the list ends or `size` says 0. Returns
 * how many rows it saw and each page's end cursor with the rows before it.
 * `params` declares extra variables (`$orderBy: [ExemplarOrder!]`), `args` uses them.
 */
export async function walkList(
  url: string,
  headers: Record<string, string>,
  o: { field: string; params?: string; args?: string; variables?: Record<string, unknown>; size: (seen: number) => number },
): Promise<{ seen: number; ends: { seen: number; cursor: string }[] }> {
  const query = `query($first: Int!, $after: String${o.params ? `, ${o.params}` : ''}) {
  ${o.field}(first: $first, after: $after${o.args ? `, ${o.args}` : ''}) { pageInfo { hasNextPage endCursor } nodes { id } }
}`;
  const ends: { seen: number; cursor: string }[] = [];
  let after: string | null = null;
  let seen = 0;
  for (let first = o.size(0); first > 0; first = o.size(seen)) {
    const data: Record<string, Connection> = await queryData<Record<string, Connection>>(url, { query, variables: { ...o.variables, first, after } }, headers);
    const page = data[o.field]!;
    seen += page.nodes.length;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
    ends.push({ seen, cursor: after });
  }
  return { seen, ends };
}

/**
 * End cursors of pages in the second half of the default (name) order,
 * collected by walking the whole list once: the deep-page scenario then
 * starts each request at one of them. Pages of 50 for the default tree (about
 * 100 cursors); larger pages for large trees, so the walk stays within a few
 * hundred requests.
 */
export async function collectDeepCursors(subgraphUrl: string, headers: Record<string, string>): Promise<string[]> {
  const total = await listTotal(subgraphUrl, headers, 'organizations');
  const pageSize = Math.min(200, Math.max(50, Math.ceil(total / 400)));
  const { seen, ends } = await walkList(subgraphUrl, headers, { field: 'organizations', size: () => pageSize });
  if (seen !== total) throw new Error(`Walking the list saw ${seen} organizations, but totalCount says ${total}.`);
  return ends.filter((e) => e.seen >= total / 2).map((e) => e.cursor);
}

export const nonEmpty = (label: string, list: unknown[] | undefined) => (list && list.length > 0 ? undefined : `${label} is empty`);

/** The organizations and tasks scenarios; exemplars.ts and media.ts have theirs. */
export function buildScenarios(tree: TreeFixture, deepCursors: string[]): Scenario[] {
  const terms = tree.named.map(searchTerm);
  return [
    {
      name: 'list: search + level + totalCount',
      targets: ['gateway', 'subgraph'],
      query: `query List($q: String!, $level: OrganizationLevel!) {
  organizations(filter: { q: $q, level: $level }, first: 50) { totalCount nodes { id name level parent { name } } }
}`,
      variables: (random) => pick(random, terms),
      check: (d) => {
        const c = (d as Page).organizations;
        return c.totalCount! > 0 ? nonEmpty('nodes', c.nodes) : 'totalCount is 0';
      },
    },
    {
      name: 'deep keyset page',
      targets: ['gateway', 'subgraph'],
      query: `query Deep($after: String!) {
  organizations(first: 50, after: $after) { nodes { id name level } pageInfo { hasNextPage endCursor } }
}`,
      variables: (random) => ({ after: pick(random, deepCursors) }),
      check: (d) => nonEmpty('nodes', (d as Page).organizations.nodes),
    },
    {
      name: 'subtree list (district)',
      targets: ['gateway', 'subgraph'],
      query: `query Subtree($id: ID!) {
  organizations(filter: { parentId: $id, includeDescendants: true }, first: 100) { totalCount nodes { id name depth } }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds) }),
      check: (d) => nonEmpty('nodes', (d as Page).organizations.nodes),
    },
    {
      name: 'task list: district subtree, overdue first',
      targets: ['gateway'],
      query: `query Tasks($id: ID!) {
  tasks(filter: { organizationId: $id, includeDescendants: true }, first: 50) {
    totalCount nodes { title dueOn deadlineStatus directive { number issuer { name } } leadOrganization { name parent { name } } }
  }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds) }),
      check: (d) => nonEmpty('tasks', (d as { tasks: { nodes: unknown[] } }).tasks.nodes),
    },
    {
      name: 'node + children counts',
      targets: ['gateway', 'subgraph'],
      query: `query Node($id: ID!) {
  organization(id: $id) { descendantCount children(first: 25) { totalCount nodes { name descendantCount } } }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds) }),
      check: (d) => {
        const o = (d as { organization: { descendantCount: number; children: { nodes: unknown[] } } | null }).organization;
        if (!o) return 'organization is null';
        return o.descendantCount > 0 ? nonEmpty('children', o.children.nodes) : 'descendantCount is 0';
      },
    },
    {
      // The gateway does not expose _entities: this is what it sends a subgraph when another one references 100 organizations.
      name: '_entities × 100',
      targets: ['subgraph'],
      query: `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name level } } }`,
      variables: (random) => ({
        r: Array.from({ length: 100 }, () => ({ __typename: 'Organization', id: pick(random, tree.ids) })),
      }),
      check: (d) => {
        const list = (d as { _entities: unknown[] })._entities;
        if (list.length !== 100) return `${list.length} entities instead of 100`;
        return list.every(Boolean) ? undefined : 'some entities are null';
      },
    },
  ];
}
