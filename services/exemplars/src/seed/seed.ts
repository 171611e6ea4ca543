import { demoId, type DemoRows, documentNumberKey, insertMissingRows, parseDocumentNumber, searchKey } from '@lantoa/kit';
import { inspectFile, postgresBlobStore, sampleImage } from '@lantoa/kit/attachments';
import type { EntityManager } from '@mikro-orm/postgresql';
import { nameKeyOf } from '../modules/exemplar/exemplar.service.js';
import { authorities, commendations, DISTRICTS, exemplars, movement, REVIEW_PERIOD, REVIEW_TOTAL } from './demo-data.js';

const org = (key: string) => demoId('organization', key);
export const demoExemplarId = (key: string) => demoId('exemplar', key);

const honouredInReview = (e: { recognisedOn?: string; awardedOn?: string }) => {
  const first = [e.recognisedOn, e.awardedOn].filter(Boolean).sort()[0];
  return !!first && first >= REVIEW_PERIOD.from && first <= REVIEW_PERIOD.to;
};

/**
 * Inserts the demo records that are not there yet (`on conflict do nothing`):
 * a record someone changed or deleted is never reset. Returns rows inserted.
 */
export async function seedDemoExemplars(em: EntityManager): Promise<number> {
  return insertMissingRows(em, async (rows) => {
    const { insert, run } = rows;

    for (const a of authorities) {
      await insert('commendation_authority', {
        id: demoId('commendation-authority', `${a.type}:${a.level}:${a.form}`),
        organization_type: a.type,
        organization_level: a.level,
        form: a.form,
        note: a.note,
      });
    }
    await insert('movement', {
      id: demoId('movement', movement.key),
      name: movement.name,
      description: movement.description,
      launching_organization_id: org(movement.launchingOrganization),
      period_from: movement.periodFrom,
      period_to: movement.periodTo,
      directive_id: demoId('directive', '01-kl-tw'),
      search_text: searchKey(`${movement.name} ${movement.description}`),
    });
    for (const e of exemplars) {
      await insert('exemplar', {
        id: demoExemplarId(e.key),
        kind: e.kind,
        name: e.name,
        name_key: nameKeyOf(e.name),
        subject_organization_id: e.subjectOrganization ? org(e.subjectOrganization) : null,
        organization_id: org(e.organization),
        field: e.field,
        summary: e.summary,
        story: e.story,
        directive_id: demoId('directive', '01-kl-tw'),
        theme_id: demoId('theme', 'chu-de-2024-2025'),
        movement_id: demoId('movement', movement.key),
        status: e.status,
        recognised_on: e.recognisedOn ?? null,
        awarded_on: e.awardedOn ?? null,
        search_text: searchKey(`${e.name} ${e.summary}`),
      });
      for (const [i, s] of e.steps.entries()) {
        await insert('exemplar_step', {
          id: demoId('exemplar-step', `${e.key}:${i}`),
          exemplar_id: demoExemplarId(e.key),
          action: s.action,
          from_status: s.from,
          to_status: s.to,
          actor_name: 'dữ liệu mẫu',
          occurred_at: `${s.on}T09:00:00+07:00`,
          on_day: s.on,
          note: s.note ?? null,
        });
      }
    }
    for (const c of commendations) {
      const parsed = parseDocumentNumber(c.decisionNumber);
      if (!parsed.ok) throw new Error(`Demo decision ${c.decisionNumber}: ${parsed.message}`);
      await insert('commendation', {
        id: demoId('commendation', c.key),
        exemplar_id: demoExemplarId(c.exemplar),
        form: c.form,
        title: c.title,
        basis: c.basis,
        deciding_organization_id: org(c.decidingOrganization),
        proposing_organization_id: org(c.proposingOrganization),
        decision_number: parsed.value.canonical,
        decision_number_key: documentNumberKey(parsed.value.canonical),
        decided_on: c.decidedOn,
        status: 'IN_FORCE',
      });
    }
    await seedPhotos(rows);
    // The rest of the 1.567 exemplars the review counts: placeholder rows (named as such), spread over districts, kinds, fields and the three years.
    const placeholders = REVIEW_TOTAL - exemplars.filter(honouredInReview).length;
    await run(
      `insert into exemplar (id, kind, name, name_key, organization_id, field, summary, directive_id, status, recognised_on, awarded_on, search_text, created_at, updated_at)
       select md5('lantoa:exemplar:review-placeholder:' || g)::uuid,
         (array['INDIVIDUAL','COLLECTIVE','HOUSEHOLD','PRACTICE'])[1 + g % 4],
         'Điển hình được biểu dương, khen thưởng (số liệu Báo cáo 499-BC/TU, bản ghi ' || lpad(g::text, 4, '0') || ')',
         'dienhinhduocbieuduongkhenthuongsolieubaocao499bctubanghi' || lpad(g::text, 4, '0'),
         (?::uuid[])[1 + g % ?],
         (array['CHARITY','POVERTY_REDUCTION','NEW_RURAL_DEVELOPMENT','PRODUCTION_AND_TECHNOLOGY','HEALTH_CARE','EDUCATION','SECURITY_AND_ORDER','PARTY_BUILDING'])[1 + (g * 7) % 8],
         'Bản ghi giữ chỗ cho một trong 1.567 điển hình mà Báo cáo 499-BC/TU tổng hợp; thay bằng hồ sơ thật khi có.',
         ?::uuid,
         case when g % 5 = 0 then 'AWARDED' else 'RECOGNISED' end,
         ?::date + ((g * 37) % (?::date - ?::date + 1)),
         case when g % 5 = 0 then ?::date + ((g * 37) % (?::date - ?::date + 1)) end,
         'diem hinh duoc bieu duong khen thuong so lieu bao cao 499-bc/tu ban ghi ' || lpad(g::text, 4, '0'),
         now(), now()
       from generate_series(1, ?) g
       on conflict do nothing`,
      [
        `{${DISTRICTS.map(org).join(',')}}`,
        DISTRICTS.length,
        demoId('directive', '01-kl-tw'),
        REVIEW_PERIOD.from,
        REVIEW_PERIOD.to,
        REVIEW_PERIOD.from,
        REVIEW_PERIOD.from,
        REVIEW_PERIOD.to,
        REVIEW_PERIOD.from,
        placeholders,
      ],
    );
  });
}

