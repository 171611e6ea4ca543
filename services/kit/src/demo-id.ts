import { createHash } from 'node:crypto';

/**
 * A stable id for a demo record: the same key gives the same UUID on every
 * machine, so seeds can run any number of times and subgraphs can refer to
 * each other's demo records (a demo user's organization) without a lookup.
 */
export function demoId(kind: string, key: string): string {
  const h = createHash('sha1').update(`lantoa:${kind}:${key}`).digest('hex');
  // Shaped as a version-5 UUID (name-based, SHA-1).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
