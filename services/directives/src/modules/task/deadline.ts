import { isValidDate } from '@lantoa/kit';
import { DeadlineStatus } from './task.enums.js';

/**
 * The deadline status of a task on day `asOf`, as SQL over the task row, and
 * its rank for "overdue first" ordering. A task completed after `asOf` was
 * still open then. Cancelled tasks have none. The day is a checked
 * YYYY-MM-DD literal, never client text.
 */
export function deadlineStatusSql(asOf: string, alias = ''): string {
  if (!isValidDate(asOf)) throw new Error(`deadlineStatusSql: ${asOf} is not a date`);
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  const day = `'${asOf}'::date`;
  return `(case when ${c('status')} = 'CANCELLED' then null
    when ${c('status')} = 'DONE' and ${c('completed_on')} <= ${day} then case when ${c('completed_on')} <= ${c('due_on')} then '${DeadlineStatus.DONE_ON_TIME}' else '${DeadlineStatus.DONE_LATE}' end
    when ${day} > ${c('due_on')} then '${DeadlineStatus.OPEN_OVERDUE}' else '${DeadlineStatus.OPEN_WITHIN_DEADLINE}' end)`;
}

/** Overdue first, then open, then done late, done on time, cancelled last. */
export const DEADLINE_RANK: Record<DeadlineStatus | 'CANCELLED', number> = {
  OPEN_OVERDUE: 0,
  OPEN_WITHIN_DEADLINE: 1,
  DONE_LATE: 2,
  DONE_ON_TIME: 3,
  CANCELLED: 4,
};

export const deadlineRankSql = (asOf: string): string =>
  `(case ${deadlineStatusSql(asOf)} ${Object.entries(DEADLINE_RANK)
    .filter(([k]) => k !== 'CANCELLED')
    .map(([k, v]) => `when '${k}' then ${v}`)
    .join(' ')} else ${DEADLINE_RANK.CANCELLED} end)`;

/** The same rule in TypeScript, for one task already read (the field resolver). */
export function deadlineStatusOf(t: { status: string; dueOn: string; completedOn: string | null }, asOf: string): DeadlineStatus | null {
  if (t.status === 'CANCELLED') return null;
  if (t.status === 'DONE' && t.completedOn && t.completedOn <= asOf) return t.completedOn <= t.dueOn ? DeadlineStatus.DONE_ON_TIME : DeadlineStatus.DONE_LATE;
  return asOf > t.dueOn ? DeadlineStatus.OPEN_OVERDUE : DeadlineStatus.OPEN_WITHIN_DEADLINE;
}
