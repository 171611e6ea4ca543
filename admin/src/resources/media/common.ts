/** The media subgraph's enums, in the order the screens offer them, and the workflow's rules the buttons follow. */
export const KINDS = ['ONLINE_ARTICLE', 'PRINT_ARTICLE', 'TV_REPORT', 'RADIO_REPORT', 'SOCIAL_POST', 'POSTER', 'EVENT', 'PUBLICATION'] as const;
export const TONES = ['PROMOTES_EXEMPLAR', 'EXPLAINS_DIRECTIVE', 'CRITICAL'] as const;
/** Vietnamese, the province's ethnic-language programmes (Tày, Nùng, Mông, Dao: ISO 639-3 codes) and English. */
export const LANGUAGES = ['vi', 'tyz', 'nut', 'hmn', 'ium', 'en'] as const;
export const STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'] as const;

/** REJECT sends an item back and must say why (the server refuses it without a note). */
export const NEEDS_REASON = new Set(['REJECT']);
/** Steps that take a publication time: approving with one schedules it, SCHEDULE changes or clears it. */
export const TAKES_PUBLISH_AT = new Set(['APPROVE', 'SCHEDULE']);

export const STATUS_COLOR: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'> = {
  DRAFT: 'default',
  IN_REVIEW: 'info',
  APPROVED: 'primary',
  PUBLISHED: 'success',
  ARCHIVED: 'secondary',
};

export const TONE_COLOR: Record<string, 'default' | 'success' | 'info' | 'error'> = {
  PROMOTES_EXEMPLAR: 'success',
  EXPLAINS_DIRECTIVE: 'info',
  CRITICAL: 'error',
};

// Pickers search the server's `q`, which ignores diacritics and case: "chuyen xe" finds "Chuyến xe không đồng".
export const byQ = (q: string) => ({ q });
/** Outlets are organizations of type PRESS only (the server refuses any other). */
export const pressOnly = (q: string) => ({ q, type: 'PRESS' });
