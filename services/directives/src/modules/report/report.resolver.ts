import {
  Access,
  ConnectionType,
  containsPattern,
  idTerm,
  InputCheck,
  isUuid,
  pgArray,
  readPage,
  searchTerms,
  selectEntities,
  selectGrouped,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DirectiveRecord } from '../directive/directive.entity.js';
import { DirectiveQueries } from '../directive/directive.queries.js';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { Task } from '../task/task.entity.js';
import { TaskQueries } from '../task/task.queries.js';
import { ProgressReport } from './report.entity.js';
import { CreateProgressReportInput, ProgressReportsArgs, UpdateProgressReportInput } from './report.inputs.js';
import { ReportService } from './report.service.js';

export const ProgressReportConnection = ConnectionType(ProgressReport, 'ProgressReport');

/** Reports on many tasks (or documents) in one statement per request. */
export function reportsOf(ctx: RequestContext, column: 'task_id' | 'directive_id', id: string): Promise<ProgressReport[]> {
  return ctx.loaders
    .get<string, ProgressReport[]>(`progress_report.${column}`, (ids) => {
      const qb = ctx.em
        .getKnex()('progress_report')
        .select('*')
        .whereRaw(`${column} = any(?::uuid[])`, [pgArray(ids as string[])])
        .whereNull('deleted_at')
        .orderBy([
          { column: 'period_to', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      return selectGrouped(ctx.em, ProgressReport, qb, column === 'task_id' ? 'taskId' : 'directiveId', ids);
    })
    .load(id);
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @Authorized(Access.READ)
  @Query(() => ProgressReport, { nullable: true, description: 'One progress report; null when absent or deleted.' })
  async progressReport(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<ProgressReport | null> {
    if (!isUuid(id)) return null;
    const [r] = await selectEntities(ctx.em, ProgressReport, ctx.em.getKnex()('progress_report').select('*').where('id', id).whereNull('deleted_at'));
    return r ?? null;
  }

  @Authorized(Access.READ)
  @Query(() => ProgressReportConnection, { nullable: true, description: 'Progress reports, latest period first.' })
  progressReports(@Args(() => ProgressReportsArgs) args: ProgressReportsArgs, @Ctx() ctx: RequestContext): Promise<Connection<ProgressReport>> {
    const f = args.filter;
    const check = new InputCheck();
    check.uuids('filter.ids', f?.ids);
    for (const key of ['taskId', 'directiveId', 'reportingOrganizationId'] as const) check.uuid(`filter.${key}`, f?.[key]);
    if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
    check.done();
    const qb = ctx.em.getKnex()('progress_report').whereNull('deleted_at');
    if (f?.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    for (const term of searchTerms(f?.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
    if (f?.taskId) qb.where('task_id', f.taskId);
    if (f?.directiveId) qb.where('directive_id', f.directiveId);
    if (f?.reportingOrganizationId) qb.where('reporting_organization_id', f.reportingOrganizationId);
    if (f?.periodKind) qb.where('period_kind', f.periodKind);
    return readPage(ctx.em, ProgressReport, qb, [{ sql: 'period_to', direction: 'DESC', type: 'date', value: (r) => r.periodTo }, idTerm('DESC')], args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => ProgressReport, { description: 'Reports progress on a task or a document, for an organization in your subtree (admins: any).' })
  createProgressReport(@Arg('input', () => CreateProgressReportInput) input: CreateProgressReportInput, @Ctx() ctx: RequestContext): Promise<ProgressReport> {
    return new ReportService(ctx).create(input);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => ProgressReport, { description: 'Changes a progress report of your subtree; CONFLICT when expectedVersion is stale.' })
  updateProgressReport(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateProgressReportInput) input: UpdateProgressReportInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgressReport> {
    return new ReportService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => ProgressReport, { description: 'Soft-deletes a progress report of your subtree; restoreProgressReport undoes it.' })
  deleteProgressReport(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<ProgressReport> {
    return new ReportService(ctx).setDeleted(id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => ProgressReport, { description: 'Restores a soft-deleted progress report of your subtree.' })
  restoreProgressReport(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<ProgressReport> {
    return new ReportService(ctx).setDeleted(id, false);
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The reporting organization. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  reportingOrganization(@Root() r: ProgressReport): OrganizationRef {
    return organizationRef(r.reportingOrganizationId)!;
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The task reported on.' })
  task(@Root() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<Task | null> | null {
    return r.taskId ? new TaskQueries(ctx).byId(r.taskId) : null;
  }

  @FieldResolver(() => DirectiveRecord, { nullable: true, description: 'The document reported on.' })
  directive(@Root() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<DirectiveRecord | null> | null {
    return r.directiveId ? new DirectiveQueries(ctx).byId(r.directiveId) : null;
  }

  @FieldResolver(() => DirectiveRecord, { nullable: true, description: 'The registered document this report is.' })
  reportDirective(@Root() r: ProgressReport, @Ctx() ctx: RequestContext): Promise<DirectiveRecord | null> | null {
    return r.reportDirectiveId ? new DirectiveQueries(ctx).byId(r.reportDirectiveId) : null;
  }
}
