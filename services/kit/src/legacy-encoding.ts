/**
 * Detects Vietnamese typed in a legacy 8-bit encoding (TCVN3 "ABC", VNI
 * Windows) and then read as Latin-1 / Windows-1252, the way old documents and
 * keyboard drivers hand it to a browser: "Trần" arrives as "TrÇn" (TCVN3) or
 * "Traàn" (VNI). Stored, such text is unreadable and unsearchable, so it is
 * refused with a message that says how to fix it (text-policy.ts).
 *
 * Signals, from the byte tables (see testing/legacy-encoders.ts, which builds
 * the test samples by really encoding names):
 *  1. TCVN3 puts vowels on Latin-1 symbols: "nh©n" (â), "B¾c" (ắ), "Lª" (ê), "§" (Đ).
 *  2. TCVN3 puts lower-case toned vowels on Latin-1 CAPITALS: "TrÇn", "NguyÔn",
 *     "ThÞ" — a capital after a lower-case letter inside a word.
 *  3. A word shaped like one Vietnamese syllable (initial consonants, vowels,
 *     final c/ch/m/n/ng/nh/p/t) that holds a letter Vietnamese never uses
 *     (ä å æ ç ë î ï ñ ö ø û ü þ ß): TCVN3 "Hå" (Hồ), "Thñy" (Thủy); VNI "Höông".
 *  4. VNI writes a base vowel, then its marks as a second letter: "Traàn",
 *     "Nguyeãn", "Leâ", "UÛy" — vowel pairs no Vietnamese syllable has.
 * The syllable shape is what keeps "café", "naïve", "Müller" or "Noël" out.
 * Undecidable alone: VNI "Hoà" (Hồ) and "Thò" (Thị) are also correct Unicode
 * words; in a full name another word usually gives the text away.
 */

// Letters only Unicode Vietnamese has (a legacy encoding read as Latin-1 never produces them).
const VIETNAMESE_ONLY = /[ăĂđĐĩĨũŨơƠưƯ\u1EA0-\u1EF9]/;

// Signal 1. The Latin-1 symbols TCVN3 uses for vowels and Đ. Some are also ordinary
// punctuation on one side of a word ("«Paris»", "Cola®", "5µm", "©Reuters"), so those
// count only on the side where punctuation never stands.
const TCVN3_SYMBOLS = /[\u00A1-\u00AE\u00B5-\u00B9\u00BB-\u00BE]/;
const LETTER_BEFORE_ONLY = new Set(['«', '¡', 'µ', '©', '¼', '½', '¾']);
const LETTER_AFTER_ONLY = new Set(['»', '®']);

function tcvn3Symbol(s: string): boolean {
  const chars = [...s];
  return chars.some((c, i) => {
    if (!TCVN3_SYMBOLS.test(c)) return false;
    const before = i > 0 && /\p{L}/u.test(chars[i - 1]!);
    const after = i + 1 < chars.length && /\p{L}/u.test(chars[i + 1]!);
    if (LETTER_BEFORE_ONLY.has(c)) return before;
    if (LETTER_AFTER_ONLY.has(c)) return after;
    return before || after;
  });
}

// Signal 2. A lower-case letter, then a Latin-1 capital (× excluded).
const CAPITAL_INSIDE_WORD = /[a-z\u00DF-\u00FF][\u00C0-\u00D6\u00D8-\u00DE]/;

// Signals 3 and 4 look at one lower-cased word at a time.
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvxñ])?';
const FINAL = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIAL}[aeiouy\\u00DF-\\u00F6\\u00F8-\\u00FF]{1,5}${FINAL}$`, 'u');
// Signal 3: the foreign letter starts the vowels (a glide "u" may come first): "hå", "nguån", "ñy".
const FOREIGN_VOWEL = new RegExp(`^${INITIAL}u?[äåæçëîïñöøûüþß]`, 'u');
// Signal 4: after a/e nothing accented follows in Vietnamese; after o only à á ã è é (hoà, khoé);
// after u, y and VNI's ơ (ô) and ư (ö) no tone letter follows.
// VNI marks: tones ù ø û õ ï; circumflex with a tone â á à å ã ä; breve with a tone ê é è ú ü ë.
const VNI_MARK_PAIR = /a[âáàåãäêéèúüëùøûõï]|e[âáàåãäùøûõï]|o[âåäùøûõï]|[uyôö][ùøûõï]/;

function legacyWord(word: string): boolean {
  if (!SYLLABLE.test(word)) return false;
  return FOREIGN_VOWEL.test(word) || VNI_MARK_PAIR.test(word);
}

export function looksLikeLegacyEncoding(s: string): boolean {
  if (VIETNAMESE_ONLY.test(s)) return false;
  if (tcvn3Symbol(s) || CAPITAL_INSIDE_WORD.test(s)) return true;
  return s
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => w.length > 1 && legacyWord(w));
}
