import pg from 'pg';

export interface GeneratedWork {
  directiveIds: string[];
  tasks: number;
}

/**
 * Bulk volume for tests and `pnpm bench`, straight into the directives
 * schema with generate_series (one statement each): `directives` documents
 * issued by the given organizations (numbered 1… per issuer code and term, so
 * the numbering rules hold) and `tasks` tasks led by them, due across three
 * years, in every status and deadline status. Deterministic for a given input.
 */
export async function generateWork(
  databaseUrl: string,
  o: { organizationIds: string[]; directives: number; tasks: number; label: string },
): Promise<GeneratedWork> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set search_path to directives, public');
    const orgs = `{${o.organizationIds.join(',')}}`;
    const { rows } = await client.query<{ id: string }>(
      `insert into directive (id, number_as_written, number, number_key, number_int, type_code, issuer_code, numbering_period, family, document_type,
         title, issued_on, issuer_id, status, search_text, created_at, updated_at)
       select gen_random_uuid(), g || '-KH/GEN', lpad(g::text, 2, '0') || '-KH/GEN', lpad(g::text, 2, '0') || 'khgen', g, 'KH', 'GEN', $2, 'PARTY', 'PLAN',
         'Kế hoạch thực hiện số ' || g || ' ' || $2, date '2022-01-01' + (g % 800), ($1::uuid[])[1 + ((g::bigint * 7919) % cardinality($1::uuid[]))::int], 'IN_FORCE',
         lpad(g::text, 2, '0') || 'khgen ke hoach thuc hien so ' || g || ' ' || lower($2), now(), now()
       from generate_series(1, $3::int) g
       returning id`,
      [
        orgs,
        o.label
          .toUpperCase()
          .replace(/[^A-Z]/g, 'X')
          .slice(0, 10) || 'GEN',
        o.directives,
      ],
    );
    const directiveIds = rows.map((r) => r.id);
    await client.query(
      `insert into task (id, title, directive_id, task_group, lead_organization_id, coordinating_organization_ids, due_on, status, completed_on, search_text, created_at, updated_at)
       select gen_random_uuid(), 'Nhiệm vụ ' || $4 || ' ' || g, ($2::uuid[])[1 + g % cardinality($2::uuid[])],
         (array['PARTY_COMMITTEES','GOVERNMENT_AND_MASS_ORGANIZATIONS','PRESS_AND_MEDIA','CADRES_AND_MEMBERS'])[1 + g % 4],
         ($1::uuid[])[1 + ((g::bigint * 104729) % cardinality($1::uuid[]))::int], '{}',
         due, st, case when st = 'DONE' then least(due + ((g % 61) - 30), date '2026-11-30') end,
         'nhiem vu ' || lower($4) || ' ' || g, now(), now()
       from (select g, date '2024-06-01' + ((g * 37) % 1100) as due,
               (array['NOT_STARTED','IN_PROGRESS','DONE','DONE','CANCELLED'])[1 + g % 5] as st
             from generate_series(1, $3::int) g) s`,
      [orgs, `{${directiveIds.join(',')}}`, o.tasks, o.label],
    );
    await client.query('analyze directive; analyze task');
    return { directiveIds, tasks: o.tasks };
  } finally {
    await client.end();
  }
}
