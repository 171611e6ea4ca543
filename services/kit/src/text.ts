/**
 * Vietnamese text: everything that enters the system is NFC, and search runs
 * on a key with tone marks and diacritics removed, so "bac kan", "BẮC KẠN" and
 * "Bắc Kạn" find the same rows.
 */

export const nfc = (s: string): string => s.normalize('NFC');

/**
 * The diacritic-insensitive search key: lower case, no combining marks, đ → d,
 * runs of white space folded. Computed in the application (not with
 * PostgreSQL's unaccent) so the same function builds the stored key and the
 * query key, and no database extension decides what matches.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, each matched as a substring of the search key (all must match). */
export function searchTerms(q: string): string[] {
  return searchKey(q)
    .split(' ')
    .filter(Boolean)
    .map((t) => t.replace(/[\\%_]/g, (c) => '\\' + c));
}

// Letters that only Vietnamese (not TCVN3 or VNI bytes read as Latin-1) produces.
const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/;
// TCVN3 (ABC) puts tone-marked vowels on Latin-1 punctuation code points: "nh©n d©n".
const TCVN3_IN_WORD = /[\p{L}][\u00A1-\u00AF\u00B1-\u00BF]|[\u00A1-\u00AF\u00B1-\u00BF][a-zA-Z]/u;
// VNI writes a base vowel, then its marks as Latin-1 letters: "nhaân" (â), "Uûy" (hỏi),
// "Kaïn" (nặng). No Vietnamese syllable has these vowel pairs.
const VNI_AFTER_VOWEL = /[aeoAEO][âêùÂÊÙ]|[aeiouyAEIOUY][äåæçëîïðñöøûüõÄÅÆÇËÎÏÐÑÖØÛÜÕ]/;

/**
 * Detects text typed in a legacy Vietnamese encoding (TCVN3, VNI) and read as
 * Unicode: storing it would make it unsearchable and unreadable, so it is
 * refused with a message that says how to fix it.
 */
export function looksLikeLegacyEncoding(s: string): boolean {
  if (VIETNAMESE_ONLY.test(s)) return false;
  return TCVN3_IN_WORD.test(s) || VNI_AFTER_VOWEL.test(s);
}
