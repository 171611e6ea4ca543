import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../auth/caller.js';
import type { Loaders } from '../database/loaders.js';

export { Loaders } from '../database/loaders.js';

export interface RequestContext {
  requestId: string;
  /** Forked per request: the identity map and unit of work never leak between requests. */
  em: EntityManager;
  /** Verified by the gateway's proof; ANONYMOUS before sign-in. */
  caller: Caller;
  loaders: Loaders;
  /** The client's network address from the gateway's signed proof (see CallerProof); null when unknown. */
  clientAddress?: string | null;
}
