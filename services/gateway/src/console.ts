import { CONSOLE_SECURITY_HEADERS } from '@lantoa/kit';
import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `pnpm --filter @lantoa/admin build` (vite build) writes the console. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../admin/dist', import.meta.url));

// The gateway's own paths: never answered with the console's index.html, even when their own routes pass them on.
const API_PATHS = /^\/(graphql|healthz|readyz|metrics|uploads|files)(\/|$)/;

/**
 * Serves the built admin console at / on the gateway's origin (production:
 * one origin, no CORS): its files, and index.html for any other GET a
 * browser navigates to (Accept: text/html), so client-side routes survive a
 * reload. Without a build the handler does nothing.
 */
export function consoleHandler(dir: string = CONSOLE_DIR): RequestHandler {
  if (!existsSync(join(dir, 'index.html'))) return (_req, _res, next) => next();
  const files = express.static(dir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const index = join(dir, 'index.html');
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    // The console's policy (CSP with frame-ancestors 'none'…), the same as `pnpm start`'s console server sends.
    res.set(CONSOLE_SECURITY_HEADERS);
    files(req, res, () => {
      // Only a browser's page navigation (Accept names text/html) gets the app; API clients keep their 404.
      if (!req.headers.accept?.includes('text/html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  };
}
