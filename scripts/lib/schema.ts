import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema, defaultSubgraphUrl } from '@lantoa/kit';
import { parse } from 'graphql';
import { fileURLToPath } from 'node:url';
import { loadSubgraphs } from './subgraphs.js';

/** The repository root; the keys of GeneratedSchema.files are relative to it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GeneratedSchema {
  /** Repository-relative path (schema/<name>.graphql, schema/supergraph.graphql) → content. */
  files: Record<string, string>;
  /** Composition errors; when any, `files` holds only the subgraph SDLs. */
  errors: string[];
  /** Composition hints (not fatal, but worth reading). */
  hints: string[];
}

/**
 * Builds each subgraph's SDL from its code and composes them, in memory.
 * The supergraph records each subgraph at its default local URL; the gateway
 * replaces those with its configured URLs, so the file does not depend on
 * the deployment.
 */
export async function generateSchema(): Promise<GeneratedSchema> {
  const files: Record<string, string> = {};
  const services = [];
  for (const s of await loadSubgraphs()) {
    const { sdl } = await buildSubgraphSchema(s);
    files[`schema/${s.name}.graphql`] = sdl;
    services.push({ name: s.name, typeDefs: parse(sdl), url: defaultSubgraphUrl(s) });
  }
  const result = composeServices(services);
  if (result.errors) return { files, errors: result.errors.map((e) => e.toString()), hints: [] };
  files['schema/supergraph.graphql'] = result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
  return { files, errors: [], hints: result.hints.map((h) => h.toString()) };
}
