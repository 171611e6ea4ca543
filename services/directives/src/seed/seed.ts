import { demoId, documentNumberKey, insertMissingRows, parseDocumentNumber, searchKey, titleTypeConflict, toRichText } from '@lantoa/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { criteria, directives, evaluationPeriod, evaluations, relations, review, tasks, theme } from './demo-data.js';

const org = (key: string) => demoId('organization', key);
export const demoDirectiveId = (key: string) => demoId('directive', key);

/**
 * Inserts the demo records that are not there yet (`on conflict do nothing`):
 * a record someone changed or deleted is never reset. Returns rows inserted.
 */
export async function seedDemoDirectives(em: EntityManager): Promise<number> {
  return insertMissingRows(em, async ({ insert }) => {
    for (const d of directives) {
      const parsed = parseDocumentNumber(d.number);
      if (!parsed.ok) throw new Error(`Demo number ${d.number}: ${parsed.message}`);
      const n = parsed.value;
      await insert('directive', {
        id: demoDirectiveId(d.key),
        number_as_written: d.number,
        number: n.canonical,
        number_key: documentNumberKey(n.canonical),
        number_int: n.number,
        number_year: n.year,
        type_code: n.typeCode,
        issuer_code: n.issuerCode,
        numbering_period: d.term,
        family: 'PARTY',
        document_type: n.documentType,
        title: d.title,
        summary: d.summary ?? null,
        issued_on: d.issuedOn,
        issuer_id: org(d.issuer),
        status: 'IN_FORCE',
        title_type_conflict: titleTypeConflict(d.title, n),
        search_text: `${documentNumberKey(n.canonical)} ${searchKey([n.canonical, d.title, d.summary].filter(Boolean).join(' '))}`,
      });
    }
    for (const r of relations) {
      await insert('directive_relation', {
        id: demoId('directive-relation', `${r.from}:${r.kind}:${r.to}`),
        from_id: demoDirectiveId(r.from),
        to_id: demoDirectiveId(r.to),
        kind: r.kind,
      });
    }
    await insert('theme', {
      id: demoId('theme', theme.key),
      title: theme.title,
      description: theme.description,
      issuer_id: org(theme.issuer),
      year_from: theme.yearFrom,
      year_to: theme.yearTo,
      search_text: searchKey(`${theme.title} ${theme.description}`),
    });
    for (const t of tasks) {
      await insert('task', {
        id: demoId('task', t.key),
        title: t.title,
        directive_id: demoDirectiveId('499-bc-tu'),
        task_group: t.group,
        lead_organization_id: org(t.lead),
        coordinating_organization_ids: `{${(t.coordinators ?? []).map(org).join(',')}}`,
        due_on: t.dueOn,
        status: t.status,
        completed_on: t.completedOn ?? null,
        search_text: searchKey(t.title),
      });
    }
    const { key, directive, reportDirective, reportingOrganization, figures, ...report } = review;
    await insert('progress_report', {
      id: demoId('progress-report', key),
      title: report.title,
      directive_id: demoDirectiveId(directive),
      report_directive_id: demoDirectiveId(reportDirective),
      reporting_organization_id: org(reportingOrganization),
      period_kind: report.periodKind,
      period_from: report.periodFrom,
      period_to: report.periodTo,
      submitted_on: report.submittedOn,
      // Sections are rich text, as the API stores them.
      results: toRichText(report.results),
      shortcomings: toRichText(report.shortcomings),
      causes: toRichText(report.causes),
      lessons: toRichText(report.lessons),
      next_steps: toRichText(report.nextSteps),
      recommendations: toRichText(report.recommendations),
      figures: JSON.stringify(figures),
      search_text: searchKey([report.title, report.results, report.shortcomings].join(' ')),
    });
    for (const [i, c] of criteria.entries()) {
      await insert('criterion', {
        id: demoId('criterion', c.key),
        directive_id: demoDirectiveId('01-kl-tw'),
        code: c.code,
        title: c.title,
        max_score: c.maxScore,
        position: i + 1,
      });
    }
    for (const e of evaluations) {
      await insert('evaluation', {
        id: demoId('evaluation', `${e.criterion}:${e.organization}:${evaluationPeriod.from}`),
        criterion_id: demoId('criterion', e.criterion),
        organization_id: org(e.organization),
        period_from: evaluationPeriod.from,
        period_to: evaluationPeriod.to,
        score: e.score,
        search_text: '',
      });
    }
  });
}
