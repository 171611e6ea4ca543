import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MiddlewareFn } from 'type-graphql';

/**
 * Driver errors carry the failed statement with its parameters, which here
 * may be a password hash or a token hash. They are replaced by an error that
 * names only the SQLSTATE before anything can log them.
 */
export function scrubDatabaseError(err: unknown): unknown {
  if (!(err instanceof DriverException)) return err;
  const code = (err as { code?: string }).code ?? 'unknown';
  const clean = new Error(`Database statement failed (SQLSTATE ${code}, ${err.name}); parameters withheld.`);
  clean.name = err instanceof UniqueConstraintViolationException ? 'UniqueConstraintViolation' : 'DatabaseError';
  return clean;
}

/** Resolver middleware: no driver error leaves identity with its statement attached. */
export const ScrubDatabaseErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (err) {
    throw scrubDatabaseError(err);
  }
};

export const isUniqueViolation = (err: unknown) => err instanceof UniqueConstraintViolationException;
