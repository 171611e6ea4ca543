import DataLoader from 'dataloader';

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
