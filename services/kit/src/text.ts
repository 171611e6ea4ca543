/**
 * Vietnamese text: everything that enters the system is NFC, and search runs
 * on a key with tone marks and diacritics removed, so "bac kan", "BẮC KẠN" and
 * "Bắc Kạn" find the same rows.
 */

import { INVISIBLE } from './text-policy.js';

/**
 * The diacritic-insensitive search key: lower case, no combining marks, đ → d,
 * runs of white space folded. Computed in the application (not with
 * PostgreSQL's unaccent) so the same function builds the stored key and the
 * query key, and no database extension decides what matches. Invisible
 * characters (zero-width spaces…) are dropped, so they never split a word.
 */
export function searchKey(s: string): string {
  return s.replace(INVISIBLE, '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a query, each matched as a substring of the search key (all must match): pass each through containsPattern. */
export function searchTerms(q: string): string[] {
  return searchKey(q).split(' ').filter(Boolean);
}

// Legacy encodings (TCVN3, VNI) have their own module; re-exported here, where text helpers are looked for.
export { looksLikeLegacyEncoding } from './legacy-encoding.js';
