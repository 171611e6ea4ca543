import type { MiddlewareFn } from 'type-graphql';
import { badUserInput, type FieldProblem } from '../errors.js';
import { checkArgumentText } from '../text-policy.js';

/**
 * Every string argument is NFC-normalized before any resolver sees it (NFD
 * arrives from macOS and Word), and what no field may hold — NUL and other
 * control characters, bidirectional overrides, text in a legacy Vietnamese
 * encoding — is refused with the path of the argument, so it never reaches
 * PostgreSQL (text-policy.ts has the whole table).
 */
const SECRET_ARGUMENT = /password|token|secret/i;

export const NormalizeInput: MiddlewareFn = async ({ args }, next) => {
  const problems: FieldProblem[] = [];
  normalizeInPlace(args as Record<string, unknown>, '', false, problems);
  if (problems.length) throw badUserInput(problems);
  return next();
};

function normalizeInPlace(obj: Record<string, unknown> | unknown[], prefix: string, secret: boolean, problems: FieldProblem[]): void {
  for (const key of Object.keys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    const path = prefix ? `${prefix}.${key}` : key;
    // Secrets are arbitrary characters, not text; they are compared as sent (and never stored as given).
    const isSecret = secret || SECRET_ARGUMENT.test(key);
    if (typeof value === 'string') {
      const normalized = value.normalize('NFC');
      const problem = checkArgumentText(normalized, isSecret);
      if (problem) problems.push({ path, message: problem });
      (obj as Record<string, unknown>)[key] = normalized;
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      normalizeInPlace(value as Record<string, unknown>, path, isSecret, problems);
    }
  }
}
