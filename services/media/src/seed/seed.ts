import { demoId, insertMissingRows, richTextToPlain, searchKey } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { campaign, items } from './demo-data.js';

const org = (key: string) => demoId('organization', key);
const ids = (kind: string, keys: string[] | undefined) => `{${(keys ?? []).map((k) => demoId(kind, k)).join(',')}}`;
export const demoMediaItemId = (key: string) => demoId('media-item', key);

/** The timeline a demo item would have had, oldest first. */
function stepsOf(status: string): { action: string; from: string | null; to: string }[] {
  const all = [
    { action: 'CREATE', from: null, to: 'DRAFT' },
    { action: 'SUBMIT', from: 'DRAFT', to: 'IN_REVIEW' },
    { action: 'APPROVE', from: 'IN_REVIEW', to: 'APPROVED' },
    { action: 'PUBLISH', from: 'APPROVED', to: 'PUBLISHED' },
    { action: 'ARCHIVE', from: 'PUBLISHED', to: 'ARCHIVED' },
  ];
  return all.slice(0, all.findIndex((s) => s.to === status) + 1);
}

/**
 * Inserts the demo records that are not there yet (`on conflict do nothing`):
 * a record someone changed or deleted is never reset. Returns rows inserted.
 */
export async function seedDemoMedia(em: EntityManager): Promise<number> {
  return insertMissingRows(em, async ({ insert }) => {
    for (const i of items) {
      await insert('media_item', {
        id: demoMediaItemId(i.key),
        kind: i.kind,
        title: i.title,
        summary: i.summary,
        body: i.body ?? null,
        outlet_id: org(i.outlet),
        authors: `{${i.authors.map((a) => `"${a}"`).join(',')}}`,
        language: 'vi',
        url: i.url ?? null,
        tone: i.tone,
        status: i.status,
        published_at: i.publishedAt ?? null,
        views: i.reach?.views ?? null,
        shares: i.reach?.shares ?? null,
        listeners: i.reach?.listeners ?? null,
        reach_read_on: i.reach?.readOn ?? null,
        exemplar_ids: ids('exemplar', i.exemplars),
        directive_ids: ids('directive', i.directives),
        theme_ids: ids('theme', i.themes),
        task_ids: ids('task', i.tasks),
        search_text: searchKey([i.title, i.summary, i.authors.join(' '), i.body ? richTextToPlain(i.body) : ''].join(' ')),
      });
      for (const [n, s] of stepsOf(i.status).entries()) {
        await insert('media_item_step', {
          id: demoId('media-item-step', `${i.key}:${n}`),
          media_item_id: demoMediaItemId(i.key),
          action: s.action,
          from_status: s.from,
          to_status: s.to,
          actor_name: 'dữ liệu mẫu',
          occurred_at: i.publishedAt ?? '2024-10-01T09:00:00+07:00',
          note: null,
        });
      }
    }
    await insert('campaign', {
      id: demoId('campaign', campaign.key),
      name: campaign.name,
      description: campaign.description,
      organization_id: org(campaign.organization),
      theme_id: demoId('theme', campaign.theme),
      period_from: campaign.periodFrom,
      period_to: campaign.periodTo,
      participant_ids: `{${campaign.participants.map(org).join(',')}}`,
      target_items: campaign.targetItems,
      target_exemplar_items: campaign.targetExemplarItems,
      target_per_outlet: campaign.targetPerOutlet,
      search_text: searchKey(`${campaign.name} ${campaign.description}`),
    });
  });
}
