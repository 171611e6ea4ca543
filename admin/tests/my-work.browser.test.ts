import { demoId } from '@lantoa/kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleHarness } from './browser-support';

/**
 * "Việc của tôi" (issue #17) in real Chromium against the real system: the
 * reviewer's console is open on the home page; the editor proposes an
 * exemplar through the API; within seconds, without a reload, the reviewer's
 * panel lists it and the menu's badge on "Điển hình" counts it.
 */
let h: ConsoleHarness;
const NAME = 'Mô hình nuôi ong lấy mật thôn Bản Cám';

beforeAll(async () => {
  h = await openConsole('my-work');
}, 180_000);

afterEach((ctx) => h?.shotOnFailure(ctx));

afterAll(async () => {
  await h?.close();
});

describe('Việc của tôi in Chromium', { timeout: 90_000 }, () => {
  it('shows a new proposal to its reviewer within seconds of its submission, in the panel and as a menu badge, without a reload', async () => {
    const page = await h.signIn('kiemduyet.babe@lantoa.vn');
    const panel = page.getByTestId('my-work');
    await panel.getByText('Việc của tôi').waitFor();
    // The first answer is in (the panel shows a list or "nothing waits"), before the proposal exists.
    await page.waitForFunction(() => !document.querySelector('[data-testid="my-work"] [role="progressbar"]'));
    expect(await panel.getByText(NAME).count()).toBe(0);
    const badge = page.getByTestId('work-badge-exemplars');
    const before = (await badge.count()) ? Number(await badge.textContent()) : 0;
    let navigations = 0;
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations++);

    const { createExemplar } = await h.api<{ createExemplar: { id: string } }>(
      'bientap.babe@lantoa.vn',
      'mutation($i: CreateExemplarInput!) { createExemplar(input: $i, confirmDuplicate: true) { id } }',
      { i: { kind: 'PRACTICE', name: NAME, organizationId: demoId('organization', 'cb-ban-cam'), field: 'POVERTY_REDUCTION' } },
    );
    await h.api('bientap.babe@lantoa.vn', 'mutation($id: ID!) { transitionExemplar(id: $id, action: PROPOSE) { status } }', { id: createExemplar.id });
    const proposedAt = Date.now();

    // The poll runs every 10 s: the entry appears within one period (and some slack for a busy machine).
    const link = page.getByTestId('my-work-exemplarsToVerify').getByRole('link', { name: NAME });
    await link.waitFor({ timeout: 20_000 });
    const seenAfter = Date.now() - proposedAt;
    console.log(`[my-work] the proposal reached the reviewer's panel ${seenAfter} ms after it was made`);
    expect(seenAfter).toBeLessThan(15_000);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="work-badge-exemplars"]')?.textContent) === n, before + 1);
    expect(navigations).toBe(0);
    await h.shot(page, 'reviewer-panel', false);

    // Each entry is a link to its record.
    await link.click();
    await page.waitForURL(new RegExp(`/exemplars/${createExemplar.id}/show`));
    await page.getByText(NAME).first().waitFor();

    // On a phone: the panel and its entries fit the width, nothing cut off.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.origin}/#/`);
    await page.getByTestId('my-work-exemplarsToVerify').getByRole('link', { name: NAME }).waitFor();
    const overflow = await page.evaluate(() => {
      const panelBox = document.querySelector('[data-testid="my-work"]')!.getBoundingClientRect();
      const widest = Math.max(
        ...[...document.querySelectorAll('[data-testid="my-work"] a, [data-testid="my-work"] h6')].map((e) => e.getBoundingClientRect().right),
      );
      return { panelRight: panelBox.right, widest };
    });
    expect(overflow.widest).toBeLessThanOrEqual(overflow.panelRight);
    expect(overflow.panelRight).toBeLessThanOrEqual(390);
    await h.shot(page, 'reviewer-panel-390', false);
  });
});
