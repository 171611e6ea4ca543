import { searchKey } from '@lantoa/kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface GeneratedTree {
  rootId: string;
  ids: string[];
}

/**
 * Inserts a synthetic organization tree straight into the table (bulk, one
 * statement per 1,000 rows) for tests and benchmarks: `fanout[i]` children
 * under each node of depth i. Names are unique per call through `label`.
 */
export async function insertTree(databaseUrl: string, label: string, fanout: number[], parentId?: string): Promise<GeneratedTree> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set search_path to organizations, public');
    let parentPath = '/';
    let parentDepth = -1;
    if (parentId) {
      const { rows } = await client.query('select path, depth from organization where id = $1', [parentId]);
      parentPath = rows[0].path;
      parentDepth = rows[0].depth;
    }
    const levels = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'GRASSROOTS', 'GRASSROOTS', 'GRASSROOTS'];
    const rows: unknown[][] = [];
    const rootId = randomUUID();
    const now = new Date();
    const add = (id: string, name: string, parent: string | null, path: string, depth: number, levelIndex: number) =>
      rows.push([id, name, 'PARTY_COMMITTEE', levels[Math.min(levelIndex, levels.length - 1)], parent, path, depth, searchKey(name), now, now]);
    add(rootId, `Tỉnh ủy ${label}`, parentId ?? null, `${parentPath}${rootId}/`, parentDepth + 1, 0);
    let frontier = [{ id: rootId, path: `${parentPath}${rootId}/`, depth: parentDepth + 1, name: `Tỉnh ủy ${label}` }];
    fanout.forEach((n, level) => {
      const next: typeof frontier = [];
      for (const p of frontier) {
        for (let i = 1; i <= n; i++) {
          const id = randomUUID();
          const name = `${level === 0 ? 'Huyện ủy' : level === 1 ? 'Đảng ủy xã' : 'Chi bộ'} ${label} ${p.name.split(' ').slice(-1)[0]}.${i}`;
          add(id, name, p.id, `${p.path}${id}/`, p.depth + 1, level + 1);
          next.push({ id, path: `${p.path}${id}/`, depth: p.depth + 1, name });
        }
      }
      frontier = next;
    });
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk.map((_, r) => `(${Array.from({ length: 10 }, (__, c) => `$${r * 10 + c + 1}`).join(', ')})`).join(', ');
      await client.query(
        `insert into organization (id, name, type, level, parent_id, path, depth, search_text, created_at, updated_at) values ${values}`,
        chunk.flat(),
      );
    }
    return { rootId, ids: rows.map((r) => r[0] as string) };
  } finally {
    await client.end();
  }
}
