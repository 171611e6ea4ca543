/**
 * The gateway serves the built console in production: every page and file
 * carries the kit's console header set (CSP with frame-ancestors 'none',
 * nosniff, referrer policy), the same set `pnpm start`'s console server sends.
 */
import { CONSOLE_SECURITY_HEADERS } from '@lantoa/kit';
import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHandler } from './console.js';

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lantoa-gateway-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'export {};');
  const app = express();
  app.use(consoleHandler(dir));
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the console served by the gateway', () => {
  it('sends the console’s security headers on the app, its files and its client-side routes', async () => {
    for (const path of ['/', '/assets/app-1234.js', '/exemplars/42/show']) {
      const res = await fetch(base + path, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) expect(res.headers.get(name), `${name} of ${path}`).toBe(value);
    }
    expect(CONSOLE_SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
