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

/** Today in the province's calendar, as YYYY-MM-DD (not the browser's, nor UTC's). */
export const todayInVietnam = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());

export function formatNumber(value: unknown, locale = 'vi'): string {
  if (typeof value !== 'number') return '';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN').format(value);
}

/*
 * Date-times in the province's time (Asia/Ho_Chi_Minh, UTC+7 all year: no
 * daylight saving since 1975), whatever time zone the browser is in. The
 * native picker's value is a wall-clock time without zone; we read it as
 * Vietnam's and send UTC.
 */
const VN_OFFSET_MS = 7 * 3600_000;

/** 'yyyy-MM-ddTHH:mm[:ss]' read as Vietnam's time → ISO 8601 in UTC; '' → null. */
export const vnLocalToIso = (v: string): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return v.trim() ? v : null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - VN_OFFSET_MS).toISOString();
};

/** An ISO date-time → the picker's 'yyyy-MM-ddTHH:mm:ss' in Vietnam's time. */
export const isoToVnLocal = (v: unknown): string => {
  if (typeof v !== 'string' || !v) return '';
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t + VN_OFFSET_MS).toISOString().slice(0, 19);
};

export { pad };
