import type { Caller } from '@lantoa/kit';
import { AsyncLocalStorage } from 'node:async_hooks';

/** What every resolver and subgraph call of one HTTP request sees. */
export interface GatewayContext {
  requestId: string;
  /** Who is asking, as verified by identity (ANONYMOUS without credentials). */
  caller: Caller;
  /**
   * The signed caller proof for the subgraphs: signed on first use and shared
   * by every subgraph fetch of the request (renewed only if it nears expiry).
   */
  proof(): Promise<string>;
}

/**
 * The request id of the HTTP request being served. Apollo's formatError gets
 * no context, and some errors (context creation, unexpected failures) never
 * reach a plugin hook, yet each masked error must still quote its id.
 */
export const currentRequest = new AsyncLocalStorage<{ requestId: string }>();
