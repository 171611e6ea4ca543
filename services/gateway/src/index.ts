export { loadGatewayConfig, DEFAULT_SUPERGRAPH_PATH, gatewayShape, gatewayVariables, IDENTITY_SUBGRAPH, type GatewayConfig } from './config.js';
export { startGateway, type GatewayOptions } from './gateway.js';
export type { GatewayContext } from './context.js';
export type { SubgraphHeaders } from './subgraphs.js';
export { ipKey, memoryRateLimiter, redisRateLimiter, type RateLimiter, type RateDecision } from './rate-limit.js';
