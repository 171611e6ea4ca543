/**
 * Dates dd/MM/yyyy and Vietnamese digit grouping (1.567) in both languages'
 * numbers where Vietnamese is chosen; times in Vietnam's time zone.
 */
const TZ = 'Asia/Ho_Chi_Minh';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `Date` scalar (YYYY-MM-DD) shown as dd/MM/yyyy, with no time-zone shift. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m && value.length === 10) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(d).map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** A `DateTime` shown as dd/MM/yyyy HH:mm in Vietnam's time. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export function formatNumber(value: unknown, locale = 'vi'): string {
  if (typeof value !== 'number') return '';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN').format(value);
}

export { pad };
