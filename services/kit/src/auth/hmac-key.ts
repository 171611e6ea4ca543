import { webcrypto } from 'node:crypto';

const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

/**
 * The HS256 key of a shared secret (GATEWAY_SECRET, JWT_SECRET), imported
 * once per process. Given the secret's bytes, jose imports them into
 * WebCrypto on every sign and verify: about a twentieth of a subgraph's CPU
 * per request, each request carrying a proof (profiled under `pnpm bench`).
 */
export function hmacKey(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}
