import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
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
              extensions.code = ErrorCode.CONFLICT;
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

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const requestId = formatted.extensions?.requestId as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    void _drop;
    return { ...formatted, extensions };
  }
  if (unwrapResolverError(error) instanceof OptimisticLockError) {
    return { message: 'The record was changed by someone else. Reload it and apply your change again.', path: formatted.path, extensions: { code: ErrorCode.CONFLICT, requestId } };
  }
  return {
    message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
