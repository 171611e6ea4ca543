import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, formatError, type Logger } from '@lantoa/kit';
import type { ErrorRequestHandler } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryTooComplexError, tokenLimitOf } from './armor.js';
import { currentRequest, type GatewayContext } from './context.js';

/**
 * kit's formatError (public codes pass, the rest is masked) plus what only the
 * gateway sees: limit rejections, which Apollo re-labels as validation or
 * parse failures, and the subgraph name the gateway stamps on forwarded errors.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const requestId = (formatted.extensions?.requestId as string | undefined) ?? currentRequest.getStore()?.requestId;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof QueryTooComplexError) {
    return { message: original.message, locations: formatted.locations, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, requestId } };
  }
  const limit = tokenLimitOf(formatted.message);
  if (limit) {
    return { message: `Query token limit of ${limit} exceeded.`, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, requestId } };
  }
  // Which subgraph answered is an internal detail of the deployment, not part of the API.
  const { serviceName: _service, ...extensions } = formatted.extensions ?? {};
  void _service;
  return formatError({ ...formatted, extensions: { ...extensions, requestId } }, error);
}

/** Logs the failures Apollo handles outside the request pipeline, which kit's errorPlugin never sees. */
export function unexpectedErrorPlugin(log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      log.error('unexpected error processing request', { requestId: requestContext.contextValue.requestId, error });
    },
    async contextCreationDidFail({ error }) {
      log.error('context creation failed', { requestId: currentRequest.getStore()?.requestId, error });
    },
  };
}

/**
 * Errors raised before Apollo sees the request (body too large, malformed
 * JSON) answered in the GraphQL error shape, so clients need one parser.
 */
export function httpErrorHandler(log: Logger, bodyLimit: string): ErrorRequestHandler {
  return (err: { type?: string; status?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const requestId = res.locals.requestId as string | undefined;
    const send = (status: number, code: string, message: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
    if (err.type === 'entity.too.large') return send(413, ErrorCode.BAD_USER_INPUT, `The request body is larger than the limit of ${bodyLimit}.`);
    if (err.type === 'entity.parse.failed') return send(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (err.status && err.status >= 400 && err.status < 500) return send(err.status, 'BAD_REQUEST', err.message ?? 'Bad request.');
    log.error('request failed', { requestId, error: err });
    return send(500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`);
  };
}
