/**
 * SQL fragments every subgraph's queries share, each written once: the
 * collation of Vietnamese text, LIKE patterns built from user text, array
 * parameters and the "valid on a day" condition.
 */

/**
 * ICU's Vietnamese collation (PostgreSQL ≥ 10 with ICU): "Đ" after "D", tone
 * marks ordered as dictionaries order them. Indexes that serve name orderings
 * are built with it (the migrations spell it out, as migrations never change).
 */
export const VIETNAMESE_COLLATION = 'vi-x-icu';

/** `expr collate "vi-x-icu"`, for ORDER BY and index-matching comparisons. */
export const collateVietnamese = (sqlExpression: string) => `(${sqlExpression} collate "${VIETNAMESE_COLLATION}")`;

/**
 * Escapes LIKE's wildcards (`%`, `_`) and its escape character (`\`, the
 * default ESCAPE of PostgreSQL) so user text matches literally.
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** The pattern "contains this text literally", for `like ?` / `ilike ?`. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;

/** "Valid on day ?" for tables with nullable valid_from / valid_to dates; bind the day twice. */
export const ACTIVE_ON = '(valid_from is null or valid_from <= ?::date) and (valid_to is null or valid_to >= ?::date)';

/**
 * A PostgreSQL array literal for `= any(?::uuid[])`. Query builders expand a
 * bound JS array into a comma list, which breaks `any(...)`; one literal
 * string keeps the statement's shape the same for any number of keys.
 */
export const pgArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
