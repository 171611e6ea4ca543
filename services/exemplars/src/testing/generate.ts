import pg from 'pg';

/**
 * Bulk exemplars for tests and `pnpm bench`, straight into the exemplars
 * schema (one statement each): `count` exemplars over the given
 * organizations in every kind, field and status, about a third honoured
 * between 2021 and 2025, and a commendation for every tenth. Deterministic.
 * Leaves both tables vacuumed and analyzed.
 */
export async function generateExemplars(databaseUrl: string, o: { organizationIds: string[]; count: number; label: string }): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set search_path to exemplars, public');
    const orgs = `{${o.organizationIds.join(',')}}`;
    await client.query(
      `insert into exemplar (id, kind, name, name_key, organization_id, field, summary, status, recognised_on, awarded_on, search_text, created_at, updated_at)
       select md5('lantoa:exemplar:' || $3 || ':' || g)::uuid,
         (array['INDIVIDUAL','COLLECTIVE','HOUSEHOLD','PRACTICE'])[1 + g % 4],
         'Điển hình ' || $3 || ' số ' || g, 'dienhinh' || $3 || 'so' || g,
         ($1::uuid[])[1 + ((g::bigint * 7919) % cardinality($1::uuid[]))::int],
         (array['CHARITY','POVERTY_REDUCTION','NEW_RURAL_DEVELOPMENT','PRODUCTION_AND_TECHNOLOGY','HEALTH_CARE','EDUCATION','SECURITY_AND_ORDER','PARTY_BUILDING','CULTURE','ENVIRONMENT'])[1 + (g * 13) % 10],
         'Tóm tắt điển hình số ' || g, st,
         case when st in ('RECOGNISED','PUBLICISED','REPLICATED') or (st = 'AWARDED' and g % 2 = 0) then date '2021-01-01' + (g * 31) % 1800 end,
         case when st = 'AWARDED' then date '2021-01-01' + (g * 17) % 1800 end,
         'dien hinh ' || lower($3) || ' so ' || g, now() - (g || ' minutes')::interval, now()
       from (select g, (array['REGISTERED','PROPOSED','VERIFIED','RECOGNISED','AWARDED','PUBLICISED','REPLICATED','REJECTED','REVOKED'])[1 + g % 9] as st
             from generate_series(1, $2::int) g) s
       on conflict do nothing`,
      [orgs, o.count, o.label],
    );
    await client.query(
      `insert into commendation (id, exemplar_id, form, basis, deciding_organization_id, decision_number, decision_number_key, decided_on, status, created_at, updated_at)
       select md5('lantoa:commendation:' || $3 || ':' || g)::uuid, md5('lantoa:exemplar:' || $3 || ':' || g)::uuid, 'CERTIFICATE_OF_COMMENDATION', 'REGULAR',
         ($1::uuid[])[1 + g % cardinality($1::uuid[])], g || '/QĐ-GEN', g || 'qdgen', date '2022-01-01' + g % 1000, 'IN_FORCE', now(), now()
       from generate_series(10, $2::int, 10) g
       on conflict do nothing`,
      [orgs, o.count, o.label],
    );
    // VACUUM, not only ANALYZE: it sets the visibility map, as autovacuum does after bulk inserts on a live server
    // (and never does where autovacuum is off, as on this machine's PostgreSQL). Without it every index-only scan
    // (totalCount, the list's late row lookup) reads the heap too, and the bench would measure a state production is not in.
    await client.query('vacuum (analyze) exemplar, commendation');
  } finally {
    await client.end();
  }
}
