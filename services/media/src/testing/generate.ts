import pg from 'pg';

/**
 * Bulk media items for tests and `pnpm bench`, straight into the media
 * schema (one statement): `count` items over the given outlets in every
 * kind, tone and status, published ones spread over 2022–2025, every third
 * linking one of `exemplarIds` (when given), with unique URLs. Deterministic.
 */
export async function generateMediaItems(
  databaseUrl: string,
  o: { outletIds: string[]; exemplarIds?: string[]; directiveIds?: string[]; count: number; label: string },
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set search_path to media, public');
    await client.query(
      `insert into media_item (id, kind, title, summary, outlet_id, authors, url, tone, status, published_at, views, shares, reach_read_on,
                               exemplar_ids, directive_ids, search_text, created_at, updated_at)
       select md5('lantoa:media-item:' || $5 || ':' || g)::uuid,
         (array['PRINT_ARTICLE','ONLINE_ARTICLE','TV_REPORT','RADIO_REPORT','SOCIAL_POST','POSTER','EVENT','PUBLICATION'])[1 + g % 8],
         'Tin bài ' || $5 || ' số ' || g, 'Tóm tắt tin bài số ' || g,
         ($1::uuid[])[1 + ((g::bigint * 7919) % cardinality($1::uuid[]))::int],
         array['Phóng viên ' || (g % 50)],
         'https://example.vn/' || lower($5) || '/' || g,
         (array['PROMOTES_EXEMPLAR','EXPLAINS_DIRECTIVE','CRITICAL'])[1 + (g * 7) % 3],
         st,
         case when st in ('PUBLISHED','ARCHIVED') then timestamptz '2022-01-01 08:00+07' + ((g::bigint * 37) % 1400 || ' days')::interval end,
         case when st in ('PUBLISHED','ARCHIVED') then (g * 13) % 5000 end,
         case when st in ('PUBLISHED','ARCHIVED') then (g * 3) % 200 end,
         case when st in ('PUBLISHED','ARCHIVED') then date '2025-06-30' end,
         case when cardinality($2::uuid[]) > 0 and g % 3 = 0 then array[($2::uuid[])[1 + (g / 3) % cardinality($2::uuid[])]] else '{}'::uuid[] end,
         case when cardinality($3::uuid[]) > 0 and g % 2 = 0 then array[($3::uuid[])[1 + g % cardinality($3::uuid[])]] else '{}'::uuid[] end,
         'tin bai ' || lower($5) || ' so ' || g, now() - (g || ' minutes')::interval, now()
       from (select g, (array['DRAFT','IN_REVIEW','APPROVED','PUBLISHED','PUBLISHED','PUBLISHED','ARCHIVED'])[1 + g % 7] as st
             from generate_series(1, $4::int) g) s
       on conflict do nothing`,
      [`{${o.outletIds.join(',')}}`, `{${(o.exemplarIds ?? []).join(',')}}`, `{${(o.directiveIds ?? []).join(',')}}`, o.count, o.label],
    );
    await client.query('analyze media_item');
  } finally {
    await client.end();
  }
}
