/**
 * The type codes of Party and State document numbers (GLOSSARY §1), as data:
 * the code as written in a number, the kind of document it means, and the
 * words a title starts with for that kind. Party codes follow Hướng dẫn
 * 36-HD/VPTW (2018); State codes Nghị định 30/2020/NĐ-CP, Phụ lục III.
 */

export enum DocumentFamily {
  PARTY = 'PARTY',
  STATE = 'STATE',
  MASS_ORGANIZATION = 'MASS_ORGANIZATION',
}

export enum DocumentType {
  RESOLUTION = 'RESOLUTION',
  DIRECTIVE = 'DIRECTIVE',
  CONCLUSION = 'CONCLUSION',
  REGULATION = 'REGULATION',
  DECISION = 'DECISION',
  GUIDANCE = 'GUIDANCE',
  PLAN = 'PLAN',
  SCHEME = 'SCHEME',
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
  REPORT = 'REPORT',
  NOTICE = 'NOTICE',
  PROGRAMME = 'PROGRAMME',
  ACTION_PROGRAMME = 'ACTION_PROGRAMME',
  SUBMISSION = 'SUBMISSION',
  RULES = 'RULES',
  COPY = 'COPY',
  LAW = 'LAW',
  DECREE = 'DECREE',
  CIRCULAR = 'CIRCULAR',
  OTHER = 'OTHER',
}

export interface TypeCode {
  code: string;
  type: DocumentType;
  /** How a title of this kind begins, lower case ("kết luận"); the first is the usual one. */
  words: string[];
}

const t = (code: string, type: DocumentType, ...words: string[]): TypeCode => ({ code, type, words });

export const PARTY_TYPE_CODES: readonly TypeCode[] = [
  t('NQ', DocumentType.RESOLUTION, 'nghị quyết'),
  t('CT', DocumentType.DIRECTIVE, 'chỉ thị'),
  t('KL', DocumentType.CONCLUSION, 'kết luận'),
  // QĐ is written for both decisions and regulations; QĐi only for regulations.
  t('QĐ', DocumentType.DECISION, 'quyết định', 'quy định'),
  t('QĐi', DocumentType.REGULATION, 'quy định'),
  t('HD', DocumentType.GUIDANCE, 'hướng dẫn'),
  t('KH', DocumentType.PLAN, 'kế hoạch'),
  t('ĐA', DocumentType.SCHEME, 'đề án'),
  t('CV', DocumentType.OFFICIAL_LETTER, 'công văn'),
  t('BC', DocumentType.REPORT, 'báo cáo'),
  t('TB', DocumentType.NOTICE, 'thông báo'),
  t('CTr', DocumentType.PROGRAMME, 'chương trình'),
  t('CTHĐ', DocumentType.ACTION_PROGRAMME, 'chương trình hành động'),
  t('TTr', DocumentType.SUBMISSION, 'tờ trình'),
  t('QC', DocumentType.RULES, 'quy chế'),
  t('BS', DocumentType.COPY, 'bản sao'),
];

export const STATE_TYPE_CODES: readonly TypeCode[] = [
  t('NQ', DocumentType.RESOLUTION, 'nghị quyết'),
  t('NĐ', DocumentType.DECREE, 'nghị định'),
  t('TT', DocumentType.CIRCULAR, 'thông tư'),
  t('QĐ', DocumentType.DECISION, 'quyết định'),
  t('QyĐ', DocumentType.REGULATION, 'quy định'),
  t('CT', DocumentType.DIRECTIVE, 'chỉ thị'),
  t('QC', DocumentType.RULES, 'quy chế'),
  t('TB', DocumentType.NOTICE, 'thông báo'),
  t('HD', DocumentType.GUIDANCE, 'hướng dẫn'),
  t('CTr', DocumentType.PROGRAMME, 'chương trình'),
  t('KH', DocumentType.PLAN, 'kế hoạch'),
  t('PA', DocumentType.PLAN, 'phương án'),
  t('ĐA', DocumentType.SCHEME, 'đề án'),
  t('DA', DocumentType.SCHEME, 'dự án'),
  t('BC', DocumentType.REPORT, 'báo cáo'),
  t('TTr', DocumentType.SUBMISSION, 'tờ trình'),
  t('CĐ', DocumentType.OFFICIAL_LETTER, 'công điện'),
  t('BB', DocumentType.OTHER, 'biên bản'),
  t('HĐ', DocumentType.OTHER, 'hợp đồng'),
  t('GM', DocumentType.OTHER, 'giấy mời'),
];

/** The words of every kind, longest first ("chương trình hành động" before "chương trình"), to recognise the kind a title claims. */
export const TYPE_WORDS: readonly { word: string }[] = [...new Set([...PARTY_TYPE_CODES, ...STATE_TYPE_CODES].flatMap((c) => c.words).concat('luật'))]
  .sort((a, b) => b.length - a.length)
  .map((word) => ({ word }));
