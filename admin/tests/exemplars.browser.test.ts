import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleImage } from '@lantoa/kit/attachments';
import { todayInProvince } from '@lantoa/kit';
import { gql } from '@lantoa/kit/testing';
import { openConsole, type ConsoleHarness } from './browser-support';

/**
 * The exemplars screens in real Chromium against the real system with its
 * demo data. (browser-support.ts: the console built apart and
 * served as `pnpm start` serves it, /graphql, /uploads and /files forwarded
 * to the gateway: one origin, as in production.)
 */
const NAME = 'Tủ sách nhân ái thôn Pác Ngòi';

let h: ConsoleHarness;
let exemplarId: string;

/** A request through the gateway as a demo user, answered with its errors (some steps here must be refused). */
async function api<T>(email: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(h.stack.gateway.url, query, variables, await h.stack.as(email));
}
const signIn = (email: string) => h.signIn(email);
const shot = (page: Page, name: string, fullPage = true) => h.shot(page, name, fullPage);

/** Fills the create form up to the save button. */
async function fillCreate(page: Page, name: string) {
  await page.getByRole('menuitem', { name: 'Điển hình', exact: true }).click();
  await page.getByTestId('exemplar-list').waitFor();
  await page.getByRole('link', { name: 'Tạo mới' }).click();
  await page.locator('input[name="name"]').fill(name);
  await page.getByLabel('Thuộc tổ chức').fill('huyen uy ba be');
  await page.getByRole('option', { name: 'Huyện ủy Ba Bể', exact: true }).click();
  await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
  await page.getByRole('option', { name: 'Giáo dục', exact: true }).click();
  await page.locator('textarea[name="summary"]').fill('Tủ sách do đoàn viên quyên góp, mở cho học sinh thôn đọc miễn phí.');
}

beforeAll(async () => {
  h = await openConsole('exemplars');
}, 180_000);

afterEach((ctx) => h?.shotOnFailure(ctx));

afterAll(async () => {
  await h?.close();
});

