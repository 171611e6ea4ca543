/**
 * A subgraph is one declaration (services/<name>/src/subgraph.ts) plus one
 * entry in SUBGRAPHS. The launcher, `pnpm schema`, `pnpm db:*`, the bench and
 * the test stack derive everything from those two; this file fails when a
 * descriptor lacks something they need, or when a folder and the list disagree.
 */
import { buildSubgraphSchema, SUBGRAPHS, type AnyDescriptor } from '@lantoa/kit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { descriptorFile, loadSubgraphs } from '../scripts/lib/subgraphs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let descriptors: AnyDescriptor[];

beforeAll(async () => {
  descriptors = await loadSubgraphs();
});

describe('the list of subgraphs', () => {
  it('names each subgraph once, with its own port', () => {
    const names = SUBGRAPHS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(SUBGRAPHS.map((s) => s.port)).size).toBe(SUBGRAPHS.length);
    for (const s of SUBGRAPHS) expect(s.urlEnv).toBe(`${s.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`);
  });

  it('lists every folder under services/ that declares a subgraph, and nothing else', () => {
    const declared = readdirSync(join(root, 'services')).filter((name) => existsSync(descriptorFile(name)));
    expect(declared.sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });
});

describe.each(SUBGRAPHS.map((s) => s.name))('subgraph %s', (name) => {
  const d = () => descriptors.find((x) => x.name === name)!;

  it('declares what the launcher, the migrations and the schema script need', () => {
    expect(d().entities.length).toBeGreaterThan(0);
    expect(d().migrations.length, 'its own migrations').toBeGreaterThan(0);
    for (const m of d().migrations) expect(m.name).toMatch(/^Migration\d{14}_\w+$/);
    expect(d().resolvers.length).toBeGreaterThan(0);
    expect(typeof d().seed).toBe('function');
    expect(typeof d().auditVisibility).toBe('function');
    for (const key of ['NODE_ENV', 'LOG_LEVEL', 'HOST', 'PORT', 'DATABASE_URL', 'DB_POOL_MAX', 'GATEWAY_SECRET']) expect(d().envShape).toHaveProperty(key);
  });

  it('has a reference resolver for every entity type it owns, and only for those', async () => {
    const { sdl } = await buildSubgraphSchema(d());
    // Entity types this subgraph resolves: @key without resolvable: false (by id, or MyWork by userId).
    const owned = [...sdl.matchAll(/^type (\w+) @key\(fields: "\w+"\)/gm)].map((m) => m[1]);
    expect(Object.keys(d().references).sort()).toEqual(owned.sort());
  });

  it('runs from a main.ts that only calls runSubgraph with its descriptor', () => {
    const main = readFileSync(join(root, 'services', name, 'src', 'main.ts'), 'utf8');
    expect(main).toMatch(/await runSubgraph\(subgraph\);/);
    expect(main).toMatch(/from '\.\/subgraph\.js'/);
  });

  it('is deployed by docker-compose.yml', () => {
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, unknown> };
    expect(compose.services[name], `docker-compose.yml has no service "${name}"`).toBeDefined();
  });
});
