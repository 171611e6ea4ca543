import { GraphQLError } from 'graphql';

/** The error codes of shared/API.md; clients (and the console's translations) switch on these. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the gateway's BODY_LIMIT (HTTP 413); no field is to blame, so not BAD_USER_INPUT. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The HTTP request itself is malformed (not JSON, a persisted-query hash that does not match). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A service behind the gateway is down or not answering: retry later; the rest of the answer is still there. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose messages are written for the caller and pass through unmasked. */
export const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== 'INTERNAL_SERVER_ERROR'),
  // Raised by graphql-js / Apollo for malformed operations: the message is about the caller's query.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface FieldProblem {
  /** Dotted path of the argument, e.g. "input.name". */
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const badUserInput = (fields: FieldProblem[], message?: string) =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    message ??
      (fields.length === 1 ? `${fields[0]!.path}: ${fields[0]!.message}` : `${fields.length} fields are invalid: ${fields.map((f) => f.path).join(', ')}`),
    { fields },
  );

export const notFound = (what: string, id: string, path?: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, path ? { fields: [{ path, message: `${what} ${id} does not exist.` }] } : {});

export const conflict = (message: string, extensions?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, extensions);

export const staleVersion = (what: string, id: string, expected: number, actual: number) =>
  conflict(`${what} ${id} was changed by someone else (version ${actual}, you edited version ${expected}). Reload it and apply your change again.`, {
    expectedVersion: expected,
    actualVersion: actual,
  });

/**
 * Optimistic locking for every update: a write made against another version
 * than the stored one is refused (CONFLICT) and changes nothing. Without
 * `expectedVersion` the write applies to the current version.
 */
export function checkExpectedVersion(what: string, record: { id: string; version: number }, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== record.version) throw staleVersion(what, record.id, expectedVersion, record.version);
}

export const forbidden = (message = 'You are not allowed to do this.') => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first: no valid credentials were sent.') => new AppError(ErrorCode.UNAUTHENTICATED, message);
