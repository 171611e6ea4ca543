import { demoId, insertMissingRows, searchKey } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { organizations, people, successions } from './demo-data.js';

/**
 * Inserts the demo records that are not there yet (`on conflict do nothing`):
 * a record the user changed or deleted is never reset. Returns rows inserted.
 */
export async function seedDemoData(em: EntityManager): Promise<number> {
  return insertMissingRows(em, async ({ insert: insertRow }) => {
    const insert = (table: string, row: Record<string, unknown>) => insertRow(table, row, '(id)');

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
  });
}
