/**
 * The headers of every page and file of the admin console, whoever serves it:
 * the gateway in production (services/gateway/src/console.ts) and the console
 * server of `pnpm start` (admin/serve.ts). Dependency-free, so that the
 * console server can import it without loading the kit's ORM and GraphQL stack.
 */

/**
 * Fits the built app (admin/dist): its index.html has no inline script, only
 * same-origin modules; MUI/emotion inject <style> elements at run time (hence
 * 'unsafe-inline' for styles only); attachments are shown from blob: URLs; the
 * API is /graphql, /uploads and /files on the same origin. No site may frame it.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Besides the CSP: no type sniffing, no framing for browsers without frame-ancestors, no URL leaked to other sites. */
const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = { 'Content-Security-Policy': CONSOLE_CSP, ...COMMON };

/**
 * Vite's dev server (`pnpm dev`) injects an inline script (React refresh) and
 * talks to its own websocket: the built app's script policy would stop it, so
 * the dev pages keep only the framing ban of the CSP.
 */
export const DEV_CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = { 'Content-Security-Policy': "frame-ancestors 'none'", ...COMMON };
