import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { gql } from '@lantoa/kit/testing';
import { startStack, type Stack } from '../../tests/support/stack';
import { buildConsole, startConsole, type RunningConsole } from '../serve';
import { DEMO_PASSWORD } from './support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

/**
 * A domain's console tests in real Chromium against the real system with its
 * demo data: the stack (every subgraph and the gateway over HTTP), the console
 * built into a directory of its own (other test files build admin/dist at the
 * same time) and served as `pnpm start` serves it, and a browser.
 */
export interface ConsoleHarness {
  stack: Stack;
  origin: string;
  browser: Browser;
  /** A new browser context in Vietnamese and the province's time zone, signed in as this demo user, on the dashboard. */
  signIn(email: string): Promise<Page>;
  /** A GraphQL request through the gateway as a demo user; errors throw. */
  api<T>(email: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A screenshot in admin/tests/screenshots/<prefix>-<name>.png. */
  shot(page: Page, name: string, fullPage?: boolean): Promise<unknown>;
  /** The page signed in last, for a screenshot of a failure. */
  lastPage?: Page;
  /** In afterEach: a screenshot of the last page when the test failed (FAILED-<test name>). */
  shotOnFailure(ctx: { task: { name: string; result?: { state?: string } } }): Promise<void>;
  close(): Promise<void>;
}

/** Signs a demo user in on the console's sign-in page at `origin`, and waits for the dashboard's greeting. */
export async function signInOnPage(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/#/login`);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByText('Xin chào,').waitFor();
}

/** A GraphQL request through the stack's gateway as a demo user; errors throw. */
export async function apiAs<T>(stack: Stack, email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(stack.gateway.url, query, variables, await stack.as(email));
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

export async function openConsole(label: string): Promise<ConsoleHarness> {
  mkdirSync(SHOTS, { recursive: true });
  const dist = mkdtempSync(join(tmpdir(), `lantoa-console-${label}-`));
  const [stack] = await Promise.all([startStack(`admin_${label}`), buildConsole(dist)]);
  let running: RunningConsole | undefined;
  let browser: Browser | undefined;
  try {
    running = await startConsole({ port: 0, gatewayUrl: stack.gateway.url, mode: 'built', dist });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  } catch (err) {
    await running?.stop();
    await stack.stop();
    throw err;
  }
  const origin = running.url.replace(/\/$/, '');
  const harness: ConsoleHarness = {
    stack,
    origin,
    browser,
    async signIn(email) {
      const context = await browser!.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
      page.on('console', (m) => m.type() === 'error' && console.error(`[browser console] ${m.text().slice(0, 400)}`));
      harness.lastPage = page;
      await signInOnPage(page, origin, email);
      return page;
    },
    api: (email, query, variables) => apiAs(stack, email, query, variables),
    shot: (page, name, fullPage = true) => page.screenshot({ path: `${SHOTS}${label}-${name}.png`, fullPage }),
    async shotOnFailure(ctx) {
      if (ctx.task.result?.state !== 'fail' || !harness.lastPage) return;
      await harness.shot(harness.lastPage, `FAILED-${ctx.task.name.slice(0, 30).replace(/[^\p{L}\d]+/gu, '-')}`).catch(() => undefined);
    },
    async close() {
      await browser?.close();
      await running?.stop();
      await stack.stop();
      rmSync(dist, { recursive: true, force: true });
    },
  };
  return harness;
}
