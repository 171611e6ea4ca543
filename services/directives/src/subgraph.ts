import { defineSubgraph, resolveMyWorkReference } from '@lantoa/kit';
import { subtreeAuditVisibility } from '@lantoa/kit/directory';
import { migrations } from './migrations/index.js';
import { directiveAttachments } from './modules/directive/directive.attachments.js';
import { Criterion, Evaluation } from './modules/criterion/criterion.entity.js';
import { CriterionResolver, EvaluationResolver } from './modules/criterion/criterion.resolver.js';
import { DirectiveRecord } from './modules/directive/directive.entity.js';
import { resolveDirectiveReference } from './modules/directive/directive.reference.js';
import { DirectiveRelationResolver, DirectiveResolver } from './modules/directive/directive.resolver.js';
import { DirectiveRelation } from './modules/directive/relation.entity.js';

import { MyWork, MyWorkTasksResolver } from './modules/my-work/my-work.resolver.js';
import { resolveOrganizationReference } from './modules/organization/organization.ref.js';
import { OrganizationDirectivesResolver } from './modules/organization/organization.resolver.js';
import { ProgressReport } from './modules/report/report.entity.js';
import { ProgressReportResolver } from './modules/report/report.resolver.js';
import { Theme } from './modules/theme/theme.entity.js';
import { resolveThemeReference, ThemeResolver } from './modules/theme/theme.resolver.js';
import { Task } from './modules/task/task.entity.js';
import { resolveTaskReference } from './modules/task/task.reference.js';
import { DirectiveTasksResolver, TaskReportsResolver, TaskResolver } from './modules/task/task.resolver.js';
import { seedDemoDirectives } from './seed/seed.js';

/** The registry of documents and their relations, annual themes, tasks with deadlines, progress reports, criteria and evaluations. */
export const subgraph = defineSubgraph('directives', {
  directory: true,
  entities: [DirectiveRecord, DirectiveRelation, Theme, Task, ProgressReport, Criterion, Evaluation, ...directiveAttachments.entities],
  migrations: [...migrations, directiveAttachments.migration],
  resolvers: [
    DirectiveResolver,
    DirectiveRelationResolver,
    ThemeResolver,
    TaskResolver,
    DirectiveTasksResolver,
    TaskReportsResolver,
    ProgressReportResolver,
    CriterionResolver,
    EvaluationResolver,
    OrganizationDirectivesResolver,
    MyWorkTasksResolver,
    ...directiveAttachments.resolvers,
  ],
  // Reached from the exemplars subgraph's Query.myWork only.
  orphanedTypes: [MyWork],
  references: {
    Directive: resolveDirectiveReference,
    MyWork: resolveMyWorkReference,
    Theme: resolveThemeReference,
    Task: resolveTaskReference,
    Organization: resolveOrganizationReference,
  },
  auditVisibility: subtreeAuditVisibility,
  seed: (em) => seedDemoDirectives(em),
  start: async (o) => directiveAttachments.start(o),
});
