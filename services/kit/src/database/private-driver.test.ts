import { CheckConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { createOrm, type Orm } from './orm.js';

const PHONE = '0912 345 678';
const EMAIL = 'nguyen.van.an@example.vn';

let db: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  db = await createTestDatabase('private_driver');
  orm = await createOrm({ clientUrl: db.url, schema: 'private_driver', entities: [AuditEvent], migrations: [] });
  const em = orm.em.fork();
  await em.execute('create schema if not exists private_driver');
  await em.execute(`create table private_driver.contact (email text unique, phone text constraint contact_phone_shape check (phone ~ '^[0-9]+$'))`);
  await em.execute('insert into private_driver.contact (email, phone) values (?, ?)', [EMAIL, '0912345678']);
});

afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

/** Everything an error could hand to a log line: message, stack and every property, nested causes included. */
const everything = (err: unknown) =>
  JSON.stringify(err, Object.getOwnPropertyNames(err as object)) + String((err as Error).stack) + String((err as Error).message);

async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (err) {
    return err as Error;
  }
  throw new Error('the statement did not fail');
}

describe('a failed statement’s error', () => {
  it('keeps its class, SQLSTATE and constraint, and withholds the statement and every value, on every path', async () => {
    const em = orm.em.fork();
    // A duplicate e-mail (PostgreSQL's detail: "Key (email)=(…) already exists.") and a malformed phone ("Failing row contains (…)").
    const cases: Record<string, [() => Promise<unknown>, new (...args: never[]) => Error]> = {
      'em.execute with parameters': [
        () => em.execute('insert into private_driver.contact (email, phone) values (?, ?)', [EMAIL, '0988777666']),
        UniqueConstraintViolationException,
      ],
      'the connection directly': [
        () => em.getConnection().execute(`insert into private_driver.contact (email, phone) values ('${EMAIL}', '0988777666')`),
        UniqueConstraintViolationException,
      ],
      'a query builder': [
        () =>
          em.execute(
            em
              .getKnex()('private_driver.contact')
              .insert({ email: `x${EMAIL}`, phone: PHONE }),
          ),
        CheckConstraintViolationException,
      ],
    };
    for (const [path, [run, kind]] of Object.entries(cases)) {
      const err = await failure(run);
      expect(err, path).toBeInstanceOf(kind);
      expect((err as unknown as { code: string }).code, path).toMatch(/^(23505|23514)$/);
      expect(err.message, path).toMatch(/SQLSTATE 235(05|14).*constraint contact_/);
      const all = everything(err);
      for (const secret of [EMAIL, PHONE, '0988777666', 'nguyen.van.an']) expect(all, `${path}: ${secret}`).not.toContain(secret);
    }
  });
});
