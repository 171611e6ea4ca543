import { createClient, type Request } from '../graphql/client';
import { REFRESH_DOCUMENT, SIGN_IN_DOCUMENT, SIGN_OUT_DOCUMENT, SIGN_OUT_EVERYWHERE_DOCUMENT } from '../graphql/documents';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  organizationId: string | null;
  organization?: { id: string; name: string } | null;
}

interface SessionData {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: SessionUser;
}

/** Where the refresh token survives a page reload: this tab's sessionStorage (tabs never share a single-use token). */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

const KEY = 'lantoa.refreshToken';
export const sessionStorageStore = (): TokenStore => ({
  get: () => globalThis.sessionStorage?.getItem(KEY) ?? null,
  set: (t) => (t ? globalThis.sessionStorage?.setItem(KEY, t) : globalThis.sessionStorage?.removeItem(KEY)),
});
export const memoryStore = (): TokenStore => {
  let t: string | null = null;
  return { get: () => t, set: (v) => void (t = v) };
};

export interface SessionOptions {
  url: string;
  store?: TokenStore;
  /** Refresh this long before the access token expires. */
  refreshAheadMs?: number;
  /** Called when the session ended elsewhere (signed out everywhere, refresh refused). */
  onEnded?: () => void;
  translateField?: (message: string) => string;
  fetch?: typeof fetch;
}

/**
 * The signed-in session: the access token lives in memory only; the refresh
 * token, which is single use, is traded by exactly one refresh at a time and
 * before the access token expires.
 */
export class Session {
  private data: SessionData | null = null;
  /** True once a session of this tab ended without the user signing out here (shown on the sign-in page). */
  ended = false;
  private refreshing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly store: TokenStore;
  private readonly anonymous: Request;
  /** Authenticated requests: one refresh and one retry on 401. */
  readonly request: Request;

  constructor(private readonly opts: SessionOptions) {
    this.store = opts.store ?? sessionStorageStore();
    this.anonymous = createClient({ url: opts.url, token: () => null, fetch: opts.fetch });
    this.request = createClient({
      url: opts.url,
      token: () => this.data?.accessToken ?? null,
      onUnauthenticated: (used) => (this.data?.accessToken === used ? this.refresh() : Promise.resolve(this.data?.accessToken ?? null)),
      translateField: opts.translateField,
      fetch: opts.fetch,
    });
  }

  get user(): SessionUser | null {
    return this.data?.user ?? null;
  }

  get accessToken(): string | null {
    return this.data?.accessToken ?? null;
  }

  async signIn(email: string, password: string): Promise<SessionUser> {
    const { session } = await this.anonymous<{ session: SessionData }>(SIGN_IN_DOCUMENT, { email: email.trim(), password });
    this.accept(session);
    return session.user;
  }

  /** A session to resume: in memory, or from this tab's refresh token after a reload. */
  async ensure(): Promise<SessionUser | null> {
    if (this.data) return this.data.user;
    if (!this.store.get()) return null;
    await this.refresh();
    return this.user;
  }

  /** One refresh for every caller that asks while it runs; null when the session is over. */
  refresh(): Promise<string | null> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<string | null> {
    const refreshToken = this.data?.refreshToken ?? this.store.get();
    if (!refreshToken) return null;
    try {
      const { session } = await this.anonymous<{ session: SessionData }>(REFRESH_DOCUMENT, { refreshToken });
      this.accept(session);
      return session.accessToken;
    } catch (err) {
      if ((err as { status?: number }).status === 401) {
        // Refused: signed out everywhere, password changed, or the token was used already. Still this
        // tab's token (not signed out here meanwhile), even one kept across a reload: the session ended.
        const ended = !!this.data || this.store.get() === refreshToken;
        this.clear();
        if (ended) {
          this.ended = true;
          this.opts.onEnded?.();
        }
        return null;
      }
      throw err;
    }
  }

  private accept(session: SessionData) {
    this.data = session;
    this.ended = false;
    this.store.set(session.refreshToken);
    if (this.timer) clearTimeout(this.timer);
    const ahead = this.opts.refreshAheadMs ?? 60_000;
    const due = Math.max(5_000, new Date(session.accessTokenExpiresAt).getTime() - Date.now() - ahead);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), due);
    (this.timer as { unref?: () => void }).unref?.();
  }

  async signOut(): Promise<void> {
    const refreshToken = this.data?.refreshToken ?? this.store.get();
    this.clear();
    if (refreshToken) await this.anonymous(SIGN_OUT_DOCUMENT, { refreshToken }).catch(() => undefined);
  }

  async signOutEverywhere(): Promise<void> {
    await this.request(SIGN_OUT_EVERYWHERE_DOCUMENT);
    this.clear();
  }

  clear() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.data = null;
    this.store.set(null);
  }
}
