import { TextInput, type TextInputProps } from 'react-admin';
import { isoToVnLocal, vnLocalToIso } from '../format';

export { isoToVnLocal, vnLocalToIso };

/**
 * Dates typed and shown as dd/MM/yyyy whatever the browser's language (a
 * native date input follows the browser's locale, often mm/dd/yyyy), stored
 * as the API's YYYY-MM-DD.
 */
export const isoToVn = (v: unknown): string => {
  if (typeof v !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
};

export const vnToIso = (v: string): string | null => {
  const t = v.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
};

/** A real calendar date in YYYY-MM-DD, or the translation key of the problem. */
export const checkIsoDate = (v: unknown): string | undefined => {
  if (v == null || v === '') return undefined;
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return 'lantoa.field_error.date';
  const d = new Date(`${v}T00:00:00Z`);
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() + 1 === Number(m[2]) ? undefined : 'lantoa.field_error.date';
};

/** A date typed as dd/MM/yyyy; the caller's validators (required()…) run after the calendar check, never instead of it. */
export function VnDateInput({ validate, ...props }: TextInputProps) {
  const validators = [checkIsoDate, ...(validate ? [validate].flat() : [])];
  return <TextInput placeholder="dd/mm/yyyy" format={isoToVn} parse={vnToIso} validate={validators} {...props} />;
}

/** A date and time picked in the browser's native picker, meant as Vietnam's time (the label says so). */
export function VnDateTimeInput(props: TextInputProps) {
  return <TextInput type="datetime-local" format={isoToVnLocal} parse={vnLocalToIso} slotProps={{ htmlInput: { step: 1 } }} {...props} />;
}
