import type { AnyDescriptor } from '../../services/kit/src/subgraph/start.js';
import { SUBGRAPHS } from '../../services/kit/src/services.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LauncherError, repoRoot } from './config.js';

/** Where a subgraph's descriptor lives: services/<name>/src/subgraph.ts exports `subgraph`. */
export const descriptorFile = (name: string): string => join(repoRoot, 'services', name, 'src', 'subgraph.ts');

/**
 * Every subgraph's descriptor, in the order of SUBGRAPHS (services/kit/src/services.ts),
 * found by convention so that adding a subgraph is its folder plus one entry in that list.
 */
export function loadSubgraphs(): Promise<AnyDescriptor[]> {
  const loading = Promise.all(SUBGRAPHS.map((s) => loadDescriptor(s.name)));
  loading.catch(() => {}); // awaited later; an early failure must not crash as unhandled meanwhile
  return loading;
}

export async function loadDescriptor(name: string): Promise<AnyDescriptor> {
  const file = descriptorFile(name);
  if (!existsSync(file)) throw new LauncherError(`SUBGRAPHS lists "${name}", but ${file} does not exist.`);
  const { subgraph } = (await import(pathToFileURL(file).href)) as { subgraph?: AnyDescriptor };
  if (!subgraph || subgraph.name !== name) {
    throw new LauncherError(`${file} must export \`subgraph = defineSubgraph('${name}', …)\`.`);
  }
  return subgraph;
}
