import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidDate } from '../validation.js';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * A calendar date without time or zone (`2021-05-18`): document dates are
 * days, and a timestamp would shift them across time zones.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601), without time or time zone.',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : parseDate(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
