import type { TreeFixture } from './database.js';
import { nonEmpty, pick, type Random, type Scenario } from './scenarios.js';

/** Years with published items and honoured exemplars in the generated data (2022–2025). */
const YEARS = [2022, 2023, 2024, 2025];
const period = (random: Random) => {
  const year = pick(random, YEARS);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
};

interface OutletPage {
  mediaItems: { nodes: { outlet: { name: string } | null; exemplars: unknown[] }[] };
}

/** Media through the gateway: an outlet's list page, the uncovered-exemplars to-do list and a district's coverage. */
export function mediaScenarios(tree: TreeFixture): Scenario[] {
  return [
    {
      name: 'media: outlet page, outlet names + exemplars',
      targets: ['gateway'],
      query: `query OutletItems($id: ID!, $offset: Int!) {
  mediaItems(filter: { outletId: $id }, first: 50, offset: $offset) {
    totalCount nodes { id title kind status publishedAt outlet { name } exemplars { id name status } }
  }
}`,
      // About 200 items per outlet, 4 in 7 of them published or archived (all the demo reader may read): the first two pages are full.
      variables: (random) => ({ id: pick(random, tree.outletIds), offset: Math.floor(random() * 2) * 50 }),
      check: (d) => {
        const nodes = (d as OutletPage).mediaItems.nodes;
        if (nodes.length !== 50) return `${nodes.length} items instead of 50`;
        if (!nodes.every((n) => n.outlet?.name)) return 'an outlet name is missing';
        return nodes.some((n) => n.exemplars.length > 0) ? undefined : 'no item links an exemplar';
      },
    },
    {
      name: 'media: uncovered exemplars of a district, one year',
      targets: ['gateway'],
      query: `query Uncovered($id: ID!, $from: Date!, $to: Date!) {
  uncoveredExemplars(honouredFrom: $from, honouredTo: $to, organizationId: $id, includeDescendants: true, first: 50) {
    totalCount nodes { honouredOn exemplar { id name organization { name } } }
  }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds), ...period(random) }),
      check: (d) => nonEmpty('uncoveredExemplars', (d as { uncoveredExemplars: { nodes: unknown[] } }).uncoveredExemplars.nodes),
    },
    {
      name: 'media: coverageStats of a district by outlet, one year',
      targets: ['gateway'],
      query: `query Coverage($id: ID!, $from: Date!, $to: Date!) {
  organization(id: $id) { name coverageStats(input: { groupBy: [OUTLET], publishedFrom: $from, publishedTo: $to }) { count views shares outlet { name } } }
}`,
      variables: (random) => ({ id: pick(random, tree.districtIds), ...period(random) }),
      check: (d) => nonEmpty('coverageStats', (d as { organization: { coverageStats: unknown[] } | null }).organization?.coverageStats),
    },
  ];
}
