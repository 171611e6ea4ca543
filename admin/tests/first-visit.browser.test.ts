import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '@lantoa/kit/testing';
import { openConsole, signInOnPage, type ConsoleHarness } from './browser-support';
import { DEMO_PASSWORD } from './support';

/**
 * The console's first screen for someone without a session, in real Chromium
 * against the real system: the sign-in form at once, not after a redirect
 * loop (it once took 15 s and ~4,300 `history.pushState('#/login')` calls).
 */
const ADMIN = 'admin@lantoa.vn';
/**
 * From the page's load event (the bundle is loaded): far below the loop's 13–17 s, far above the
 * 0.5–1.5 s seen on a busy 2-core machine. Loading the bundle itself took up to 7 s there.
 */
const FORM_WITHIN_MS = 5_000;

let h: ConsoleHarness;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  h = await openConsole('first_visit');
}, 180_000);

afterEach((ctx) => h?.shotOnFailure(ctx));

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await h?.close();
});

interface Navigation {
  pushState: number;
  replaceState: number;
  /** history.length when the document started, and now. */
  lengthAtStart: number;
  length: number;
}

/** A fresh browser context (no session) whose documents count their own history.pushState/replaceState calls. */
async function countingPage(): Promise<Page> {
  const context = await h.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  await context.addInitScript(() => {
    const nav = { pushState: 0, replaceState: 0, lengthAtStart: history.length };
    (window as unknown as { __nav: typeof nav }).__nav = nav;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (...args: Parameters<History['pushState']>) => {
        nav[name]++;
        return original(...args);
      };
    }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
  h.lastPage = page;
  return page;
}

const navigation = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as { __nav: Omit<Navigation, 'length'> }).__nav, length: history.length }) as Navigation);

/**
 * Loads `url` and waits for the sign-in form; returns when it showed after
 * the page's load event, on the page's own clock, and the history calls made
 * until a moment after (a loop would still be running).
 */
async function openToSignIn(page: Page, url: string, load: () => Promise<unknown>) {
  await load();
  // Generous: the old code did show the form, after 15–17 s; the assertions below say how long it took.
  const shown = await page.waitForFunction(
    () => {
      const input = document.querySelector<HTMLElement>('input[name="username"]');
      return input?.checkVisibility() ? performance.now() : null;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const shownAt = Math.round(Number(await shown.jsonValue()));
  await page.waitForTimeout(500);
  const nav = await navigation(page);
  const loadedAt = await page.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
  console.log(
    `[measure] ${url}: sign-in form ${shownAt - loadedAt} ms after the load event (${shownAt} ms after the navigation started); pushState ${nav.pushState}, replaceState ${nav.replaceState}, history +${nav.length - nav.lengthAtStart}`,
  );
  return { ms: shownAt - loadedAt, nav };
}

describe('the first visit in Chromium', { timeout: 90_000 }, () => {
  it('without a session, the sign-in form shows at once and the history grows by one entry at most', async () => {
    const page = await countingPage();
    const url = `${h.origin}/`;
    const { ms, nav } = await openToSignIn(page, url, () => page.goto(url));
    expect(nav.pushState).toBeLessThanOrEqual(1);
    expect(nav.length - nav.lengthAtStart).toBeLessThanOrEqual(1);
    expect(ms).toBeLessThan(FORM_WITHIN_MS);
    expect(new URL(page.url()).hash).toBe('#/login');
    // The form works: signing in leads to the dashboard.
    await page.locator('input[name="username"]').fill(ADMIN);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.getByText('Xin chào,').waitFor();
  });

  it('a session ended elsewhere, reopened on a deep link: the form at once with the reason, and after signing in the same screen', async () => {
    const page = await countingPage();
    await signInOnPage(page, h.origin, ADMIN);
    await page.goto(`${h.origin}/#/exemplars`);
    await page.locator('.RaList-main').waitFor();
    // Signed out everywhere from another device: this tab's stored refresh token is refused from now on.
    const other = await gql<{ signIn: { accessToken: string } }>(
      h.stack.gateway.url,
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      { e: ADMIN, p: DEMO_PASSWORD },
    );
    await gql(h.stack.gateway.url, 'mutation { signOutEverywhere }', {}, { authorization: `Bearer ${other.data!.signIn.accessToken}` });

    const url = `${h.origin}/#/exemplars`;
    const { ms, nav } = await openToSignIn(page, url, () => page.reload());
    expect(nav.pushState).toBeLessThanOrEqual(1);
    expect(nav.length - nav.lengthAtStart).toBeLessThanOrEqual(1);
    expect(ms).toBeLessThan(FORM_WITHIN_MS);
    // The reloaded tab knew only its refresh token; its refusal is explained as for a session ending in use.
    await page.getByTestId('session-ended').getByText('Phiên làm việc đã kết thúc').waitFor();

    await page.locator('input[name="username"]').fill(ADMIN);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(url);
    await page.locator('.RaList-main').waitFor();
  });
});
