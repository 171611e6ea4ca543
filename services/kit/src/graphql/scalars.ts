import {
  getNamedType,
  GraphQLError,
  GraphQLScalarType,
  isScalarType,
  Kind,
  type ASTNode,
  type GraphQLSchema,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ErrorCode } from '../errors.js';
import { isValidDate } from '../validation.js';

/**
 * The custom scalars every subgraph uses, and how their errors reach a client.
 *
 * A bad scalar value is BAD_USER_INPUT naming the field, whether it comes as a
 * variable or as a literal, at the gateway or at a subgraph. The gateway
 * knows only the supergraph's SDL, where a custom scalar accepts anything;
 * `bindScalars` gives its schema these implementations, so the gateway
 * refuses a bad value before planning (a subgraph's refusal would come back
 * as a failed fetch). Literals are checked by `scalarLiteralsRule`, which
 * knows the argument path that graphql-js's own rule does not report.
 */

const scalarError = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw scalarError(`Date must be a calendar date written YYYY-MM-DD (years 0001–9999), got ${JSON.stringify(value)}.`);
  }
  return value;
}

/**
 * A calendar date without time or zone (`2021-05-18`): document dates are
 * days, and a timestamp would shift them across time zones. Only days
 * PostgreSQL can store pass (no 2024-02-30, no year 0000).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601), without time or time zone.',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : parseDate(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

// graphql-scalars' errors carry no code; give them ours, with a message that says what is expected.
const asBadInput =
  <A extends unknown[], R>(parse: (...args: A) => R) =>
  (...args: A): R => {
    try {
      return parse(...args);
    } catch (err) {
      throw scalarError(`DateTime must be an ISO 8601 date and time with an offset, e.g. 2026-05-18T08:30:00+07:00 (${(err as Error).message}).`);
    }
  };

/** A moment (ISO 8601 with offset), parsed into a Date; graphql-scalars' DateTime with BAD_USER_INPUT errors. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: asBadInput(DateTimeResolver.parseValue.bind(DateTimeResolver)),
  parseLiteral: asBadInput(DateTimeResolver.parseLiteral.bind(DateTimeResolver)),
});

export const KIT_SCALARS: readonly GraphQLScalarType[] = [DateScalar, DateTimeScalar];

/**
 * Gives a schema built from SDL (the gateway's supergraph) the kit's scalar
 * parsing, so variables are coerced as the subgraphs will coerce them. Its
 * literals are left to scalarLiteralsRule, which reports the path.
 */
export function bindScalars(schema: GraphQLSchema, scalars: readonly GraphQLScalarType[] = KIT_SCALARS): void {
  for (const scalar of scalars) {
    const target = schema.getType(scalar.name);
    if (!isScalarType(target)) continue;
    Object.assign(target, { parseValue: scalar.parseValue, serialize: scalar.serialize });
  }
}

const LEAF_VALUES = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM]);

/**
 * Checks literal values of the kit's scalars in an operation and reports
 * each bad one as BAD_USER_INPUT with its argument path ("filter.activeOn",
 * "input.fromIds.0"). For schemas whose own scalars accept any literal (the
 * gateway's, see bindScalars).
 */
export function scalarLiteralsRule(scalars: readonly GraphQLScalarType[] = KIT_SCALARS): ValidationRule {
  const byName = new Map(scalars.map((s) => [s.name, s]));
  return (context) => {
    const path: (string | number)[] = [];
    const isListItem = (parent: unknown, ancestors: readonly (ASTNode | readonly ASTNode[])[]) =>
      Array.isArray(parent) && (ancestors[ancestors.length - 1] as ASTNode | undefined)?.kind === Kind.LIST;
    return {
      enter(node, key, parent, _keys, ancestors) {
        if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
        else if (node.kind === Kind.VARIABLE_DEFINITION)
          path.push(`$${node.variable.name.value}`); // its default value
        else if (isListItem(parent, ancestors)) path.push(key as number);
        if (!LEAF_VALUES.has(node.kind)) return;
        const type = context.getInputType();
        const scalar = type ? byName.get(getNamedType(type).name) : undefined;
        if (!scalar) return;
        try {
          scalar.parseLiteral(node as ValueNode, undefined);
        } catch (err) {
          const fields = [{ path: path.join('.'), message: (err as Error).message }];
          context.reportError(
            new GraphQLError(`${fields[0]!.path}: ${fields[0]!.message}`, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } }),
          );
        }
      },
      leave(node, _key, parent, _keys, ancestors) {
        if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD || node.kind === Kind.VARIABLE_DEFINITION || isListItem(parent, ancestors))
          path.pop();
      },
    };
  };
}
