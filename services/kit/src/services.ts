/**
 * The one list of deployable services: their names, default ports and the
 * environment variable through which the gateway finds each subgraph. The
 * launcher, the schema script, the gateway config and the docker-compose test
 * all read it, so a new subgraph is added here once.
 */
export interface SubgraphInfo {
  /** Folder under services/, SDL file name under schema/, and the name in the supergraph. */
  name: string;
  /** Default port when run on one machine. */
  port: number;
  /** Variable that tells the gateway where this subgraph's /graphql endpoint is. */
  urlEnv: string;
}

export const GATEWAY_PORT = 4000;

export const SUBGRAPHS: readonly SubgraphInfo[] = [
  { name: 'organizations', port: 4001, urlEnv: 'ORGANIZATIONS_URL' },
  { name: 'identity', port: 4002, urlEnv: 'IDENTITY_URL' },
  { name: 'directives', port: 4003, urlEnv: 'DIRECTIVES_URL' },
  { name: 'exemplars', port: 4004, urlEnv: 'EXEMPLARS_URL' },
  { name: 'media', port: 4005, urlEnv: 'MEDIA_URL' },
];

export const defaultSubgraphUrl = (s: SubgraphInfo, host = '127.0.0.1') => `http://${host}:${s.port}/graphql`;
