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

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

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

/**
 * End cursors of pages in the second half of the default (name) order,
 * collected by walking the whole list once, as a client paging on would: the
 * deep-page scenario then starts each request at one of them. Pages of 50 for
 * the default tree (about 100 cursors); larger pages for large trees, so the
 * walk stays within a few hundred requests.
 */
export async function collectDeepCursors(subgraphUrl: string, headers: Record<string, string>): Promise<string[]> {
  const count = await queryData<Page>(subgraphUrl, { query: '{ organizations(first: 0) { totalCount nodes { id } } }' }, headers);
  const total = count.organizations.totalCount!;
  const pageSize = Math.min(200, Math.max(50, Math.ceil(total / 400)));
  const query = `query($after: String) { organizations(first: ${pageSize}, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`;
  const cursors: string[] = [];
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const data: Page = await queryData<Page>(subgraphUrl, { query, variables: { after } }, headers);
    const page = data.organizations;
    seen += page.nodes.length;
    if (!page.pageInfo?.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
    if (seen >= total / 2) cursors.push(after);
  }
  if (seen !== total) throw new Error(`Walking the list saw ${seen} organizations, but totalCount says ${total}.`);
  return cursors;
}

const nonEmpty = (label: string, list: unknown[] | undefined) => (list && list.length > 0 ? undefined : `${label} is empty`);

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
      name: 'exemplars: district page, org names + commendation counts',
      targets: ['gateway'],
      query: `query Exemplars($id: ID!, $offset: Int!) {
  exemplars(filter: { organizationId: $id, includeDescendants: true }, first: 50, offset: $offset) {
    totalCount nodes { id name status commendationCount organization { name } }
  }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds), offset: Math.floor(random() * 4) * 50 }),
      check: (d) => nonEmpty('exemplars', (d as { exemplars: { nodes: unknown[] } }).exemplars.nodes),
    },
    {
      name: 'exemplars: same page, names from the replica',
      targets: ['subgraph'],
      subgraph: 'exemplars',
      query: `query Exemplars($id: ID!, $offset: Int!) {
  exemplars(filter: { organizationId: $id, includeDescendants: true }, first: 50, offset: $offset) {
    totalCount nodes { id name status commendationCount organizationName }
  }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds), offset: Math.floor(random() * 4) * 50 }),
      check: (d) => nonEmpty('exemplars', (d as { exemplars: { nodes: unknown[] } }).exemplars.nodes),
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
