import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const err = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', err('connect ECONNREFUSED 127.0.0.1:5433', { code: 'ECONNREFUSED' })],
    ['server shutting down (57P01)', err('terminating connection due to administrator command', { code: '57P01' })],
    ['server starting up (57P03)', err('the database system is starting up', { code: '57P03' })],
    ['a scrubbed driver error keeps its SQLSTATE', err('Database statement failed (SQLSTATE 57P03); the statement and its values are withheld.')],
    ['pg: connection lost mid-query', err('Connection terminated unexpectedly')],
    ['knex: pool could not connect', err('Knex: Timeout acquiring a connection. The pool is probably full.')],
    [
      'a scrubbed pool failure, known by its frame',
      err('Database statement failed (SQLSTATE unknown); the statement and its values are withheld.', {
        stack: 'DriverException: …\n    at PostgreSqlKnexDialect.acquireConnection (/x/knex/lib/client.js:404:13)',
      }),
    ],
    ['wrapped in a cause', err('query failed', { cause: err('x', { code: 'ECONNRESET' }) })],
    // A pooled client whose connection died under it (seen once during the PostgreSQL fault test).
    ['pg: a client after its connection failed', err('Client has encountered a connection error and is not queryable')],
    ['libpq wording of a lost server', err('server closed the connection unexpectedly')],
  ])('%s', (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(true);
  });

  it.each([
    ['unique violation', err('duplicate key value violates unique constraint', { code: '23505' })],
    ['a scrubbed syntax error', err('Database statement failed (SQLSTATE 42601); the statement and its values are withheld.')],
    ['a bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
  ])('not: %s', (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(false);
  });
});
