import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONSOLE_SECURITY_HEADERS, DEV_CONSOLE_SECURITY_HEADERS } from '../services/kit/src/http/security-headers.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
export const DIST = join(ROOT, 'dist');

export interface ConsoleOptions {
  /** 0 picks a free port. The gateway's default CORS list names 5173, but the console proxies /graphql, so any port works. */
  port: number;
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql: the console's /graphql is forwarded there. */
  gatewayUrl: string;
  host?: string;
  /**
   * 'built' (default): the production files in admin/dist, rebuilt first (about 5 s) when missing or older than the sources.
   * 'dev': Vite's dev server (hot reload on edits; the first page load waits for Vite to pre-bundle the dependencies).
   */
  mode?: 'dev' | 'built';
  /** With 'built': serve this directory, built already by the caller (tests build their own, beside admin/dist), instead of admin/dist. */
  dist?: string;
}

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

/**
 * Builds admin/dist (the production bundle) with Vite, in a child process:
 * Vite takes NODE_ENV from the environment, and the caller's (a test runner's
 * "test", a launcher's "development") must neither leak into the bundle nor be
 * changed for the caller's other children.
 */
export async function buildConsole(outDir = DIST): Promise<void> {
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const args = ['build', '--logLevel', 'warn', ...(outDir === DIST ? [] : ['--outDir', outDir, '--emptyOutDir'])];
  await promisify(execFile)(vite, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
}

/** Whether admin/dist is missing or older than any source file of the console. */
export async function consoleBuildIsStale(): Promise<boolean> {
  const built = await stat(join(DIST, 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (!built) return true;
  const newest = async (path: string): Promise<number> => {
    const s = await stat(path);
    if (!s.isDirectory()) return s.mtimeMs;
    const entries = await readdir(path);
    return Math.max(s.mtimeMs, ...(await Promise.all(entries.map((e) => newest(join(path, e))))));
  };
  const sources = await Promise.all(['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(join(ROOT, p)).catch(() => 0)));
  return Math.max(...sources) > built;
}

/**
 * Serves the console on its own port. It calls the API at /graphql on its own
 * origin, as in production where the gateway serves both; here /graphql is
 * forwarded to the gateway, so no CORS setting is needed.
 */
export async function startConsole(opts: ConsoleOptions): Promise<RunningConsole> {
  const host = opts.host ?? '127.0.0.1';
  const target = new URL(opts.gatewayUrl);
  if (opts.mode === 'dev') {
    const { createServer } = await import('vite');
    const server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      server: {
        host,
        port: opts.port,
        strictPort: opts.port !== 0,
        headers: DEV_CONSOLE_SECURITY_HEADERS,
        proxy: Object.fromEntries(['/graphql', '/uploads', '/files'].map((p) => [p, { target: target.origin, changeOrigin: true }])),
      },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0] ?? `http://${host}:${opts.port}/`;
    return { url, stop: () => server.close() };
  }
  const dist = opts.dist ?? DIST;
  if (!opts.dist && (await consoleBuildIsStale())) await buildConsole();
  const server = http.createServer((req, res) => {
    // Whatever a request makes throw is that request's 500, never the end of the process.
    handle(dist, target, req, res).catch(() => answer(res, 500, 'The console server failed to answer.'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const FILE_PATHS = /^\/(uploads|files)\//;

async function handle(dist: string, target: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  if (url.startsWith('/graphql')) return proxy(req, res, target, target.pathname + url.slice('/graphql'.length));
  // Attachments: PUT to /uploads/…, GET /files/… (both with the Authorization header), as on the gateway's origin.
  if (FILE_PATHS.test(url)) return proxy(req, res, target, url);
  await serveStatic(dist, req, res);
}

/** A short plain-text answer, with the console's headers like every other. */
function answer(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...CONSOLE_SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(message);
}

/** Forwards to the gateway, which checks the request itself; a client or gateway that goes away ends the other side. */
function proxy(req: http.IncomingMessage, res: http.ServerResponse, target: URL, path: string) {
  const upstream = http.request(
    { host: target.hostname, port: target.port, path, method: req.method, headers: { ...req.headers, host: target.host } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
      up.on('error', () => res.destroy());
    },
  );
  upstream.on('error', () => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'The gateway cannot be reached.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
  });
  // A truncated body or a vanished client: stop the gateway's request instead of leaving it waiting.
  req.on('error', () => upstream.destroy());
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The decoded path of a request, or undefined when it cannot name a file (malformed escapes, NUL). */
function decodedPath(url: string): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    return path.includes('\0') ? undefined : normalize(path);
  } catch {
    return undefined;
  }
}

/** Files of the built console; any other path is a client-side route and gets index.html. */
async function serveStatic(dist: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
  const path = decodedPath(req.url ?? '/');
  if (path === undefined) return answer(res, 400, 'Malformed request path.');
  let file = join(dist, path);
  if (
    !file.startsWith(dist + sep) ||
    !(await stat(file).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    file = join(dist, 'index.html');
  const body = await readFile(file);
  const hashed = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...CONSOLE_SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
