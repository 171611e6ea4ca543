import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode } from '@lantoa/kit';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
}

/** Marks a rejection by a limit, so formatError can tell it from an ordinary validation error. */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });
  }
}

// Armor prefixes its messages with "Syntax Error:", which misleads: the query is well-formed, only too big.
const reject = (ctx: ValidationContext | null, error: GraphQLError): void => {
  ctx?.reportError(new QueryTooComplexError(error.message.replace(/^Syntax Error:\s*/, '')));
};

const limit = (n: number) => ({ n, propagateOnRejection: false, onReject: [reject] });

/**
 * Depth, alias, cost and directive limits as validation rules. The token
 * limit is not Armor's: its plugin throws from a parsing hook, which Apollo
 * treats as an unexpected failure and Armor then re-raises with the raw
 * message of *any* unexpected error. graphql-js's own `maxTokens` parse option
 * (see gateway.ts) rejects the same documents as an ordinary parse error.
 */
export function armor(limits: OperationLimits, production: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const protection = new ApolloArmor({
    maxDepth: limit(limits.maxDepth),
    maxAliases: limit(limits.maxAliases),
    maxDirectives: limit(limits.maxDirectives),
    costLimit: { maxCost: limits.maxCost, propagateOnRejection: false, onReject: [reject] },
    maxTokens: { enabled: false },
    // "Did you mean …" helps developers and maps the schema for attackers.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // Armor is CommonJS, so its typings name the CJS build of @apollo/server: same objects, distinct types.
  return { plugins: protection.plugins as unknown as ApolloServerPlugin[], validationRules: protection.validationRules };
}

/** The limit named by the parse error graphql-js raises when a document exceeds `maxTokens`; undefined for other errors. */
export const tokenLimitOf = (message: string): string | undefined => TOKEN_LIMIT.exec(message)?.[1];

// graphql-js 16 words it "more that N tokens"; accept the corrected spelling too.
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;
