/**
 * The province's calendar. Deadlines, "overdue" and "this year" are days in
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), not in UTC: a task due on the
 * 1st is overdue from 00:00 on the 2nd in the province, 17:00 UTC on the 1st.
 */
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PROVINCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) it is in the province at `at`. */
export const dayInProvince = (at: Date): string => dayFormat.format(at);

/** Today in the province, YYYY-MM-DD. */
export const todayInProvince = (): string => dayInProvince(new Date());

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROVINCE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** A moment as people in the province write it, for notes shown to them: "14:30 05/12/2026". */
export function timeInProvince(at: Date): string {
  const p = Object.fromEntries(timeFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