// One colour per demo exemplar, so the gallery shows them apart.
const PALETTE = [
  { r: 178, g: 34, b: 34 },
  { r: 0, g: 105, b: 148 },
  { r: 46, g: 125, b: 50 },
  { r: 191, g: 120, b: 0 },
  { r: 106, g: 27, b: 154 },
  { r: 0, g: 121, b: 107 },
  { r: 93, g: 64, b: 55 },
  { r: 69, g: 90, b: 100 },
];

/**
 * A photo for each named demo exemplar, drawn in code (nothing binary in the
 * repository, nothing downloaded) and stored as an upload would be:
 * content-addressed, with its thumbnail. Skipped once they are there, so a
 * start does not draw them again.
 */
async function seedPhotos({ tx, now, run }: DemoRows): Promise<void> {
  const ids = exemplars.map((e) => demoId('attachment', e.key));
  const [{ n }] = await tx.execute<{ n: string }[]>('select count(*) as n from attachment where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
  if (Number(n) === ids.length) return;
  const store = postgresBlobStore();
  for (const [i, e] of exemplars.entries()) {
    const file = await inspectFile(
      await sampleImage({ width: 960, height: 640, format: 'jpeg', color: PALETTE[i % PALETTE.length], label: 'Lan Toa' }),
      `${e.key}.jpg`,
    );
    await store.put(tx, file.blob);
    if (file.thumbnail) await store.put(tx, file.thumbnail);
    await run(
      `insert into attachment (id, record_type, record_id, file_name, mime, size, sha256, width, height, thumbnail_sha256, upload_id, created_by, created_at, updated_at)
       values (?, 'Exemplar', ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?) on conflict do nothing`,
      [
        ids[i],
        demoExemplarId(e.key),
        `${e.key}.jpg`,
        file.kind.mime,
        file.blob.size,
        file.blob.sha256,
        file.width,
        file.height,
        file.thumbnail?.sha256 ?? null,
        demoId('upload', e.key),
        now,
        now,
      ],
    );
  }
}
