import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en';
import vi from '../src/i18n/vi';
import { fieldMessageKey } from '../src/i18n';
import { formatDate, formatDateTime, formatNumber, isoToVnLocal, vnLocalToIso } from '../src/format';
import { toCsv } from '../src/csv';
import { dayProblem } from '../../services/kit/src/dates';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

const get = (o: object, key: string) => key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? sources(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []));

describe('translations', () => {
  it('vi.ts has exactly the keys of en.ts (react-admin’s and ours)', () => {
    expect(keys(vi).sort()).toEqual(keys(en).sort());
  });

  it('no Vietnamese message is left empty or in English', () => {
    const same = keys(vi).filter(
      (k) => get(vi, k) === get(en, k) && !/^(ra\.boolean\.null|lantoa\.common\.none)$/.test(k) && /[a-z]{4}/.test(String(get(en, k)).replace(/%\{\w+\}/g, '')),
    );
    expect(same).toEqual([]);
  });

  it('every lantoa.* key used in the screens exists', () => {
    const used = new Set<string>();
    for (const file of sources(new URL('../src', import.meta.url).pathname)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](lantoa\.[a-z_]+\.[A-Za-z_]+)['"`]/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => typeof get(vi, k) !== 'string')).toEqual([]);
  });

  it('API field messages become translated keys', () => {
    expect(fieldMessageKey('must not be empty.')).toBe('lantoa.field_error.empty');
    expect(fieldMessageKey('must be at most 300 characters (got 301).')).toBe('lantoa.field_error.too_long');
    expect(fieldMessageKey('something new')).toBe('lantoa.field_error.invalid');
    expect(typeof get(vi, fieldMessageKey('is already used by another user.'))).toBe('string');
  });

  it('the kit’s date policy messages each have their own translation (not "must be in the future" for a day in the future)', () => {
    const today = '2026-12-07';
    expect(fieldMessageKey(dayProblem('0001-01-01', 'past', today)!)).toBe('lantoa.field_error.too_early');
    expect(fieldMessageKey(dayProblem('2026-12-08', 'past', today)!)).toBe('lantoa.field_error.not_future');
    expect(fieldMessageKey(dayProblem('9999-01-01', 'planned', today)!)).toBe('lantoa.field_error.too_late');
    expect(fieldMessageKey('must not be before the day of the previous step, VERIFY (2026-12-01).')).toBe('lantoa.field_error.before_previous_step');
  });
});

describe('formats', () => {
  it('dates are dd/MM/yyyy, times in Vietnam', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDateTime('2025-06-30T17:05:00Z')).toBe('01/07/2025 00:05');
    expect(formatDate('2025-06-30T17:05:00Z')).toBe('01/07/2025');
  });
  it('a picked date-time is Vietnam’s wall-clock time, whatever the browser’s zone', () => {
    expect(vnLocalToIso('2026-12-02T07:30')).toBe('2026-12-02T00:30:00.000Z');
    expect(vnLocalToIso('2026-01-01T03:15:09')).toBe('2025-12-31T20:15:09.000Z');
    expect(isoToVnLocal('2025-12-31T20:15:09Z')).toBe('2026-01-01T03:15:09');
    expect(vnLocalToIso('')).toBeNull();
  });
  it('numbers group thousands with a dot in Vietnamese', () => {
    expect(formatNumber(1567)).toBe('1.567');
    expect(formatNumber(10521, 'en')).toBe('10,521');
  });
  it('CSV starts with a BOM and quotes what needs quoting', () => {
    const csv = toCsv(
      [{ a: 'Huyện ủy "Ba Bể", Bắc Kạn', b: 3 }],
      [
        { header: 'Tên', value: (r) => r.a },
        { header: 'Số', value: (r) => r.b },
      ],
    );
    expect(csv).toBe('\uFEFFTên,Số\r\n"Huyện ủy ""Ba Bể"", Bắc Kạn",3\r\n');
  });
});
