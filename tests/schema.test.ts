import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSchema, ROOT, type GeneratedSchema } from '../scripts/lib/schema.js';

// The gateway serves schema/supergraph.graphql as committed: it must be what the code composes to today.
describe('committed schema files', () => {
  let generated: GeneratedSchema;
  beforeAll(async () => {
    generated = await generateSchema();
  });

  it('compose without errors', () => {
    expect(generated.errors).toEqual([]);
    expect(generated.files['schema/supergraph.graphql']).toBeTruthy();
  });

  it('match what the code generates (run `pnpm schema` when this fails)', async () => {
    for (const [path, content] of Object.entries(generated.files)) {
      const committed = await readFile(join(ROOT, path), 'utf8').catch(() => null);
      expect(committed, `${path} is missing or stale`).toBe(content);
    }
  });

  it('contain no file that is no longer generated', async () => {
    const committed = (await readdir(join(ROOT, 'schema'))).filter((f) => f.endsWith('.graphql')).map((f) => `schema/${f}`);
    expect(committed.sort()).toEqual(Object.keys(generated.files).sort());
  });
});
