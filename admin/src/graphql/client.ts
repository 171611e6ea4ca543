/** The error shape react-admin expects from a data provider (its own HttpError has the same fields). */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** One GraphQL error as the gateway sends it (see shared/API.md, "Errors"). */
export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; requestId?: string; fields?: { path: string; message: string }[] };
}

/** HTTP-like statuses for our error codes, so react-admin reacts as it does to REST APIs. */
export const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_SERVER_ERROR: 500,
};

/** What an API failure carries to the screens: the code, the request id, and the message per form field. */
export interface ApiErrorBody {
  code: string;
  requestId?: string;
  serverMessage: string;
  /** react-admin shows `errors[field]` under that field (server-side validation). */
  errors?: Record<string, string>;
  /** The error's extensions as sent (e.g. createExemplar's `duplicates` with a CONFLICT). */
  extensions?: Record<string, unknown>;
}

/** The translation key under which each code's Vietnamese/English sentence lives. */
export const errorKey = (code: string) => `lantoa.error.${STATUS_OF_CODE[code] ? code : 'INTERNAL_SERVER_ERROR'}`;

/** Field paths arrive as `input.name` or `id`; forms know `name`. */
const formField = (path: string) => path.replace(/^input\./, '');

export function toHttpError(error: GraphQLErrorShape, httpStatus?: number, translateField?: (message: string) => string): HttpError {
  const code = error.extensions?.code ?? (httpStatus === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  const body: ApiErrorBody = { code, requestId: error.extensions?.requestId, serverMessage: error.message, extensions: error.extensions };
  const fields = error.extensions?.fields;
  if (fields?.length) {
    body.errors = Object.fromEntries(fields.map((f) => [formField(f.path), translateField ? translateField(f.message) : f.message]));
  }
  return new HttpError(errorKey(code), STATUS_OF_CODE[code] ?? 500, body);
}

export interface ClientOptions {
  url: string;
  /** The current access token, or null when signed out. */
  token: () => string | null;
  /**
   * Called once when the gateway answers 401 to a request sent with `used`;
   * resolves with a fresh token (one refresh for all requests that failed together) or null.
   */
  onUnauthenticated?: (used: string | null) => Promise<string | null>;
  translateField?: (message: string) => string;
  fetch?: typeof fetch;
}

export type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A GraphQL request over fetch: errors become HttpErrors with our codes, a 401 triggers one refresh and one retry. */
export function createClient(opts: ClientOptions): Request {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  async function post(query: string, variables: Record<string, unknown> | undefined, token: string | null) {
    let res: Response;
    try {
      res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new HttpError('lantoa.error.NETWORK', 0, { code: 'NETWORK', serverMessage: 'network' } satisfies ApiErrorBody);
    }
    let body: { data?: unknown; errors?: GraphQLErrorShape[] } = {};
    try {
      body = await res.json();
    } catch {
      body = { errors: [{ message: res.statusText, extensions: { code: res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR' } }] };
    }
    return { status: res.status, body };
  }
  return async function request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const used = opts.token();
    let { status, body } = await post(query, variables, used);
    const unauthenticated = status === 401 || body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
    if (unauthenticated && used && opts.onUnauthenticated) {
      const fresh = await opts.onUnauthenticated(used);
      if (fresh) ({ status, body } = await post(query, variables, fresh));
    }
    if (body.errors?.length) throw toHttpError(body.errors[0]!, status, opts.translateField);
    return body.data as T;
  };
}
