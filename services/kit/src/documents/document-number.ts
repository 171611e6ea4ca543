import { searchKey } from '../text.js';
import { PARTY_TYPE_CODES, STATE_TYPE_CODES, TYPE_WORDS, type DocumentType, type TypeCode } from './document-types.js';

/**
 * Document numbers (số và ký hiệu, GLOSSARY §1): lenient on input — "Số 01 - KL/TW",
 * "số: 123/QĐ-UBND", "so 02 - kl/tu" — strict on what is stored: one canonical
 * spelling per document, so equal numbers compare equal.
 *
 *   Party style  NUM "-" TYPE "/" ISSUER                     01-KL/TW, 499-BC/TU
 *   State style  NUM "/" [YEAR "/"] [TYPE "-"] ISSUER {"-" UNIT}   123/QĐ-UBND, 15/2023/NĐ-CP, 238/UBND-KGVX, 06/2022/QH15
 *
 * A Party-style number must carry a known type code (the position is
 * unambiguous). In a State-style number the first segment is the type only
 * when it is a known State type code; otherwise the number has none (a công
 * văn: issuer and unit, or a law: NUM/YEAR/QH15).
 */
export interface DocumentNumber {
  style: 'PARTY' | 'STATE';
  number: number;
  /** Legal normative State documents carry their year: 15/2023/NĐ-CP. */
  year: number | null;
  /** Canonical spelling (KL, QĐ, CTr), or null when the number has none. */
  typeCode: string | null;
  /** The kind the type code means; null without a type code. */
  documentType: DocumentType | null;
  issuerCode: string;
  /** Units after the issuer in State numbers: 238/UBND-KGVX → ['KGVX']. */
  unitCodes: string[];
  /** What is stored and shown: 01-KL/TW, 123/QĐ-UBND, 15/2023/NĐ-CP. */
  canonical: string;
}

export type ParseResult = { ok: true; value: DocumentNumber } | { ok: false; message: string };

const EXPECTED = 'Write it like 01-KL/TW (Party: number-type/issuer), 123/QĐ-UBND or 15/2023/NĐ-CP (State: number/[year/]type-issuer).';
const LETTERS = /^[A-Za-zĐđ]+$/u;
const CODE = /^[A-Za-zĐđ][A-Za-zĐđ0-9]*$/u;
// Issuers spelled in mixed case by convention; every other code is upper case.
const MIXED_CASE_ISSUERS = ['TTg'];

const fail = (message: string): ParseResult => ({ ok: false, message });

/** Finds a type code as written, ignoring case, then ignoring diacritics (QD → QĐ) when that is unambiguous. */
function findType(codes: readonly TypeCode[], written: string): TypeCode | undefined {
  const exact = codes.filter((c) => c.code.toUpperCase() === written.toUpperCase());
  if (exact.length) return exact.find((c) => c.code === written) ?? exact[0];
  const loose = codes.filter((c) => searchKey(c.code) === searchKey(written));
  return loose.length === 1 ? loose[0] : undefined;
}

const issuerSpelling = (code: string): string => MIXED_CASE_ISSUERS.find((m) => m.toUpperCase() === code.toUpperCase()) ?? code.toUpperCase();
const pad = (n: number): string => String(n).padStart(2, '0');

/** Removes "Số", "Số:", "so." in front, spaces around separators, and makes dashes plain. */
export function cleanDocumentNumber(input: string): string {
  return input
    .normalize('NFC')
    .trim()
    .replace(/^s[ốôo]\s*[:.]?\s*/iu, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([-/])\s*/g, '$1');
}

function parseNumber(digits: string): number | string {
  if (!/^\d{1,5}$/.test(digits)) return `"${digits}" is not a document number: it must be 1 to 5 digits.`;
  const n = Number(digits);
  return n === 0 ? 'The document number must not be 0.' : n;
}

