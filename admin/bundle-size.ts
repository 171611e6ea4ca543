import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** What the first page load fetches: the entry script, the chunks it imports statically (modulepreload) and CSS. */
  initialGzipBytes: number;
  totalGzipBytes: number;
  files: number;
}

/** Gzipped sizes of a Vite build in `dist`: the initial load (from index.html) and everything. */
export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  const all = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
  return {
    initialGzipBytes: [...initial].reduce((n, f) => n + gz(f), 0),
    totalGzipBytes: all.reduce((n, f) => n + gz(f), 0),
    files: all.length,
  };
}
