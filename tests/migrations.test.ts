import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '@lantoa/kit';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const services = readdirSync(join(root, 'services'));
// Each subgraph's own migrations, and the kit's modules that bring theirs into every subgraph using them (directory, attachments).
const migrationDirs = [
  ...services.map((s) => join(root, 'services', s, 'src', 'migrations')),
  ...readdirSync(join(root, 'services', 'kit', 'src')).map((d) => join(root, 'services', 'kit', 'src', d)),
];
const migrationFiles = migrationDirs.flatMap((dir) => {
  try {
    return readdirSync(dir)
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
});

// Data is never lost: a migration may add tables, columns and indexes, not drop or empty them.
const DESTRUCTIVE = /\b(drop\s+(table|column|schema|database|type)|truncate|delete\s+from|alter\s+column\s+\w+\s+type)\b/i;

describe('migrations', () => {
  it.each(SUBGRAPHS.map((s) => s.name))('exist for subgraph %s, in its own folder', (name) => {
    expect(migrationFiles.filter((f) => f.includes(`/services/${name}/src/migrations/`)).length).toBeGreaterThan(0);
  });

  it.each(migrationFiles.map((f) => [f.slice(root.length + 1), f]))('%s never drops or rewrites data', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source.match(DESTRUCTIVE)?.[0]).toBeUndefined();
    // No down(): rolling back would drop what up() created, and the data with it.
    expect(source).not.toMatch(/\bdown\s*\(/);
  });

  it.each(SUBGRAPHS.map((s) => s.name))('%s lists every migration file in its index', (service) => {
    const dir = join(root, 'services', service, 'src', 'migrations');
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    for (const f of migrationFiles.filter((m) => m.startsWith(dir))) {
      expect(index).toContain(f.split('/').pop()!.replace(/\.ts$/, ''));
    }
  });
});
