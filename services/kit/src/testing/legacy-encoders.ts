/**
 * Test support: encodes Unicode Vietnamese into the two legacy 8-bit
 * encodings still met in old documents, so tests can build real mojibake
 * ("Trần" typed in TCVN3 and read as Windows-1252 is "TrÇn") instead of
 * hand-typed guesses.
 *
 * Tables: the TCVN3 (TCVN 5712:1993 "ABC", VN3) lower-case codes and the VNI
 * Windows composition rules are those of xvnkb's tcvn.h and vni.h (Dao Hai
 * Lam, VISC, github.com/lamdao/xvnkb), cross-checked with VBKey's
 * mdlCodeTable.bas (github.com/khiemdoan/VBKey). In TCVN3 "ABC" fonts a
 * capital with a tone mark has no code of its own: it is the lower-case code
 * shown in the capitals font (.VnTimeH), so it is encoded that way here.
 */

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const; // none, sắc, huyền, hỏi, ngã, nặng

/** TCVN3 byte of each base vowel with each tone (TONES order). */
const TCVN3: Record<string, readonly number[]> = {
  a: [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  â: [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  ă: [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  e: [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  o: [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  i: [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  y: [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
/** TCVN3's own codes for đ and the capitals without a tone mark. */
const TCVN3_OWN_CODES: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };

/** VNI: the letter a vowel is written with, then the mark bytes (lower case; capitals use the byte − 0x20). */
const VNI_TONE = [null, 0xf9, 0xf8, 0xfb, 0xf5, 0xef] as const;
const VNI_CIRCUMFLEX = [0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4] as const; // â ê ô, with each tone
const VNI_BREVE = [0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb] as const; // ă, with each tone
const VNI_I = [0x69, 0xed, 0xec, 0xe6, 0xf3, 0xf2] as const; // i is one byte with each tone
const VNI_LETTER: Record<string, number> = { ơ: 0xf4, ư: 0xf6, đ: 0xf1 };

/** Splits a precomposed letter into its base vowel (with â ă ê ô ơ ư kept) and tone index. */
function split(ch: string): { base: string; tone: number } | null {
  const d = ch.normalize('NFD');
  const toneIndex = TONES.findIndex((t, i) => i > 0 && d.includes(t));
  const base = (toneIndex > 0 ? d.replace(TONES[toneIndex]!, '') : d).normalize('NFC');
  return TCVN3[base.toLowerCase()] ? { base, tone: Math.max(toneIndex, 0) } : null;
}

export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (TCVN3_OWN_CODES[ch] !== undefined) out.push(TCVN3_OWN_CODES[ch]!);
    else {
      const s = split(ch);
      if (!s) throw new Error(`TCVN3 has no code for ${JSON.stringify(ch)}`);
      const lower = s.base.toLowerCase();
      // A capital with a tone mark is the lower-case code (in the capitals font).
      out.push(s.tone === 0 && s.base !== lower && TCVN3_OWN_CODES[s.base] !== undefined ? TCVN3_OWN_CODES[s.base]! : TCVN3[lower]![s.tone]!);
    }
  }
  return Uint8Array.from(out);
}

export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const lowerCh = ch.toLowerCase();
    const upper = lowerCh !== ch;
    const shift = (b: number) => (upper ? b - 0x20 : b);
    if (lowerCh === 'đ') {
      out.push(shift(VNI_LETTER.đ!));
      continue;
    }
    const s = split(ch);
    if (!s) throw new Error(`VNI has no code for ${JSON.stringify(ch)}`);
    const base = s.base.toLowerCase();
    if (base === 'i') out.push(s.tone === 0 ? code : shift(VNI_I[s.tone]!));
    else if (base === 'y' && s.tone === 5)
      out.push(shift(0xee)); // ỵ is one byte
    else if (base === 'â' || base === 'ê' || base === 'ô') out.push(shift({ â: 0x61, ê: 0x65, ô: 0x6f }[base]), shift(VNI_CIRCUMFLEX[s.tone]!));
    else if (base === 'ă') out.push(shift(0x61), shift(VNI_BREVE[s.tone]!));
    else {
      out.push(VNI_LETTER[base] !== undefined ? shift(VNI_LETTER[base]!) : shift(base.charCodeAt(0)));
      if (s.tone > 0) out.push(shift(VNI_TONE[s.tone]!));
    }
  }
  return Uint8Array.from(out);
}

/** The bytes as a browser or Office shows them when it takes them for Windows-1252 (or Latin-1). */
export const readAs = (bytes: Uint8Array, encoding: 'windows-1252' | 'latin1'): string =>
  encoding === 'latin1' ? Buffer.from(bytes).toString('latin1') : new TextDecoder('windows-1252').decode(bytes);
