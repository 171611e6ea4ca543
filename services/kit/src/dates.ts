import { dayInProvince, todayInProvince } from './time.js';

/**
 * Which days are plausible, by what a date records (issue #16). The Date
 * scalar only knows a calendar; a decision "on 0001-01-01" is a real day and
 * nonsense here, so every dated input names its kind and this file decides.
 *
 * | kind      | fields                                                                  | earliest      | latest                       |
 * |-----------|-------------------------------------------------------------------------|---------------|------------------------------|
 * | `past`    | what already happened: decided, issued, recognised and every lifecycle  | 1930-02-03    | today in the province        |
 * |           | step, completed, submitted, revoked, published, figures read            |               |                              |
 * | `planned` | deadlines and periods that may lie ahead: due dates, the periods of     | 1930-02-03    | today + 20 years             |
 * |           | movements, campaigns, exemplars, reports and evaluations                |               |                              |
 * | scheduled | a publication time set for later (transitionMediaItem's publishAt)      | now           | today + 20 years             |
 *
 * The floor is the founding of the Communist Party of Viet Nam: every record
 * here — directives of Party committees, the emulation movements and their
 * exemplars, commendations, the media that spread them — is the Party's
 * propaganda work and cannot be older (the state's own commendations start
 * later still, 1945). The ceiling for plans is a generous planning horizon
 * (strategies run to 2045 at most); a later year is a typing mistake.
 * Organizations' and positions' validity periods are history, kept by the
 * organizations subgraph's own rules.
 *
 * A step on a timeline (an exemplar's lifecycle) is also never dated before
 * the step it follows: InputCheck.notBefore.
 */
export type DayKind = 'past' | 'planned';

export const EARLIEST_DAY = '1930-02-03';
export const PLANNING_YEARS = 20;

/** The last day a plan may name, from `today` (YYYY-MM-DD strings compare as days). */
export const planningHorizon = (today: string = todayInProvince()): string => `${Number(today.slice(0, 4)) + PLANNING_YEARS}${today.slice(4)}`;

/** Why `day` (a valid YYYY-MM-DD) is implausible for its kind, or null. */
export function dayProblem(day: string, kind: DayKind, today: string = todayInProvince()): string | null {
  if (day < EARLIEST_DAY) return `must not be before ${EARLIEST_DAY} (the founding of the Communist Party of Viet Nam; no record of this work is older).`;
  if (kind === 'past' && day > today) return `is in the future (today is ${today} in the province).`;
  if (kind === 'planned' && day > planningHorizon(today)) return `must not be after ${planningHorizon(today)} (${PLANNING_YEARS} years from today).`;
  return null;
}

/** The same for a moment (DateTime): its day in the province, and for `past` not after `now`. */
export function momentProblem(at: Date, kind: DayKind | 'scheduled', now: Date = new Date()): string | null {
  const day = dayInProvince(at);
  if (kind === 'scheduled') {
    if (at <= now) return 'must be in the future.';
    return day > planningHorizon(dayInProvince(now)) ? `must not be after ${planningHorizon(dayInProvince(now))} (${PLANNING_YEARS} years from today).` : null;
  }
  if (kind === 'past' && at > now) return `is in the future (it is ${now.toISOString()} now).`;
  return dayProblem(day, kind, dayInProvince(now));
}
