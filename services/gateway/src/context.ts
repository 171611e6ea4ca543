import { AsyncLocalStorage } from 'node:async_hooks';

/** What every resolver and subgraph call of one HTTP request sees. */
export interface GatewayContext {
  requestId: string;
}

/**
 * The request id of the HTTP request being served. Apollo's formatError gets
 * no context, and some errors (context creation, unexpected failures) never
 * reach a plugin hook, yet each masked error must still quote its id.
 */
export const currentRequest = new AsyncLocalStorage<GatewayContext>();
