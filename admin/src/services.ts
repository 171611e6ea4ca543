import { createAuthProvider } from './auth/authProvider';
import { Session } from './auth/session';
import { createDataProvider } from './dataProvider';
import { fieldMessageKey } from './i18n';

/** The console calls the API on its own origin (the gateway in production, a proxy in development). */
export const GATEWAY_URL = '/graphql';

export const session = new Session({ url: GATEWAY_URL, translateField: fieldMessageKey });
export const dataProvider = createDataProvider(session.request);
export const authProvider = createAuthProvider(session);
