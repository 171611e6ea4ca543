/**
 * Text hygiene: what happens to each kind of text a client sends. The one
 * place this is decided; every subgraph inherits it.
 *
 * Two layers apply it:
 *  - the global NormalizeInput middleware checks EVERY string argument before
 *    any resolver runs (`checkArgumentText`): it does not know the field, so
 *    it only refuses what no field may hold;
 *  - InputCheck.text(path, value, { kind }) cleans and checks each field by
 *    its kind (`cleanText`), where the service knows what the field is.
 *
 * | kind     | fields                                         | NUL, other C0/C1 controls | TAB, CR, LF           | bidi embeddings, overrides, isolates (U+202A–E, U+2066–9) | zero-width and invisible marks (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen, LRM/RLM/ALM) | spaces                                     | legacy TCVN3/VNI text |
 * |----------|------------------------------------------------|---------------------------|-----------------------|-----------------------------------------------------------|------------------------------------------------------------------------------------|--------------------------------------------|-----------------------|
 * | all      | every string argument (middleware)             | refused                   | allowed               | refused                                                   | allowed (the field's kind decides)                                                 | —                                          | refused               |
 * | `name`   | names, titles, display names, short names, codes (InputCheck.text default) | refused | folded to a space | refused                                     | removed; a value of only these is empty, so a required one is refused              | trimmed, runs folded to one space          | refused               |
 * | `note`   | notes, decision basis, postal addresses        | refused                   | kept (CRLF, CR → LF)  | refused                                                   | removed, except ZWJ/ZWNJ (emoji sequences, other scripts)                          | trimmed at both ends, inner spacing kept   | refused               |
 * | richText | document bodies (later)                        | as `note`                 | as `note`             | as `note`                                                 | as `note`                                                                          | as `note`                                  | refused; markup is checked against its own schema, never stored as raw HTML |
 * | `email`  | e-mail addresses                               | refused                   | refused               | refused                                                   | refused (an address is an identifier: cleaning it would make another address)     | trimmed at both ends; inside refused       | refused               |
 * | search   | `q` filters (searchKey)                        | refused (middleware)      | a space               | refused (middleware)                                      | removed                                                                            | folded                                     | refused               |
 * | secret   | arguments named *password*, *token*, *secret*  | NUL refused, rest kept    | kept                  | kept                                                      | kept                                                                               | kept exactly                               | not checked           |
 *
 * Every kind, secrets too, refuses lone UTF-16 surrogates (`"\ud800"` escapes
 * in a JSON body arrive as half a character): UTF-8 cannot encode them, so
 * PostgreSQL would refuse them in JSON (the audit record) or they would be
 * stored as U+FFFD, and a password hash would differ by platform.
 * Every kind is Unicode NFC first (the middleware); lengths are counted after cleaning.
 * Refused means BAD_USER_INPUT with the field's path, and nothing is written.
 */
import { looksLikeLegacyEncoding } from './legacy-encoding.js';

export type TextKind = 'name' | 'note' | 'email';

// NUL, the other C0 controls except TAB/LF/CR, DEL and the C1 controls.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/; // eslint-disable-line no-control-regex
// Embeddings, overrides and isolates reorder what follows ("Trojan Source"); nobody types them.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Invisible characters: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen,
// Mongolian vowel separator, and the directional marks LRM, RLM, ALM.
export const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u00AD\u180E\u061C]/g;
// In notes, joiners are kept: emoji sequences (👨‍👩‍👧) and some scripts need them.
const INVISIBLE_IN_NOTES = /[\u200B\u200E\u200F\u2060\uFEFF\u00AD\u180E\u061C]/g;
const LINE_BREAKS = /\r\n?/g;
// With the u flag a lone surrogate is its own code point, of category Cs; a well-formed pair is not.
const LONE_SURROGATE = /\p{Cs}/u;
const ANY_SPACE = /[\s\u0085]/;

/** True when the text holds NUL or another control character no field may store (TAB, LF, CR excepted). */
export const hasForbiddenControl = (s: string) => FORBIDDEN_CONTROL.test(s);

/**
 * The checks for every string argument, whatever its field (NormalizeInput).
 * Returns the problem, or null. Secrets are compared as sent, so only NUL
 * (which PostgreSQL cannot store in text) and lone surrogates (which UTF-8
 * cannot encode) are refused in them.
 */
export function checkArgumentText(s: string, secret: boolean): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters.';
  if (LONE_SURROGATE.test(s)) return 'must not contain lone UTF-16 surrogates (U+D800–U+DFFF): it is not valid Unicode text.';
  if (secret) return null;
  if (FORBIDDEN_CONTROL.test(s)) return 'must not contain control characters.';
  if (BIDI_CONTROL.test(s)) return 'must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069).';
  if (looksLikeLegacyEncoding(s)) return 'looks like text in a legacy Vietnamese encoding (TCVN3/VNI); convert it to Unicode and send it again.';
  return null;
}

/** Cleans one field by its kind (the table above); `problem` when the kind refuses the text. */
export function cleanText(s: string, kind: TextKind): { value: string; problem?: string } {
  // Repeated here: InputCheck may see text that did not come through the middleware.
  const common = checkArgumentText(s, false);
  if (common) return { value: s, problem: common };
  switch (kind) {
    case 'name':
      return { value: s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim() };
    case 'note':
      return { value: s.replace(INVISIBLE_IN_NOTES, '').replace(LINE_BREAKS, '\n').trim() };
    case 'email': {
      const value = s.trim();
      if (ANY_SPACE.test(value)) return { value, problem: 'must not contain spaces or line breaks.' };
      if (value.replace(INVISIBLE, '') !== value) return { value, problem: 'must not contain invisible characters.' };
      return { value };
    }
  }
}
