import { parseDocumentNumber, titleTypeConflict } from '../../../../services/kit/src/documents/document-number';
import { PARTY_TYPE_CODES, STATE_TYPE_CODES, TYPE_WORDS } from '../../../../services/kit/src/documents/document-types';

/**
 * The kit's own parser (pure: it imports only the kit's text helpers), so the
 * form shows the canonical number as the user types, exactly as the server
 * will store it. Its English messages become translation keys with their
 * arguments, so the error reads in the console's language.
 */
export type Translated = { key: string; args?: Record<string, string> };

const MESSAGES: [RegExp, string, string[]][] = [
  [/is empty/, 'empty', []],
  [/^"(.*)" has spaces/, 'spaces', ['s']],
  [/^"(.*)" is not a document number: it must be/, 'digits', ['digits']],
  [/must not be 0/, 'zero', []],
  [/^"(.*)" in ".*" is not a type code/, 'type_code', ['code']],
  [/^Unknown Party document type "(.*)" in ".*"\. Known types: (.*)\.$/, 'unknown_type', ['code', 'known']],
  [/^"(.*)" in ".*" is not an issuer code/, 'issuer', ['code']],
  [/^(\d+) in ".*" is not a plausible year/, 'year', ['year']],
  [/^"(.*)" in ".*" is not a type and issuer code/, 'state_codes', ['code']],
  [/^"(.*)" is not a document number\./, 'malformed', ['s']],
];

export function translateParserMessage(message: string): Translated {
  for (const [re, key, names] of MESSAGES) {
    const m = re.exec(message);
    if (m) return { key: `lantoa.number_error.${key}`, args: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
  }
  return { key: 'lantoa.number_error.malformed', args: { s: message } };
}

/** The canonical number, or the problem as a translation key. */
export function checkNumber(input: string): { canonical: string; style: 'PARTY' | 'STATE' } | { error: Translated } {
  const r = parseDocumentNumber(input);
  return r.ok ? { canonical: r.value.canonical, style: r.value.style } : { error: translateParserMessage(r.message) };
}

/** A title whose first word names another kind than the type code: the word, the code and what the code means. */
export function titleConflict(title: string, number: string): { word: string; code: string; meaning: string } | null {
  const r = parseDocumentNumber(number);
  if (!r.ok || !title || !titleTypeConflict(title, r.value)) return null;
  const start = title.normalize('NFC').trim().toLowerCase();
  const word = TYPE_WORDS.find((w) => start === w.word || start.startsWith(`${w.word} `))?.word ?? '';
  const code = (r.value.style === 'PARTY' ? PARTY_TYPE_CODES : STATE_TYPE_CODES).find((c) => c.code === r.value.typeCode);
  return { word, code: r.value.typeCode!, meaning: code?.words[0] ?? '' };
}
