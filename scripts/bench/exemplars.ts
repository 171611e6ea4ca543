import type { TreeFixture } from './database.js';
import type { Comparison, Row } from './report.js';
import { listTotal, nonEmpty, pick, walkList, type Scenario, type Target } from './scenarios.js';

const PAGE_SIZE = 50;
/** The deep page: 100,000 exemplars / 50 = 2,000 pages. */
const DEEP_PAGE = 2_000;
/** Both orderings the console offers with a keyset index; alternating them keeps each request from repeating the last. */
const ORDERS = [[{ field: 'CREATED_AT', direction: 'DESC' }], [{ field: 'NAME', direction: 'ASC' }]];

export interface ExemplarPages {
  /** The deep page's number: 2,000, or the last page of a smaller volume. */
  page: number;
  /** Per ordering, the end cursor of the page before it. */
  starts: { orderBy: (typeof ORDERS)[number]; after: string }[];
}

/**
 * The start of the deep page in each ordering, found by walking the list once
 * with `after` as a client paging on would: pages of 200 (fewer requests),
 * then smaller ones to land exactly at the end of page 1,999 (99,950 rows).
 */
export async function collectExemplarPages(url: string, headers: Record<string, string>): Promise<ExemplarPages> {
  const total = await listTotal(url, headers, 'exemplars');
  const page = Math.min(DEEP_PAGE, Math.ceil(total / PAGE_SIZE));
  const before = (page - 1) * PAGE_SIZE;
  // One walk per ordering, side by side: the deep pages of NAME order take tens of ms each.
  const starts = await Promise.all(
    ORDERS.map(async (orderBy) => {
      const { ends } = await walkList(url, headers, {
        field: 'exemplars',
        params: '$orderBy: [ExemplarOrder!]',
        args: 'orderBy: $orderBy',
        variables: { orderBy },
        size: (seen) => Math.min(200, before - seen),
      });
      const end = ends.at(-1);
      if (end?.seen !== before) throw new Error(`Walking the exemplars stopped after ${end?.seen ?? 0} of ${before} (totalCount ${total}).`);
      return { orderBy, after: end.cursor };
    }),
  );
  return { page, starts };
}

type ExemplarList = { exemplars: { nodes: unknown[] } };
const exemplarNodes = (d: unknown) => nonEmpty('exemplars', (d as ExemplarList).exemplars.nodes);

// No field from another subgraph: the same document runs on both targets and measures the keyset itself.
const KEYSET = `query Keyset($after: String, $orderBy: [ExemplarOrder!]) {
  exemplars(first: ${PAGE_SIZE}, after: $after, orderBy: $orderBy) { nodes { id name status recognisedOn } pageInfo { hasNextPage endCursor } }
}`;

export const MAIN_PAGE = { gateway: 'exemplars: district page, org names + commendation counts', subgraph: 'exemplars: same page, names from the replica' };

/** The exemplars main page through the gateway and from the subgraph alone, measured at every exemplar volume. */
export function exemplarListScenarios(tree: TreeFixture): Scenario[] {
  const districtPage = (random: () => number) => ({ id: pick(random, tree.districtIds), offset: Math.floor(random() * 4) * PAGE_SIZE });
  return [
    {
      name: MAIN_PAGE.gateway,
      targets: ['gateway'],
      query: `query Exemplars($id: ID!, $offset: Int!) {
  exemplars(filter: { organizationId: $id, includeDescendants: true }, first: ${PAGE_SIZE}, offset: $offset) {
    totalCount nodes { id name status commendationCount organization { name } }
  }
}`,
      variables: districtPage,
      check: exemplarNodes,
    },
    {
      name: MAIN_PAGE.subgraph,
      targets: ['subgraph'],
      subgraph: 'exemplars',
      query: `query Exemplars($id: ID!, $offset: Int!) {
  exemplars(filter: { organizationId: $id, includeDescendants: true }, first: ${PAGE_SIZE}, offset: $offset) {
    totalCount nodes { id name status commendationCount organizationName }
  }
}`,
      variables: districtPage,
      check: exemplarNodes,
    },
  ];
}

export const keysetName = (page: number) => `exemplars: keyset page ${page.toLocaleString('en')}`;

/** Keyset page 1 against the deep page, on the last volume. */
export function keysetScenarios(pages: ExemplarPages): Scenario[] {
  return [
    {
      name: keysetName(1),
      targets: ['gateway', 'subgraph'],
      subgraph: 'exemplars',
      query: KEYSET,
      variables: (random) => ({ orderBy: pick(random, pages.starts).orderBy, after: null }),
      check: exemplarNodes,
    },
    {
      name: keysetName(pages.page),
      targets: ['gateway', 'subgraph'],
      subgraph: 'exemplars',
      query: KEYSET,
      variables: (random) => pick(random, pages.starts),
      check: exemplarNodes,
    },
  ];
}

/**
 * What the two exemplar issues ask, from the rows measured: the main page
 * through the gateway against the subgraph alone, page 1 against the deep
 * page, and the main page at each smaller volume against the last.
 */
export function exemplarComparisons(rows: Row[], volumes: number[], pages: ExemplarPages): Comparison[] {
  const last = volumes.at(-1)!;
  const find = (scenario: string, target: Target, exemplars = last) =>
    rows.find((r) => r.scenario === scenario && r.target === target && r.exemplars === exemplars);
  const pairs: (Omit<Comparison, 'from' | 'to'> & { from?: Row; to?: Row })[] = [
    {
      label: 'Exemplars main page, subgraph alone → through the gateway',
      from: find(MAIN_PAGE.subgraph, 'subgraph'),
      to: find(MAIN_PAGE.gateway, 'gateway'),
      goal: 'the gateway at ≥ 60% of the subgraph’s req/s',
    },
    ...(['gateway', 'subgraph'] as const).map((target) => ({
      label: `${keysetName(1)} → page ${pages.page.toLocaleString('en')}, via ${target}`,
      from: find(keysetName(1), target),
      to: find(keysetName(pages.page), target),
      goal: 'the deep page as fast as page 1',
    })),
    ...volumes.slice(0, -1).flatMap((volume) =>
      Object.entries(MAIN_PAGE).map(([target, scenario]) => ({
        label: `Exemplars main page via ${target}, ${volume.toLocaleString('en')} → ${last.toLocaleString('en')} exemplars`,
        from: find(scenario, target as Target, volume),
        to: find(scenario, target as Target),
        goal: 'latency within 20%',
      })),
    ),
  ];
  return pairs.filter((p): p is Comparison => !!p.from && !!p.to);
}
