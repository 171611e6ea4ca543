/**
 * `pnpm start`'s console server (admin/serve.ts, as the launcher's console
 * child and the browser tests run it) over real HTTP on a small built
 * directory: the kit's console header set on everything it sends (the
 * gateway's production handler is checked against the same set in
 * services/gateway/src/console.test.ts), and a hostile path answered with a
 * 4xx while it goes on serving.
 */
import { CONSOLE_SECURITY_HEADERS } from '@lantoa/kit';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole } from '../admin/serve.js';
import { attack } from './support/hostile-requests.js';

const INDEX = '<!doctype html><div id="root"></div>';
let root: string;
let dist: string;
let devConsole: RunningConsole;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lantoa-console-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'outside the console');
  // Nothing listens on port 9: the console's /graphql answers 502, which is not what these tests look at.
  devConsole = await startConsole({ port: 0, gatewayUrl: 'http://127.0.0.1:9/graphql', mode: 'built', dist });
});

afterAll(async () => {
  await devConsole?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the console server', () => {
  it('sends the console’s security headers on every page and file', async () => {
    for (const path of ['/', '/assets/app-1234.js', '/exemplars/42/show']) {
      const res = await fetch(new URL(path, devConsole.url), { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) expect(res.headers.get(name), `${name} of ${path}`).toBe(value);
    }
    const csp = CONSOLE_SECURITY_HEADERS['Content-Security-Policy']!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('answers a malformed or hostile path with a 4xx or the app, never a file outside it, and goes on serving', async () => {
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get(new URL(devConsole.url), { path }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          })
          .on('error', reject);
      });
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/assets/%ZZ')).status).toBe(400);
    expect((await get('/%00')).status).toBe(400);
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(path);
      expect(res.body, path).not.toContain('outside the console');
    }
    const post = await fetch(devConsole.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONSOLE_SECURITY_HEADERS['Content-Security-Policy']);

    const figures = await attack({ name: 'console', port: Number(new URL(devConsole.url).port), paths: ['/', '/assets/', '/graphql'] });
    expect(figures.statuses['500'] ?? 0).toBe(0);
    const page = await fetch(devConsole.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX);
  });
});
