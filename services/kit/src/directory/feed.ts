import { z } from 'zod';
import { defaultSubgraphUrl, SUBGRAPHS } from '../services.js';

/**
 * The wire contract of the organization change feed, shared by its server
 * (the organizations subgraph) and its followers (every other subgraph).
 */

/** GET ?after=<seq>&limit=<n> → FeedPage; authenticated with a service proof (ORGANIZATION_FEED_AUDIENCE). */
export const ORGANIZATION_FEED_PATH = '/internal/organization-feed';

export const FEED_DEFAULT_LIMIT = 1000;
export const FEED_MAX_LIMIT = 5000;

/** An organization as the directory knows it (the organizations subgraph's row, minus what only it needs). */
export interface DirectoryState {
  id: string;
  parentId: string | null;
  /** Materialized path `/rootId/…/id/`, byte-ordered (see organization.queries.ts). */
  path: string;
  depth: number;
  level: string;
  type: string;
  name: string;
  shortName: string | null;
  /** Diacritic-free names, for search (kit/text.ts searchKey). */
  searchText: string;
  validFrom: string | null;
  validTo: string | null;
  deletedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface FeedChange {
  seq: number;
  organizationId: string;
  /** The organization as committed by that write; null if the row no longer exists. */
  state: DirectoryState | null;
}

export interface FeedPage {
  /** Ordered by seq; a transaction is never split across pages. */
  changes: FeedChange[];
  /** The seq to pass as `after` next time (the last change's, or `after` when there was none). */
  lastSeq: number;
  /** More changes were already committed: ask again at once. */
  hasMore: boolean;
}

/** The feed's URL on the organizations subgraph, from its GraphQL URL (ORGANIZATIONS_URL). */
export function organizationFeedUrl(organizationsGraphqlUrl: string): string {
  return new URL(ORGANIZATION_FEED_PATH, organizationsGraphqlUrl).toString();
}

const organizations = SUBGRAPHS.find((s) => s.name === 'organizations')!;

/** What a consuming subgraph adds to its descriptor's `env` (identity has it already, for auditEvents). */
export const directoryEnv = {
  /** The organizations subgraph's /graphql URL; its feed is beside it (organizationFeedUrl). */
  ORGANIZATIONS_URL: z.string().url().default(defaultSubgraphUrl(organizations)),
};
