import { defineSubgraph, resolveMyWorkReference } from '@lantoa/kit';
import { subtreeAuditVisibility } from '@lantoa/kit/directory';
import { z } from 'zod';
import { migrations } from './migrations/index.js';
import { Campaign } from './modules/campaign/campaign.entity.js';
import { CampaignResolver } from './modules/campaign/campaign.resolver.js';
import { mediaItemAttachments } from './modules/item/item.attachments.js';
import { MediaItem } from './modules/item/item.entity.js';
import { resolveMediaItemReference } from './modules/item/item.reference.js';
import { MediaItemResolver } from './modules/item/item.resolver.js';
import { startPublicationWorker } from './modules/item/publication.js';
import { MediaItemStep } from './modules/item/step.entity.js';
import { MyWork, MyWorkMediaResolver } from './modules/my-work/my-work.resolver.js';
import { refById } from './modules/refs/refs.js';
import {
  DirectiveMediaResolver,
  ExemplarMediaResolver,
  MediaStatsResolver,
  OrganizationMediaResolver,
  TaskMediaResolver,
  ThemeMediaResolver,
} from './modules/refs/refs.resolver.js';
import { seedDemoMedia } from './seed/seed.js';
import { configureEndpoint, defaultSubgraphUrl, SUBGRAPHS } from '@lantoa/kit';

const exemplars = SUBGRAPHS.find((s) => s.name === 'exemplars')!;
const directives = SUBGRAPHS.find((s) => s.name === 'directives')!;

/** Press and media items with their editorial workflow and scheduled publication, campaigns, coverage of exemplars and directives. */
export const subgraph = defineSubgraph('media', {
  directory: true,
  env: {
    /** The exemplars subgraph's /graphql URL: linked exemplars are checked there at write time (refs/exemplars.ts). */
    EXEMPLARS_URL: z.string().url().default(defaultSubgraphUrl(exemplars)),
    /** The directives subgraph's /graphql URL: linked directives, themes and tasks are checked there at write time (refs/directives.ts). */
    DIRECTIVES_URL: z.string().url().default(defaultSubgraphUrl(directives)),
    /** How often the publication queue looks for jobs that have come due (new jobs are noticed at once). */
    PUBLISH_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  },
  entities: [MediaItem, MediaItemStep, Campaign, ...mediaItemAttachments.entities],
  migrations: [...migrations, mediaItemAttachments.migration],
  resolvers: [
    MediaItemResolver,
    CampaignResolver,
    MediaStatsResolver,
    ExemplarMediaResolver,
    DirectiveMediaResolver,
    ThemeMediaResolver,
    TaskMediaResolver,
    OrganizationMediaResolver,
    MyWorkMediaResolver,
    ...mediaItemAttachments.resolvers,
  ],
  // Reached from the exemplars subgraph's Query.myWork only.
  orphanedTypes: [MyWork],
  references: {
    MediaItem: resolveMediaItemReference,
    MyWork: resolveMyWorkReference,
    Organization: refById,
    Exemplar: refById,
    Directive: refById,
    Theme: refById,
    Task: refById,
  },
  auditVisibility: subtreeAuditVisibility,
  seed: (em) => seedDemoMedia(em),
  async start(o) {
    configureEndpoint({ name: 'exemplars', url: o.config.EXEMPLARS_URL, secret: o.config.GATEWAY_SECRET });
    configureEndpoint({ name: 'directives', url: o.config.DIRECTIVES_URL, secret: o.config.GATEWAY_SECRET });
    const worker = await startPublicationWorker({ orm: o.orm, databaseUrl: o.config.DATABASE_URL, log: o.log, pollIntervalMs: o.config.PUBLISH_POLL_MS });
    return { ...mediaItemAttachments.start(o), stop: () => worker.stop() };
  },
});
