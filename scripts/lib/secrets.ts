import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Secrets the services refuse to start without. A deployment sets them; for
 * `pnpm start` on a fresh clone the launcher makes them up once and keeps
 * them beside the data, so sessions and tokens survive restarts.
 */
export const DEV_SECRETS: readonly string[] = ['GATEWAY_SECRET', 'JWT_SECRET'];

/** The values to add to the children's environment for secrets not set in env. */
export function devSecrets(file: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const missing = DEV_SECRETS.filter((k) => !env[k]);
  if (!missing.length) return {};
  const stored = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  const absent = missing.filter((k) => !stored[k]);
  if (absent.length) {
    for (const k of absent) stored[k] = randomBytes(48).toString('base64');
    mkdirSync(dirname(file), { recursive: true });
    const lines = Object.entries(stored).map(([k, v]) => `${k}=${v}`);
    writeFileSync(file, `# Made up by pnpm start for local development; delete to rotate.\n${lines.join('\n')}\n`, { mode: 0o600 });
  }
  return Object.fromEntries(missing.map((k) => [k, stored[k]!]));
}
