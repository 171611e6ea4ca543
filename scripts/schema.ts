/**
 * `pnpm schema` writes schema/<subgraph>.graphql and schema/supergraph.graphql
 * from the code; `--check` (part of `pnpm check`) writes nothing and fails
 * when a committed file is stale, so the gateway never serves an old graph.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateSchema, ROOT } from './lib/schema.js';

const check = process.argv.includes('--check');
const { files, errors, hints } = await generateSchema();

if (errors.length > 0) {
  console.error(`Composition failed with ${errors.length} error(s):\n\n${errors.join('\n\n')}`);
  process.exit(1);
}
for (const hint of hints) console.warn(`hint: ${hint}`);

const current = async (path: string): Promise<string | null> => readFile(join(ROOT, path), 'utf8').catch(() => null);

if (check) {
  const stale: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    if ((await current(path)) !== content) stale.push(path);
  }
  // A file left behind by a removed subgraph would mislead readers of schema/.
  const committed = (await readdir(join(ROOT, 'schema')).catch(() => [] as string[])).filter((f) => f.endsWith('.graphql'));
  for (const f of committed) if (!(`schema/${f}` in files)) stale.push(`schema/${f} (no longer generated: delete it)`);
  if (stale.length > 0) {
    console.error(`Stale schema files (run \`pnpm schema\`):\n${stale.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Schema files are up to date (${Object.keys(files).length}).`);
} else {
  for (const [path, content] of Object.entries(files)) {
    if ((await current(path)) === content) continue;
    await mkdir(dirname(join(ROOT, path)), { recursive: true });
    await writeFile(join(ROOT, path), content);
    console.log(`wrote ${path}`);
  }
  console.log(`Schema files are up to date (${Object.keys(files).length}).`);
}
