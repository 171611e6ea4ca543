import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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
    if (req.url?.startsWith('/graphql')) return proxy(req, res, target);
    // Attachments: PUT to /uploads/…, GET /files/… (both with the Authorization header), as on the gateway's origin.
    if (FILE_PATHS.test(req.url ?? '')) return proxy(req, res, target, req.url);
    void serveStatic(dist, req, res);
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

function proxy(req: http.IncomingMessage, res: http.ServerResponse, target: URL, path = target.pathname + (req.url!.slice('/graphql'.length) || '')) {
  const upstream = http.request(
    { host: target.hostname, port: target.port, path, method: req.method, headers: { ...req.headers, host: target.host } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'The gateway cannot be reached.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
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

/** Files of the built console; any other path is a client-side route and gets index.html. */
async function serveStatic(dist: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
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
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(body);
}