describe('the exemplars screens in Chromium', { timeout: 60_000 }, () => {
  it('an editor creates an exemplar, drops a photo on it, gets the duplicate warning creating it again, proposes it and edits its story (kept safe)', async () => {
    const page = await signIn('bientap.babe@lantoa.vn');
    await fillCreate(page, NAME);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('exemplar-name').getByText(NAME).waitFor();
    exemplarId = /exemplars\/([^/]+)\/show/.exec(page.url())![1]!;

    // A real drop: a DataTransfer holding a JPEG made by sharp, dropped on the zone.
    const jpeg = await sampleImage({ width: 800, height: 600, format: 'jpeg', color: { r: 200, g: 40, b: 40 }, label: 'Tu sach' });
    const transfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'tu-sach.jpg', { type: 'image/jpeg' }));
      return dt;
    }, jpeg.toString('base64'));
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByText('Đã tải lên tu-sach.jpg.').waitFor();
    const img = page.getByTestId('gallery-image');
    await img.waitFor();
    // The thumbnail was fetched with the Authorization header and shown from an object URL.
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await page.waitForFunction(() => (document.querySelector('[data-testid="gallery-image"]') as HTMLImageElement | null)?.naturalWidth === 320);
    // The file itself needs credentials: without them the gateway refuses it.
    const { data } = await api<{ exemplar: { attachments: { url: string }[] } }>(
      'bientap.babe@lantoa.vn',
      'query($id: ID!) { exemplar(id: $id) { attachments { url } } }',
      { id: exemplarId },
    );
    expect([401, 404]).toContain((await fetch(`${h.origin}${data!.exemplar.attachments[0]!.url}`)).status);
    await shot(page, 'created-with-photo');

    // The same name again, typed without diacritics and with other spacing.
    await fillCreate(page, 'tu sach  nhan ai thon pac ngoi');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const dialog = page.getByTestId('duplicate-dialog');
    await dialog.getByText(NAME).waitFor();
    await dialog.getByText('Đăng ký').waitFor();
    // The dialog fades in: the picture waits for it to be fully shown.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="duplicate-dialog"] .MuiDialog-paper')!).opacity === '1');
    await shot(page, 'duplicate-warning', false);
    await dialog.getByRole('link', { name: 'Mở' }).click();
    await page.waitForURL(new RegExp(`exemplars/${exemplarId}/show`));
    const count = await api<{ exemplars: { totalCount: number } }>('bientap.babe@lantoa.vn', '{ exemplars(filter: { q: "tu sach nhan ai" }) { totalCount } }');
    expect(count.data!.exemplars.totalCount).toBe(1);

    // An editor may propose, nothing else: the only step button is PROPOSE.
    const steps = page.getByTestId('next-steps');
    await steps.getByTestId('step-PROPOSE').waitFor();
    expect(await steps.getByRole('button').count()).toBe(1);
    await steps.getByTestId('step-PROPOSE').click();
    await page.getByTestId('step-note').fill('Đề nghị Huyện ủy xác minh.');
    await page.getByTestId('step-confirm').click();
    await page.getByText('Đã ghi nhận bước “Đề xuất”.').waitFor();
    await page.getByTestId('timeline-PROPOSE').getByText('Đề nghị Huyện ủy xác minh.').waitFor();
    await page.getByTestId('exemplar-status').getByText('Đề xuất').waitFor();
    expect(await steps.getByRole('button').count()).toBe(0);
    await shot(page, 'proposed');

    // The story is rich text: bold from the editor's toolbar is shown bold; markup typed as text stays text.
    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.locator('.ra-input-story .ProseMirror').click();
    const bold = page.getByRole('button', { name: 'Đậm', exact: true });
    // Type only once the toolbar shows the mark toggled and the editor has its focus back: a key pressed sooner can be lost.
    const toggleBold = async (pressed: boolean) => {
      await bold.click();
      await expect.poll(() => bold.getAttribute('aria-pressed')).toBe(String(pressed));
      await page.locator('.ra-input-story .ProseMirror-focused').waitFor();
    };
    await page.keyboard.type('Mở cửa ');
    await toggleBold(true);
    await page.keyboard.type('sáng thứ Bảy');
    await toggleBold(false);
    await page.keyboard.type(' hằng tuần. <script>window.hacked = 1</script>');
    await shot(page, 'story-editor', false);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã cập nhật').waitFor();
    const strong = page.locator('.story strong', { hasText: 'sáng thứ Bảy' });
    await strong.waitFor();
    expect(await strong.evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600);
    await page.locator('.story', { hasText: 'hằng tuần. <script>window.hacked = 1</script>' }).waitFor();
    expect(await page.locator('.story script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    const stored = await api<{ exemplar: { story: string } }>('bientap.babe@lantoa.vn', 'query($id: ID!) { exemplar(id: $id) { story } }', { id: exemplarId });
    expect(stored.data!.exemplar.story).toBe('<p>Mở cửa <strong>sáng thứ Bảy</strong> hằng tuần. &lt;script&gt;window.hacked = 1&lt;/script&gt;</p>');
  });

  it('a reviewer outside Ba Bể cannot verify it; the district’s reviewer can, and the timeline shows each step', async () => {
    expect(exemplarId).toBeTruthy();
    // A proposal stays inside the district (issue #17): the provincial board, not above Ba Bể in the tree, does not read it…
    const unseen = await api<{ exemplar: null }>('kiemduyet@lantoa.vn', 'query($id: ID!) { exemplar(id: $id) { id } }', { id: exemplarId });
    expect(unseen.data!.exemplar).toBeNull();
    // …and the server refuses to verify it, changing nothing.
    const refused = await api('kiemduyet@lantoa.vn', 'mutation($id: ID!) { transitionExemplar(id: $id, action: VERIFY) { status } }', { id: exemplarId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const page = await signIn('kiemduyet.babe@lantoa.vn');
    await page.goto(`${h.origin}/#/exemplars/${exemplarId}/show`);
    const steps = page.getByTestId('next-steps');
    await steps.getByTestId('step-VERIFY').waitFor();
    // Rejecting asks for a reason: the confirmation stays disabled without one.
    await steps.getByTestId('step-REJECT').click();
    expect(await page.getByTestId('step-confirm').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Hủy' }).click();
    await steps.getByTestId('step-VERIFY').click();
    await page.getByTestId('step-note').fill('Đã xác minh tại thôn.');
    await page.getByTestId('step-confirm').click();
    await page.getByText('Đã ghi nhận bước “Xác minh”.').waitFor();
    await page.getByTestId('exemplar-status').getByText('Đã xác minh').waitFor();
    const timeline = page.getByTestId('timeline');
    for (const [step, label] of [
      ['REGISTER', 'Đăng ký'],
      ['PROPOSE', 'Đề xuất'],
      ['VERIFY', 'Đã xác minh'],
    ])
      await timeline.getByTestId(`timeline-${step}`).getByText(label, { exact: true }).waitFor();
    // Who took each step, by name and organization: staff e-mails are for admins only.
    await timeline.getByText('Biên tập viên Huyện ủy Ba Bể, Huyện ủy Ba Bể', { exact: false }).first().waitFor();
    await timeline.getByText('Kiểm duyệt viên Huyện ủy Ba Bể, Huyện ủy Ba Bể', { exact: false }).first().waitFor();
    expect(await timeline.textContent()).not.toContain('@');

    // A commendation with the decision number as typed; the server keeps it canonical and the exemplar becomes AWARDED.
    await page.getByTestId('add-commendation').click();
    const dialog = page.getByTestId('commendation-dialog');
    await dialog.getByRole('combobox', { name: 'Hình thức' }).click();
    await page.getByRole('option', { name: 'Giấy khen', exact: true }).click();
    await page.getByTestId('commendation-decider').fill('huyen uy ba be');
    await page.getByRole('option', { name: 'Huyện ủy Ba Bể', exact: true }).click();
    await page.getByTestId('commendation-number').fill('abc');
    await dialog.getByText('không phải là số văn bản', { exact: false }).waitFor();
    await page.getByTestId('commendation-number').fill('Số 318-QĐ/HU');
    await dialog.getByText('318-QĐ/HU', { exact: false }).waitFor();
    // Decided today: the AWARD step it makes may not be dated before the verification just recorded (today).
    await page.getByTestId('commendation-day').fill(todayInProvince().split('-').reverse().join('/'));
    await page.getByTestId('commendation-save').click();
    await page.getByText('Đã ghi nhận khen thưởng.').waitFor();
    await page.getByTestId('commendations').getByText('318-QĐ/HU', { exact: true }).waitFor();
    await page.getByTestId('exemplar-status').getByText('Khen thưởng').waitFor();
    await page.getByTestId('timeline-AWARD').waitFor();
    // The record's audit history names the steps in Vietnamese too.
    await page.getByTestId('history').getByText('Đã xác minh → Khen thưởng', { exact: false }).waitFor();
    await shot(page, 'verified-timeline');
  });

  it('communications staff filter the list by district with its subtree, field, step and year', async () => {
    const page = await signIn('kiemduyet.babe@lantoa.vn');
    await page.getByRole('menuitem', { name: 'Điển hình', exact: true }).click();
    const list = page.getByTestId('exemplar-list');
    await list.waitFor();
    // A district's staff start from their own district, with its subtree.
    await expect.poll(() => page.getByTestId('exemplar-org-filter').inputValue()).toBe('Huyện ủy Ba Bể');
    await page.getByTestId('exemplar-org-filter').fill('huyen uy ba be');
    await page.getByRole('option', { name: 'Huyện ủy Ba Bể', exact: true }).click();
    await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
    await page.getByRole('option', { name: 'Xây dựng Đảng', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Bước' }).click();
    await page.getByRole('option', { name: 'Biểu dương', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.locator('input[name="honouredInYear"]').fill('2024');
    // Typed filters apply after a pause: wait until the year is in the list's URL.
    const filterOf = () => page.evaluate(() => JSON.parse(new URLSearchParams(location.hash.split('?')[1]).get('filter') ?? '{}') as Record<string, unknown>);
    await expect.poll(filterOf).toMatchObject({ honouredInYear: 2024, statuses: ['RECOGNISED'], fields: ['PARTY_BUILDING'], includeDescendants: true });
    // Chi bộ thôn Bản Cám belongs to Đảng ủy xã Nam Mẫu, below Ba Bể: found with the subtree only.
    const banCam = list.getByRole('cell', { name: 'Chi bộ thôn Bản Cám nêu gương trong học tập và làm theo Bác' });
    await banCam.waitFor();
    await list.getByText('Đảng ủy xã Nam Mẫu').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'list-filtered', false); // the viewport: a full-page picture slides the fixed app bar over the filters
    // The box follows the list's filter (in the URL), so it turns off a moment after the click.
    await page.getByLabel('Gồm cả đơn vị trực thuộc').click();
    await banCam.waitFor({ state: 'detached' });
    expect(await filterOf()).toMatchObject({ includeDescendants: false, honouredInYear: 2024 });
  });

  it('the dashboard shows the 1.567 of the review period and draws the chart by district and year', async () => {
    const page = await signIn('admin@lantoa.vn');
    await page.getByTestId('exemplar-review-count').getByText('1.567', { exact: true }).waitFor();
    const chart = page.getByTestId('exemplar-chart');
    await chart.locator('svg').first().waitFor();
    await chart.locator('svg text', { hasText: 'Huyện ủy Chợ Đồn' }).first().waitFor();
    expect(await chart.locator('svg rect').count()).toBeGreaterThan(5);
    await shot(page, 'dashboard');

    // The authority table, for admins.
    await page.getByRole('menuitem', { name: 'Thẩm quyền khen thưởng' }).click();
    await page.getByTestId('authority-table').getByText('Bằng khen của Chủ tịch UBND cấp tỉnh', { exact: false }).waitFor();
    await shot(page, 'authorities');

    // Commendations are found by decision number in any spelling; movements are listed.
    await page.getByRole('menuitem', { name: 'Khen thưởng', exact: true }).click();
    await page.locator('input[name="q"]').fill('1436 qd ubnd');
    // The list's filter reaches the URL after a debounce: leaving before it does would be undone by it.
    await page.waitForURL(/1436/);
    await page.getByTestId('commendation-list').getByText('Chuyến xe không đồng đưa bệnh nhân nghèo đi viện').waitFor();
    await page.getByRole('menuitem', { name: 'Phong trào thi đua' }).click();
    await page.getByTestId('movement-list').getByText('Phong trào thi đua học tập và làm theo tư tưởng', { exact: false }).waitFor();

    // In English: the show page's lifecycle and the steps the admin may take now (the exemplar is AWARDED).
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto(`${h.origin}/#/exemplars/${exemplarId}/show`);
    await page.getByText('Lifecycle', { exact: true }).waitFor();
    await page.getByTestId('next-steps').getByRole('button', { name: 'Publicise' }).waitFor();
    await page.getByTestId('timeline-VERIFY').getByText('Verified', { exact: true }).waitFor();
    await page.getByTestId('commendations').getByText('Certificate of commendation').waitFor();
    await shot(page, 'show-english');
  });
});
