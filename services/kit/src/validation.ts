import { dayProblem, momentProblem, type DayKind } from './dates.js';
import { badUserInput, type FieldProblem } from './errors.js';
import { cleanText, type TextKind } from './text-policy.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isUuid = (s: string) => UUID.test(s);

// Local part, @, and a domain with at least one dot; no spaces. Deliverability is the mail server's business.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The one e-mail rule (users' sign-in addresses, people's contact addresses). */
export const isEmail = (s: string) => EMAIL.test(s);

/** The most ids one list argument may name. */
export const MAX_IDS = 500;

/**
 * A calendar day PostgreSQL can store as `date`, written YYYY-MM-DD: no
 * 2024-02-30, no month 13, and no year 0000 (there is none: 1 BC precedes AD 1).
 */
export function isValidDate(s: string): boolean {
  if (!DATE.test(s) || s.startsWith('0000')) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * One text field's rule, shared by the create and the update of a record so
 * that both refuse the same values (define it once per field, next to the
 * service that writes it).
 */
export interface TextRule {
  max: number;
  min?: number;
  /** The record cannot exist without it: a create must send it, an update must not clear or empty it. */
  required?: boolean;
  /** How the text is cleaned and what it may contain (text-policy.ts); default `name`. */
  kind?: TextKind;
}

/**
 * Collects every problem of one input before anything is written, so the
 * caller learns all bad fields at once and a failed write changes nothing.
 *
 * A check is made for a create or an update (`mode`). The same field rules
 * apply to both; only absence differs: a create must send each required
 * field, an update leaves an omitted field as it is, and refuses null, empty
 * or blank text for it.
 */
export class InputCheck {
  readonly problems: FieldProblem[] = [];

  constructor(readonly mode: 'create' | 'update' = 'create') {}

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /**
   * Cleans a text field by its kind and checks its length. Returns undefined
   * when absent (unchanged in an update), null when cleared, else the cleaned text.
   */
  text(path: string, value: string | null | undefined, rule: TextRule): string | null | undefined {
    if (value == null) {
      this.required(path, value, rule.required ?? false);
      return value;
    }
    const { value: v, problem } = cleanText(value, rule.kind ?? 'name');
    if (problem) this.add(path, problem);
    else if (v.length === 0) {
      if (!rule.required && !rule.min) return null;
      this.add(path, 'must not be empty.');
    } else if (rule.min && [...v].length < rule.min) this.add(path, `must be at least ${rule.min} characters.`);
    else if (v.length > rule.max) this.add(path, `must be at most ${rule.max} characters (got ${v.length}).`);
    return v;
  }

  /** A required field of any type: absent from a create, or null in an update, is refused. */
  required(path: string, value: unknown, required = true): void {
    if (!required) return;
    if (this.mode === 'create' && value == null) this.add(path, 'is required.');
    else if (this.mode === 'update' && value === null) this.add(path, 'cannot be cleared.');
  }

  uuid(path: string, value: string | null | undefined): void {
    if (value != null && !isUuid(value)) this.add(path, `is not a valid id: ${JSON.stringify(value.slice(0, 60))}.`);
  }

  /** A list of ids, at most MAX_IDS (a filter by more ids than any page holds is a mistake, and costs every statement it reaches). */
  uuids(path: string, values: readonly string[] | null | undefined): void {
    if (values && values.length > MAX_IDS) this.add(path, `must list at most ${MAX_IDS} ids (got ${values.length}).`);
    else values?.forEach((v, i) => this.uuid(`${path}.${i}`, v));
  }

  /** A day of its kind (dates.ts: `past` or `planned`), when given. */
  day(path: string, value: string | null | undefined, kind: DayKind): void {
    const problem = value == null ? null : dayProblem(value, kind);
    if (problem) this.add(path, problem);
  }

  /** A moment of its kind (dates.ts), when given. */
  moment(path: string, value: Date | null | undefined, kind: DayKind | 'scheduled'): void {
    const problem = value == null ? null : momentProblem(value, kind);
    if (problem) this.add(path, problem);
  }

  /** A step on a timeline is not dated before the step it follows (`what` names that step). */
  notBefore(path: string, value: string | null | undefined, previous: string | null | undefined, what: string): void {
    if (value && previous && value < previous) this.add(path, `must not be before ${what} (${previous}).`);
  }

  /** A date range must not end before it starts. */
  dateRange(fromPath: string, from: string | null | undefined, toPath: string, to: string | null | undefined): void {
    if (from && to && to < from) this.add(toPath, `must not be before ${fromPath.split('.').pop()} (${from}).`);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws BAD_USER_INPUT naming every problem, if there is any. */
  done(): void {
    if (this.problems.length) throw badUserInput(this.problems);
  }
}
