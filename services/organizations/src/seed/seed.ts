import { searchKey } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { organizations, people, successions } from './demo-data.js';

/** Same key, same id on every machine: the seed can run any number of times. */
export function demoId(kind: string, key: string): string {
  const h = createHash('sha1').update(`lantoa:${kind}:${key}`).digest('hex');
  // Shaped as a version-5 UUID (name-based, SHA-1).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Inserts the demo records that are not there yet (`on conflict do nothing`):
 * a record the user changed or deleted is never reset. Returns rows inserted.
 */
export async function seedDemoData(em: EntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    const now = new Date();
    let inserted = 0;
    const insert = async (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      const res = await tx.execute(
        `insert into ${table} (${cols.join(', ')}, created_at, updated_at) values (${cols.map(() => '?').join(', ')}, ?, ?) on conflict (id) do nothing`,
        [...Object.values(row), now, now] as never[],
        'run',
      );
      inserted += (res as { affectedRows?: number }).affectedRows ?? 0;
    };

    const paths = new Map<string, string>();
    for (const o of organizations) {
      const id = demoId('organization', o.key);
      const parentPath = o.parent ? paths.get(o.parent) : '/';
      if (!parentPath) throw new Error(`Demo organization ${o.key} comes before its parent ${o.parent}.`);
      const path = `${parentPath}${id}/`;
      paths.set(o.key, path);
      await insert('organization', {
        id,
        name: o.name,
        short_name: o.shortName ?? null,
        doc_abbr: o.docAbbr ?? null,
        type: o.type,
        level: o.level,
        parent_id: o.parent ? demoId('organization', o.parent) : null,
        path,
        depth: path.split('/').filter(Boolean).length - 1,
        valid_from: o.validFrom ?? null,
        valid_to: o.validTo ?? null,
        search_text: searchKey([o.name, o.shortName, o.docAbbr].filter(Boolean).join(' ')),
      });
    }
    for (const s of successions) {
      for (const from of s.from) {
        await insert('org_succession', {
          id: demoId('succession', `${from}>${s.to ?? ''}`),
          from_id: demoId('organization', from),
          to_id: s.to ? demoId('organization', s.to) : null,
          kind: s.kind,
          effective_on: s.effectiveOn,
          basis: s.basis,
        });
      }
    }
    for (const p of people) {
      const fullName = `${p.familyName} ${p.middleName} ${p.givenName}`;
      await insert('person', {
        id: demoId('person', p.key),
        family_name: p.familyName,
        middle_name: p.middleName,
        given_name: p.givenName,
        full_name: fullName,
        search_text: searchKey(fullName),
      });
      for (const pos of p.positions) {
        await insert('position', {
          id: demoId('position', `${p.key}@${pos.organization}`),
          person_id: demoId('person', p.key),
          organization_id: demoId('organization', pos.organization),
          title: pos.title,
        });
      }
    }
    return inserted;
  });
}
