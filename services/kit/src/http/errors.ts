import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../database/unavailable.js';
import { ErrorCode, PUBLIC_CODES } from '../errors.js';
import type { Logger } from '../log.js';

interface WithRequestId {
  requestId?: string;
}

/**
 * Errors meant for the caller (our codes, GraphQL validation) pass through;
 * anything else becomes INTERNAL_SERVER_ERROR with only the request id, and
 * the real error goes to the log under the same id.
 */
export function errorPlugin(log: Logger): ApolloServerPlugin<WithRequestId> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            const code = e.extensions?.code as string | undefined;
            // Errors thrown outside graphql-js (a failed fetch in the gateway) may come without extensions.
            const extensions = (e.extensions ?? {}) as Record<string, unknown>;
            if (!e.extensions) Object.defineProperty(e, 'extensions', { value: extensions });
            extensions.requestId = contextValue.requestId;
            if (original instanceof OptimisticLockError) {
              // The one place a stale write becomes the API's CONFLICT (formatError then passes it on as public).
              extensions.code = ErrorCode.CONFLICT;
              e.message = 'The record was changed by someone else. Reload it and apply your change again.';
              continue;
            }
            if ((!code || !PUBLIC_CODES.has(code)) && isDatabaseUnavailable(original)) {
              // Down or restarting: the client may retry; the driver's words (host, port) stay in the log.
              log.warn('database unavailable', { requestId: contextValue.requestId, operationName, path: e.path, error: (original as Error)?.message });
              extensions.code = ErrorCode.SERVICE_UNAVAILABLE;
              e.message = 'The database is unavailable right now. Try again shortly.';
              continue;
            }
            if (!code || !PUBLIC_CODES.has(code)) {
              log.error('request failed', { requestId: contextValue.requestId, operationName, path: e.path, error: original });
            }
          }
        },
      };
    },
  };
}

// graphql-js words a variable it could not coerce as: Variable "$input" got invalid value "x" at "input.validFrom"; <reason>
const VARIABLE_ERROR = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)"; |; )(.*)$/s;

/**
 * Errors about the caller's input that graphql-js or Apollo word or label
 * their own way, given the API's codes: a bad scalar literal (labelled
 * GRAPHQL_VALIDATION_FAILED) and a bad variable are BAD_USER_INPUT naming the
 * field; a request Apollo refuses with an HTTP 4xx but no code (a persisted
 * query whose hash does not match) is BAD_REQUEST.
 */
function asClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const original = (error as { originalError?: { extensions?: Record<string, unknown> } } | undefined)?.originalError;
  if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && original?.extensions?.code === ErrorCode.BAD_USER_INPUT) {
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  if (extensions.code === ErrorCode.BAD_USER_INPUT && !extensions.fields) {
    const m = VARIABLE_ERROR.exec(formatted.message);
    if (m) return { ...formatted, extensions: { ...extensions, fields: [{ path: `$${m[2] ?? m[1]}`, message: m[3] }] } };
  }
  // Apollo labels an error without a code INTERNAL_SERVER_ERROR before formatError sees it; the raw error tells.
  const raw = (error as { extensions?: { code?: unknown; http?: { status?: number } } } | undefined)?.extensions;
  const status = raw?.http?.status;
  if (!raw?.code && status && status >= 400 && status < 500) return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_REQUEST } };
  return formatted;
}

export function formatError(given: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = asClientError(given, error);
  const code = formatted.extensions?.code as string | undefined;
  const requestId = formatted.extensions?.requestId as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    void _drop;
    return { ...formatted, extensions };
  }
  return {
    message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}

// graphql-js ends validation and coercion messages with hints at names the client did not send: fields,
// arguments, input fields and enum values ("Did you mean the enum value \"ADMIN\"?").
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * In production, no error message names a schema element the client did not
 * name itself: with introspection off, "Did you mean …" would map the schema
 * for an attacker one guess at a time. Apollo's own option strips only
 * validation errors; variable coercion errors (enum values) come later, so
 * this wraps formatError, which sees every error of the gateway and of each
 * subgraph.
 */
export function withoutSuggestions(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  const strip = (text: string) => text.replace(SUGGESTION, '');
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    // BAD_USER_INPUT repeats graphql-js's reason per field.
    const fields = out.extensions?.fields as { path: string; message: string }[] | undefined;
    return {
      ...out,
      message: strip(out.message),
      ...(Array.isArray(fields) ? { extensions: { ...out.extensions, fields: fields.map((f) => ({ ...f, message: strip(String(f.message)) })) } } : {}),
    };
  };
}
