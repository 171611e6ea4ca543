import type { I18nProvider } from 'react-admin';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import en from './en';
import vi from './vi';

export const LOCALES = [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
];

const polyglot = polyglotI18nProvider((locale) => (locale === 'en' ? en : vi), 'vi', LOCALES, { allowMissing: false });

/**
 * Vietnamese by default; react-admin remembers the user's choice in its store
 * (localStorage). Numbers in messages ("1–25 trong số 10.520") are grouped the
 * way the language groups them; smart_count stays a number for plurals.
 */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  translate: (key, options) => {
    if (!options) return polyglot.translate(key, options);
    const fmt = new Intl.NumberFormat(polyglot.getLocale() === 'en' ? 'en-GB' : 'vi-VN');
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) out[k] = typeof v === 'number' && k !== 'smart_count' ? fmt.format(v) : v;
    return polyglot.translate(key, out);
  },
};

/**
 * The API's field messages are English fragments ("must not be empty."); the
 * form shows a translation key instead, so the message follows the language.
 */
const FIELD_MESSAGES: [RegExp, string][] = [
  [/must not be empty|cannot be cleared|is required/i, 'empty'],
  [/at most \d+ characters/i, 'too_long'],
  // The kit's date policy (services/kit/src/dates.ts), before the generic "before" and "future".
  [/founding of the Communist Party/i, 'too_early'],
  [/years from today/i, 'too_late'],
  [/previous step/i, 'before_previous_step'],
  [/^is in the future/i, 'not_future'],
  [/must not be before/i, 'before_start'],
  [/already used/i, 'taken'],
  [/in the future/i, 'future'],
  [/is wrong/i, 'wrong'],
  [/cycle|own subtree|under itself|descendant/i, 'cycle'],
  [/does not exist/i, 'not_found'],
  [/cannot be placed under|are above/i, 'level_under'],
];

export function fieldMessageKey(message: string): string {
  const hit = FIELD_MESSAGES.find(([re]) => re.test(message));
  return `lantoa.field_error.${hit ? hit[1] : 'invalid'}`;
}
