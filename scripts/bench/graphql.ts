export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** Raw answer: status and parsed body, so callers can check both. */
export async function postGraphQL(
  url: string,
  body: GraphQLRequest,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { data?: unknown; errors?: unknown[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    throw new Error(`POST ${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
}

/** The `data` of a successful answer; throws with the errors otherwise. */
export async function queryData<T>(url: string, body: GraphQLRequest, headers: Record<string, string> = {}): Promise<T> {
  const { status, json } = await postGraphQL(url, body, headers);
  if (status !== 200 || json.errors?.length || !json.data) {
    throw new Error(`POST ${url} answered ${status}: ${JSON.stringify(json).slice(0, 600)}`);
  }
  return json.data as T;
}
