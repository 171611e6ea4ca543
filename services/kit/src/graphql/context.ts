import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../auth/caller.js';


/**
 * Per-request DataLoaders, created on first use. Keyed by name so that every
 * field resolver asking for the same kind of lookup shares one batch.
 */
export class Loaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>, options?: DataLoader.Options<K, V, string>): DataLoader<K, V, string> {
    let loader = this.map.get(name) as DataLoader<K, V, string> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, string>(batch, options);
      this.map.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

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
