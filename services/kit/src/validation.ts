import { badUserInput, type FieldProblem } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isUuid = (s: string) => UUID.test(s);

export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * Collects every problem of one input before anything is written, so the
 * caller learns all bad fields at once and a failed write changes nothing.
 */
export class InputCheck {
  readonly problems: FieldProblem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Trims a text field and checks its length; returns undefined when absent and allowed. */
  text(path: string, value: string | null | undefined, opts: { required?: boolean; max: number; min?: number }): string | null | undefined {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'is required.');
      return value;
    }
    const v = value.trim().replace(/\s+/g, ' ');
    if (v.length < (opts.min ?? 1)) {
      if (opts.required || v.length > 0 || opts.min) this.add(path, 'must not be empty.');
      else return null;
    } else if (v.length > opts.max) this.add(path, `must be at most ${opts.max} characters (got ${v.length}).`);
    return v;
  }

  uuid(path: string, value: string | null | undefined): void {
    if (value != null && !isUuid(value)) this.add(path, `is not a valid id: ${JSON.stringify(value.slice(0, 60))}.`);
  }

  uuids(path: string, values: readonly string[] | null | undefined): void {
    values?.forEach((v, i) => this.uuid(`${path}.${i}`, v));
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
