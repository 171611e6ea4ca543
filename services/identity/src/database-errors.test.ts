import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { scrubDatabaseError } from './database-errors.js';

describe('scrubDatabaseError', () => {
  it('keeps the SQLSTATE and drops the statement with its parameters', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
    const driverError = Object.assign(new Error(`insert into "identity"."user_account" ("password_hash") values ('${hash}') - duplicate key value`), {
      code: '23505',
    });
    const clean = scrubDatabaseError(new UniqueConstraintViolationException(driverError)) as Error;
    expect(clean.message).toContain('23505');
    expect(`${clean.message} ${clean.stack}`).not.toContain(hash);
    expect(clean.name).toBe('UniqueConstraintViolation');
  });

  it('leaves other errors alone', () => {
    const e = new Error('not from the driver');
    expect(scrubDatabaseError(e)).toBe(e);
  });
});
