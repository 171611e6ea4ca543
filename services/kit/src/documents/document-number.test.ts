import { describe, expect, it } from 'vitest';
import { documentNumberKey, parseDocumentNumber, titleTypeConflict, type DocumentNumber } from './document-number.js';
import { DocumentType } from './document-types.js';

const parsed = (input: string): DocumentNumber => {
  const r = parseDocumentNumber(input);
  if (!r.ok) throw new Error(`${input}: ${r.message}`);
  return r.value;
};
const refusal = (input: string): string => {
  const r = parseDocumentNumber(input);
  if (r.ok) throw new Error(`${input} was accepted as ${r.value.canonical}`);
  return r.message;
};

describe('document numbers from the glossary', () => {
  it.each([
    ['01-KL/TW', { style: 'PARTY', number: 1, typeCode: 'KL', issuerCode: 'TW', documentType: DocumentType.CONCLUSION }],
    ['499-BC/TU', { style: 'PARTY', number: 499, typeCode: 'BC', issuerCode: 'TU', documentType: DocumentType.REPORT }],
    ['12-CV/BTGDVTU', { style: 'PARTY', number: 12, typeCode: 'CV', issuerCode: 'BTGDVTU', documentType: DocumentType.OFFICIAL_LETTER }],
    ['05-CT/TW', { style: 'PARTY', number: 5, typeCode: 'CT', issuerCode: 'TW', documentType: DocumentType.DIRECTIVE }],
    ['21-KL/TW', { style: 'PARTY', number: 21, typeCode: 'KL', issuerCode: 'TW' }],
    ['144-QĐ/TW', { style: 'PARTY', number: 144, typeCode: 'QĐ', issuerCode: 'TW', documentType: DocumentType.DECISION }],
    ['36-HD/VPTW', { style: 'PARTY', number: 36, typeCode: 'HD', issuerCode: 'VPTW', documentType: DocumentType.GUIDANCE }],
    ['123/QĐ-UBND', { style: 'STATE', number: 123, year: null, typeCode: 'QĐ', issuerCode: 'UBND', unitCodes: [] }],
    ['15/2023/NĐ-CP', { style: 'STATE', number: 15, year: 2023, typeCode: 'NĐ', issuerCode: 'CP', documentType: DocumentType.DECREE }],
    ['238/UBND-KGVX', { style: 'STATE', number: 238, typeCode: null, issuerCode: 'UBND', unitCodes: ['KGVX'], documentType: null }],
    ['06/2022/QH15', { style: 'STATE', number: 6, year: 2022, typeCode: null, issuerCode: 'QH15' }],
    ['1436/QĐ-UBND', { style: 'STATE', number: 1436, typeCode: 'QĐ', issuerCode: 'UBND' }],
    ['30/2020/NĐ-CP', { style: 'STATE', number: 30, year: 2020, typeCode: 'NĐ', issuerCode: 'CP' }],
  ])('%s', (input, expected) => {
    expect(parsed(input)).toMatchObject({ ...expected, canonical: input });
  });
});

describe('lenient on input, one canonical form', () => {
  it.each([
    ['Số 01 - KL/TW', '01-KL/TW'],
    ['Số 01-KL/TW', '01-KL/TW'],
    ['số: 123/QĐ-UBND', '123/QĐ-UBND'],
    ['Số: 123 / QĐ - UBND', '123/QĐ-UBND'],
    ['so 02 - kl/tu', '02-KL/TU'],
    ['số 02 - kl/tu', '02-KL/TU'],
    ['SỐ 2-KL/TU', '02-KL/TU'],
    ['  1-kl/tw  ', '01-KL/TW'],
    ['01–KL/TW', '01-KL/TW'],
    ['123/QD-UBND', '123/QĐ-UBND'],
    ['15/2023/nd-cp', '15/2023/NĐ-CP'],
    ['12-ctr/tu', '12-CTr/TU'],
    ['3-CTHĐ/TU', '03-CTHĐ/TU'],
    ['5-QĐi/TW', '05-QĐi/TW'],
    ['7-DA/TU', '07-ĐA/TU'],
    ['12/CT-TTg', '12/CT-TTg'],
    ['12/ct-ttg', '12/CT-TTg'],
    ['Số 238/UBND-kgvx', '238/UBND-KGVX'],
    ['1/KH-UBND', '01/KH-UBND'],
    // NFD, as macOS and Word send it.
    ['144-QĐ/TW'.normalize('NFD'), '144-QĐ/TW'],
  ])('%j → %s', (input, canonical) => {
    expect(parsed(input).canonical).toBe(canonical);
  });

  it('parses its own canonical form back to itself', () => {
    for (const n of ['01-KL/TW', '123/QĐ-UBND', '15/2023/NĐ-CP', '238/UBND-KGVX', '12-CTr/TU']) expect(parsed(parsed(n).canonical).canonical).toBe(n);
  });
});

describe('malformed numbers are refused with the expected form', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['Số', /empty/],
    ['KL/TW', /not a document number/],
    ['01-XX/TW', /Unknown Party document type "XX".*Known types: NQ, CT, KL/],
    ['01-KLTW', /not a document number/],
    ['01 KL TW', /spaces where a "-" or "\/" belongs/],
    ['0-KL/TW', /must not be 0/],
    ['123456-KL/TW', /1 to 5 digits/],
    ['01-KL/', /not a document number/],
    ['01-/TW', /not a document number/],
    ['01-K1/TW', /not a type code/],
    ['01-KL/T W', /spaces/],
    ['01-KL/TW1', /not an issuer code/],
    ['123/', /not a document number/],
    ['123/QĐ-', /not a type and issuer code/],
    ['15/1800/NĐ-CP', /not a plausible year/],
    ['15/2023/NĐ-CP/extra', /not a document number/],
    ['01-KL/TW-01-KL/TW', /not a document number/],
    ['<script>/QĐ-UBND', /not a document number/],
  ])('%j', (input, message) => {
    const m = refusal(input);
    expect(m).toMatch(message);
  });

  it('says how to write one in every refusal of a shape', () => {
    expect(refusal('abc')).toContain('01-KL/TW');
    expect(refusal('abc')).toContain('123/QĐ-UBND');
  });
});

describe('a title that contradicts the type code', () => {
  it('is flagged, not refused', () => {
    expect(titleTypeConflict('Kết luận của Bộ Chính trị về tiếp tục thực hiện', parsed('01-CT/TW'))).toMatch(
      /begins "kết luận", but type code CT means "chỉ thị"/,
    );
    expect(titleTypeConflict('Kết luận của Bộ Chính trị về tiếp tục thực hiện', parsed('01-KL/TW'))).toBeNull();
    expect(titleTypeConflict('Chương trình hành động thực hiện Nghị quyết', parsed('3-CTHĐ/TU'))).toBeNull();
    expect(titleTypeConflict('Quy định về trách nhiệm nêu gương', parsed('144-QĐ/TW'))).toBeNull();
    expect(titleTypeConflict('Về tiếp tục đẩy mạnh học tập và làm theo tư tưởng', parsed('01-KL/TW'))).toBeNull();
    expect(titleTypeConflict('Báo cáo sơ kết', parsed('238/UBND-KGVX'))).toBeNull();
  });
});

describe('the search key of a number', () => {
  it('is the same however the number is typed', () => {
    const key = documentNumberKey('01-KL/TW');
    for (const typed of ['01-kl/tw', '01 KL TW', 'Số 01-KL/TW', '01KLTW']) expect(documentNumberKey(typed)).toBe(key);
    expect(documentNumberKey('144-QĐ/TW')).toBe(documentNumberKey('144 qd tw'));
  });
});
