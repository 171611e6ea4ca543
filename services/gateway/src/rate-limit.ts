import type { Caller, Logger } from '@lantoa/kit';
import { Redis } from 'ioredis';
import { isIPv6 } from 'node:net';

/** Limits count requests in fixed one-minute windows, starting at a key's first request. */
export const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** Whole seconds until the window ends (at least 1), for Retry-After. */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one request against `key` and says whether it is within `limit`. */
  hit(key: string, limit: number): Promise<RateDecision>;
  /** Says whether `key` has already used up `limit`, without counting anything. */
  peek(key: string, limit: number): Promise<RateDecision>;
  /** 'redis' when shared counters are in use right now; 'memory' when local (by choice, or while Redis is down). */
  backend(): 'redis' | 'memory';
  close(): Promise<void>;
}

/** The rate-limit key of a signed-in caller: each user and each API token has its own budget. */
export const callerKey = (caller: Caller): string => `${caller.kind}:${caller.id}`;

/**
 * The rate-limit key of an anonymous client: its IP, with IPv4-mapped IPv6
 * unwrapped and other IPv6 addresses cut to their /64, which one subscriber
 * usually holds whole (else a single client could rotate through 2^64 keys).
 */
export function ipKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const decide = (count: number, limit: number, resetMs: number, counting: boolean): RateDecision => ({
  // A hit has already been counted; a peek asks whether the next one would be over.
  allowed: counting ? count <= limit : count < limit,
  limit,
  remaining: Math.max(0, limit - count),
  resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
});

/** In-process counters, bounded: expired windows are swept, and past `maxEntries` the oldest go first. */
export function memoryRateLimiter(maxEntries = 100_000): RateLimiter & { count(key: string): number } {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = (now: number) => {
    for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
  };
  const timer = setInterval(() => sweep(Date.now()), WINDOW_MS);
  timer.unref();
  const current = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && w.resetAt > now) return w;
    if (w) windows.delete(key);
    return undefined;
  };
  return {
    async hit(key, limit) {
      const now = Date.now();
      let w = current(key, now);
      if (!w) {
        w = { count: 0, resetAt: now + WINDOW_MS };
        windows.set(key, w);
        if (windows.size > maxEntries) {
          sweep(now);
          // Still full: forget the oldest windows (insertion order) rather than grow without bound.
          for (const k of windows.keys()) {
            if (windows.size <= maxEntries) break;
            if (k !== key) windows.delete(k);
          }
        }
      }
      w.count++;
      return decide(w.count, limit, w.resetAt - now, true);
    },
    async peek(key, limit) {
      const now = Date.now();
      const w = current(key, now);
      return decide(w?.count ?? 0, limit, w ? w.resetAt - now : WINDOW_MS, false);
    },
    backend: () => 'memory',
    count: (key) => current(key, Date.now())?.count ?? 0,
    async close() {
      clearInterval(timer);
      windows.clear();
    },
  };
}

// INCR, and start the window's expiry on its first request (or if an expiry was ever lost), atomically.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

const PEEK = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
return {n, ttl}`;

interface LimiterCommands {
  lantoaRateHit(key: string, windowMs: number): Promise<[number, number]>;
  lantoaRatePeek(key: string): Promise<[number, number]>;
}

/** How often, at most, the gateway repeats that Redis is still down. */
const REWARN_MS = 60_000;

/**
 * Counters in Redis, shared by every gateway instance. While Redis cannot be
 * reached, each instance counts in its own memory (limits still hold, per
 * instance) and says so in the log, at once and then every minute; when Redis
 * answers again the shared counters take over.
 */
export async function redisRateLimiter(o: { url: string; log: Logger; keyPrefix?: string; connectWaitMs?: number }): Promise<RateLimiter> {
  const prefix = o.keyPrefix ?? 'lantoa:ratelimit:';
  const fallback = memoryRateLimiter();
  const redis = new Redis(o.url, {
    // Fail fast instead of queueing: a request must not wait for a reconnect to learn its limit.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 250, 5_000),
    lazyConnect: true,
  });
  redis.defineCommand('lantoaRateHit', { numberOfKeys: 1, lua: HIT });
  redis.defineCommand('lantoaRatePeek', { numberOfKeys: 1, lua: PEEK });
  const commands = redis as unknown as LimiterCommands;

  let down = false;
  let warnedAt = 0;
  const markDown = (err: unknown) => {
    const now = Date.now();
    if (!down || now - warnedAt >= REWARN_MS) {
      // The URL may carry a password: name the failure, not the server.
      o.log.warn('Redis is unavailable: rate limits are counted in this gateway instance’s memory until it returns', {
        error: (err as Error)?.message,
      });
      warnedAt = now;
    }
    down = true;
  };
  const markUp = () => {
    if (down) o.log.info('Redis is available again: rate limits are shared across gateway instances');
    down = false;
  };
  // Without a listener, a connection error would be an unhandled 'error' event and kill the process.
  redis.on('error', markDown);
  redis.on('ready', markUp);

  // Start counting in Redis at once when it is there; start anyway (in memory, with a warning) when it is not.
  await Promise.race([redis.connect().catch(markDown), new Promise((r) => setTimeout(r, o.connectWaitMs ?? 2_000).unref())]);

  const viaRedis = async <T>(run: () => Promise<T>, local: () => Promise<T>): Promise<T> => {
    if (redis.status !== 'ready') {
      if (!down) markDown(new Error(`connection is ${redis.status}`));
      return local();
    }
    try {
      const result = await run();
      markUp();
      return result;
    } catch (err) {
      markDown(err);
      return local();
    }
  };

  return {
    hit: (key, limit) =>
      viaRedis(
        async () => {
          const [n, ttl] = await commands.lantoaRateHit(prefix + key, WINDOW_MS);
          return decide(Number(n), limit, Number(ttl), true);
        },
        () => fallback.hit(key, limit),
      ),
    peek: (key, limit) =>
      viaRedis(
        async () => {
          const [n, ttl] = await commands.lantoaRatePeek(prefix + key);
          return decide(Number(n), limit, Number(ttl) > 0 ? Number(ttl) : WINDOW_MS, false);
        },
        () => fallback.peek(key, limit),
      ),
    backend: () => (redis.status === 'ready' && !down ? 'redis' : 'memory'),
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}
