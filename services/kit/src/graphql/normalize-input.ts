import type { MiddlewareFn } from 'type-graphql';
import { badUserInput, type FieldProblem } from '../errors.js';
import { looksLikeLegacyEncoding } from '../text.js';

/**
 * Every string argument is NFC-normalized before any resolver sees it (NFD
 * arrives from macOS and Word), and text in a legacy Vietnamese encoding
 * (TCVN3, VNI) is refused with the path of the field, never stored.
 */
const SECRET_ARGUMENT = /password|token|secret/i;

export const NormalizeInput: MiddlewareFn = async ({ args }, next) => {
  const problems: FieldProblem[] = [];
  normalizeInPlace(args as Record<string, unknown>, '', problems);
  if (problems.length) throw badUserInput(problems);
  return next();
};

function normalizeInPlace(obj: Record<string, unknown> | unknown[], prefix: string, problems: FieldProblem[]): void {
  for (const key of Object.keys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      const normalized = value.normalize('NFC');
      // Secrets are arbitrary characters, not Vietnamese text; they are never stored as given anyway.
      if (!SECRET_ARGUMENT.test(key) && looksLikeLegacyEncoding(normalized)) {
        problems.push({ path, message: 'looks like text in a legacy Vietnamese encoding (TCVN3/VNI); convert it to Unicode and send it again.' });
      }
      (obj as Record<string, unknown>)[key] = normalized;
    } else if (value && typeof value === 'object') {
      normalizeInPlace(value as Record<string, unknown>, path, problems);
    }
  }
}
