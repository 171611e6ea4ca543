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
