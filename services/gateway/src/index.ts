export { loadGatewayConfig, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config.js';
export { startGateway, type GatewayOptions } from './gateway.js';
export type { GatewayContext } from './context.js';
export type { SubgraphHeaders } from './subgraphs.js';
