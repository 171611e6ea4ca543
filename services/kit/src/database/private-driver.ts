import { DriverException, type Configuration, type LogContext } from '@mikro-orm/core';
import { AbstractSqlDriver, PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * A failed statement's error carries the statement with every value inlined
 * (MikroORM inlines them before knex sends it, and knex prefixes the message
 * with it) and PostgreSQL's own `detail` ("Failing row contains (…)", "Key
 * (email)=(…)"): phone numbers, e-mails, password and token hashes. Whatever
 * logs or wraps the error later, none of that may be in it. Kept: the
 * class (UniqueConstraintViolationException…), SQLSTATE, table, column,
 * constraint. PostgreSQL's own sentence goes too: it quotes values ("invalid input
 * syntax for type uuid: …"), and the SQLSTATE names the same condition.
 */
export function withholdValues<E extends Error>(err: E): E {
  const e = err as E & Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  const where = ['table', 'column', 'constraint']
    .filter((k) => typeof e[k] === 'string' && e[k])
    .map((k) => `${k} ${String(e[k])}`)
    .join(', ');
  const message = `Database statement failed (SQLSTATE ${code}${where ? `, ${where}` : ''}); the statement and its values are withheld.`;
  for (const k of ['detail', 'hint', 'where', 'internalQuery', 'query', 'sql', 'sqlMessage', 'errmsg', 'parameters', 'params', 'bindings']) delete e[k];
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at '));
  Object.defineProperty(e, 'message', { value: message, writable: true, configurable: true, enumerable: false });
  e.stack = [`${e.name}: ${message}`, ...frames].join('\n');
  return e;
}

/** PostgreSqlConnection whose failed statements throw withheld DriverExceptions, whichever path ran them. */
class PrivateValuesConnection extends PostgreSqlConnection {
  protected override async executeQuery<T>(query: string, cb: () => Promise<T>, context?: LogContext): Promise<T> {
    try {
      return await super.executeQuery(query, cb, context);
    } catch (err) {
      const converter = this.getPlatform()?.getExceptionConverter();
      const converted = err instanceof DriverException ? err : converter ? converter.convertException(err as Error) : new DriverException(err as Error);
      throw withholdValues(converted);
    }
  }
}

/** PostgreSqlDriver (which only picks its platform and connection) with PrivateValuesConnection. */
export class PrivateValuesPostgreSqlDriver extends AbstractSqlDriver<PrivateValuesConnection, PostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), PrivateValuesConnection, ['knex', 'pg']);
  }
}
