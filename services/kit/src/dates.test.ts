import { describe, expect, it } from 'vitest';
import { dayProblem, EARLIEST_DAY, momentProblem, planningHorizon } from './dates.js';

const TODAY = '2026-12-07';

describe('days by kind', () => {
  it('a past event: from the founding of the Party to today in the province', () => {
    expect(dayProblem('0001-01-01', 'past', TODAY)).toMatch(/before 1930-02-03/);
    expect(dayProblem('1930-02-02', 'past', TODAY)).toMatch(/before 1930-02-03/);
    expect(dayProblem(EARLIEST_DAY, 'past', TODAY)).toBeNull();
    expect(dayProblem(TODAY, 'past', TODAY)).toBeNull();
    expect(dayProblem('2026-12-08', 'past', TODAY)).toMatch(/is in the future \(today is 2026-12-07/);
  });

  it('a plan: the same floor, up to 20 years ahead (a leap day stays a leap day)', () => {
    expect(dayProblem('0001-01-01', 'planned', TODAY)).toMatch(/before 1930-02-03/);
    expect(dayProblem('2046-12-07', 'planned', TODAY)).toBeNull();
    expect(dayProblem('2046-12-08', 'planned', TODAY)).toMatch(/must not be after 2046-12-07 \(20 years from today\)/);
    expect(dayProblem('9999-12-31', 'planned', TODAY)).toMatch(/20 years/);
    expect(planningHorizon('2024-02-29')).toBe('2044-02-29');
  });

  it('moments are judged by their day in the province', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(momentProblem(new Date('0001-01-01T00:00:00Z'), 'past', now)).toMatch(/before 1930-02-03/);
    // 1930-02-02T17:30Z is 00:30 on 3 February in the province.
    expect(momentProblem(new Date('1930-02-02T17:30:00Z'), 'past', now)).toBeNull();
    expect(momentProblem(new Date('2026-12-07T10:00:01Z'), 'past', now)).toMatch(/in the future/);
    expect(momentProblem(new Date('2030-01-01T00:00:00Z'), 'planned', now)).toBeNull();
  });

  it('a scheduled time: after now, within the planning horizon', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(momentProblem(now, 'scheduled', now)).toBe('must be in the future.');
    expect(momentProblem(new Date('2026-12-07T10:05:00Z'), 'scheduled', now)).toBeNull();
    expect(momentProblem(new Date('9999-01-01T00:00:00Z'), 'scheduled', now)).toMatch(/20 years from today/);
  });
});
