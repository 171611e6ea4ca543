import type { ApolloServerPlugin } from '@apollo/server';
import { bindScalars, ErrorCode, formatError, type Logger } from '@lantoa/kit';
import type { ApolloGateway } from '@apollo/gateway';
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
  const refusal = subgraphRefusal(formatted.extensions?.response);
  if (refusal) return formatError({ message: refusal.message, path: formatted.path, extensions: { ...refusal.extensions, requestId } }, error);
  // Which subgraph answered is an internal detail of the deployment, not part of the API.
  const { serviceName: _service, ...extensions } = formatted.extensions ?? {};
  void _service;
  return formatError({ ...formatted, extensions: { ...extensions, requestId } }, error);
}

interface SubgraphResponse {
  status?: number;
  body?: { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] };
}

/**
 * A subgraph that refuses a request itself answers HTTP 4xx with GraphQL
 * errors meant for the caller (a value the gateway let through); Apollo's
 * data source turns that into a bare "400: Bad Request". Its first error,
 * with its own code, is the answer (401/403 already carry theirs).
 */
function subgraphRefusal(response: unknown): { message: string; extensions: Record<string, unknown> } | null {
  const r = response as SubgraphResponse | undefined;
  const first = r?.body?.errors?.[0];
  if (!r?.status || r.status < 400 || r.status >= 500 || r.status === 401 || r.status === 403 || typeof first?.message !== 'string') return null;
  const { requestId: _id, ...extensions } = first.extensions ?? {};
  void _id;
  return { message: first.message, extensions };
}

/**
 * Requests Apollo would otherwise hand to the query planner, which fails on
 * them with an internal error (HTTP 500): several operations and no (or an
 * unknown) operationName, and subscriptions, which this API does not serve.
 * They are the client's mistakes: HTTP 400 with a specific code.
 */
export function operationGuardPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            const message = request.operationName
              ? `The document has no operation named "${request.operationName}".`
              : 'The document holds several operations: name the one to run in operationName.';
            throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
          }
          if (operation.operation === 'subscription') {
            throw new GraphQLError('This API has no subscriptions; send a query or a mutation.', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * The supergraph's SDL says only `scalar Date`: the gateway's schema gets the
 * kit's implementations, so a bad Date or DateTime variable is refused here
 * as BAD_USER_INPUT before planning (kit scalarLiteralsRule does literals).
 */
export function withKitScalars(gateway: ApolloGateway): ApolloGateway {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => bindScalars(apiSchema));
  return gateway;
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
    const send = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
    if (err.type === 'entity.too.large')
      return send(413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than the limit of ${bodyLimit}; no document this API accepts needs more.`);
    if (err.type === 'entity.parse.failed') return send(400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
    if (err.status && err.status >= 400 && err.status < 500) return send(err.status, ErrorCode.BAD_REQUEST, err.message ?? 'Bad request.');
    log.error('request failed', { requestId, clientRequestId: res.locals.clientRequestId, error: err });
    return send(500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`);
  };
}
