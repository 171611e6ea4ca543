import { Session, memoryStore, type SessionOptions } from '../src/auth/session';
import { createDataProvider } from '../src/dataProvider';
import { fieldMessageKey } from '../src/i18n';

export const DEMO_PASSWORD = 'LanToa@2026';

/** A console session and data provider in Node, over the real gateway, counting requests by operation name. */
export async function consoleAs(gatewayUrl: string, email: string, extra: Partial<SessionOptions> = {}) {
  const calls: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query?: string };
    calls.push(/^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? 'anonymous');
    return fetch(input, init);
  };
  const session = new Session({ url: gatewayUrl, store: memoryStore(), translateField: fieldMessageKey, fetch: countingFetch, ...extra });
  await session.signIn(email, DEMO_PASSWORD);
  return { session, dp: createDataProvider(session.request), calls };
}
