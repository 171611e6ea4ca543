import { configureEndpoint, defaultSubgraphUrl, defineSubgraph, resolveMyWorkReference, SUBGRAPHS } from '@lantoa/kit';
import { z } from 'zod';
import { directoryEnv, subtreeAuditVisibility } from '@lantoa/kit/directory';
import { migrations } from './migrations/index.js';
import { Commendation, CommendationAuthority } from './modules/commendation/commendation.entity.js';
import { CommendationResolver } from './modules/commendation/commendation.resolver.js';
import { exemplarAttachments } from './modules/exemplar/exemplar.attachments.js';
import { Exemplar } from './modules/exemplar/exemplar.entity.js';
import { resolveExemplarReference } from './modules/exemplar/exemplar.reference.js';
import { ExemplarResolver } from './modules/exemplar/exemplar.resolver.js';
import { ExemplarStep } from './modules/exemplar/step.entity.js';
import { Movement } from './modules/movement/movement.entity.js';
import { MovementResolver } from './modules/movement/movement.resolver.js';
import { MyWorkExemplarsResolver } from './modules/my-work/my-work.resolver.js';

import { refById } from './modules/refs/refs.js';
import {
  DirectiveExemplarsResolver,
  ExemplarStatsResolver,
  OrganizationExemplarsResolver,
  PersonExemplarsResolver,
  ThemeExemplarsResolver,
} from './modules/refs/refs.resolver.js';
import { seedDemoExemplars } from './seed/seed.js';

/** Exemplary people and practices with their lifecycle, commendations and the authority table, emulation movements, statistics. */
export const subgraph = defineSubgraph('exemplars', {
  directory: true,
  env: {
    // Typed here too (directory: true adds it): linked people are checked with the organizations subgraph.
    ...directoryEnv,
    /** The directives subgraph's /graphql URL: linked directives and themes are checked there at write time (refs/links.ts). */
    DIRECTIVES_URL: z
      .string()
      .url()
      .default(defaultSubgraphUrl(SUBGRAPHS.find((s) => s.name === 'directives')!)),
  },
  entities: [Exemplar, ExemplarStep, Movement, Commendation, CommendationAuthority, ...exemplarAttachments.entities],
  migrations: [...migrations, exemplarAttachments.migration],
  resolvers: [
    ExemplarResolver,
    CommendationResolver,
    MovementResolver,
    ExemplarStatsResolver,
    OrganizationExemplarsResolver,
    PersonExemplarsResolver,
    DirectiveExemplarsResolver,
    ThemeExemplarsResolver,
    MyWorkExemplarsResolver,
    ...exemplarAttachments.resolvers,
  ],
  references: {
    Exemplar: resolveExemplarReference,
    MyWork: resolveMyWorkReference,
    Organization: refById,
    Person: refById,
    Directive: refById,
    Theme: refById,
  },
  auditVisibility: subtreeAuditVisibility,
  seed: (em) => seedDemoExemplars(em),
  start: async (o) => {
    // Linked people are checked with their owner, the organizations subgraph (whose feed the directory follows too).
    configureEndpoint({ name: 'organizations', url: o.config.ORGANIZATIONS_URL, secret: o.config.GATEWAY_SECRET });
    configureEndpoint({ name: 'directives', url: o.config.DIRECTIVES_URL, secret: o.config.GATEWAY_SECRET });
    return exemplarAttachments.start(o);
  },
});