export function parseDocumentNumber(input: string): ParseResult {
  const s = cleanDocumentNumber(input);
  if (!s) return fail(`The document number is empty. ${EXPECTED}`);
  if (/\s/.test(s)) return fail(`"${s}" has spaces where a "-" or "/" belongs. ${EXPECTED}`);
  const party = /^(\d+)-([^-/]+)\/([^-/]+)$/u.exec(s);
  if (party) return parseParty(s, party[1]!, party[2]!, party[3]!);
  const state = /^(\d+)\/(?:(\d{4})\/)?([^/]+)$/u.exec(s);
  if (state) return parseState(s, state[1]!, state[2], state[3]!);
  return fail(`"${s}" is not a document number. ${EXPECTED}`);
}

function parseParty(s: string, digits: string, type: string, issuer: string): ParseResult {
  const number = parseNumber(digits);
  if (typeof number === 'string') return fail(number);
  if (!LETTERS.test(type) || type.length > 5) return fail(`"${type}" in "${s}" is not a type code (1 to 5 letters, such as KL or NQ). ${EXPECTED}`);
  const known = findType(PARTY_TYPE_CODES, type);
  if (!known) return fail(`Unknown Party document type "${type}" in "${s}". Known types: ${PARTY_TYPE_CODES.map((c) => c.code).join(', ')}.`);
  if (!LETTERS.test(issuer) || issuer.length > 10) return fail(`"${issuer}" in "${s}" is not an issuer code (1 to 10 letters, such as TW or TU). ${EXPECTED}`);
  const issuerCode = issuerSpelling(issuer);
  return {
    ok: true,
    value: {
      style: 'PARTY',
      number,
      year: null,
      typeCode: known.code,
      documentType: known.type,
      issuerCode,
      unitCodes: [],
      canonical: `${pad(number)}-${known.code}/${issuerCode}`,
    },
  };
}

function parseState(s: string, digits: string, yearText: string | undefined, rest: string): ParseResult {
  const number = parseNumber(digits);
  if (typeof number === 'string') return fail(number);
  const year = yearText ? Number(yearText) : null;
  if (year !== null && (year < 1945 || year > 2100)) return fail(`${year} in "${s}" is not a plausible year of issue (1945–2100).`);
  const segments = rest.split('-');
  if (segments.some((x) => !CODE.test(x) || x.length > 12)) return fail(`"${rest}" in "${s}" is not a type and issuer code such as QĐ-UBND. ${EXPECTED}`);
  const known = segments.length > 1 ? findType(STATE_TYPE_CODES, segments[0]!) : undefined;
  const [issuer, ...units] = known ? segments.slice(1) : segments;
  const issuerCode = issuerSpelling(issuer!);
  const unitCodes = units.map((u) => u.toUpperCase());
  const codes = [known?.code, issuerCode, ...unitCodes].filter(Boolean).join('-');
  return {
    ok: true,
    value: {
      style: 'STATE',
      number,
      year,
      typeCode: known?.code ?? null,
      documentType: known?.type ?? null,
      issuerCode,
      unitCodes,
      canonical: `${pad(number)}/${year !== null ? `${year}/` : ''}${codes}`,
    },
  };
}

/**
 * Real documents contain mistakes ("Kết luận số 01-CT/TW"): when a title
 * begins with the word of another kind than the number's type code, the
 * record is kept and flagged with this message, not refused. Null when they
 * agree, or when the title names no kind or the number has no type code.
 */
export function titleTypeConflict(title: string, parsed: Pick<DocumentNumber, 'style' | 'typeCode'>): string | null {
  if (!parsed.typeCode) return null;
  const start = title.normalize('NFC').trim().toLowerCase();
  const claimed = TYPE_WORDS.find((w) => start === w.word || start.startsWith(`${w.word} `))?.word;
  const code = (parsed.style === 'PARTY' ? PARTY_TYPE_CODES : STATE_TYPE_CODES).find((c) => c.code === parsed.typeCode);
  if (!claimed || !code || code.words.includes(claimed)) return null;
  return `The title begins "${claimed}", but type code ${code.code} means "${code.words[0]}".`;
}

/** Folds a number or a query for search: "01 KL TW", "01-kl/tw" and "Số 01-KL/TW" all become "01kltw". */
export const documentNumberKey = (s: string): string => searchKey(cleanDocumentNumber(s)).replace(/[^a-z0-9]/g, '');
