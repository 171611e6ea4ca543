import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isoToVnLocal } from '../src/format';
import { openConsole, type ConsoleHarness } from './browser-support';

/**
 * The media screens in real Chromium against the real system with its demo
 * data: a day at Báo Bắc Kạn. A district's exemplar was recognised this
 * morning; the newspaper's editor finds it on the to-do list, drafts an item
 * about it, the editorial secretary approves it for publication two seconds
 * later, and the page shows it published (the server's job queue did it) and
 * the exemplar off the list, without reloading anything.
 */
const EDITOR = 'bientap.bao@lantoa.vn';
const REVIEWER = 'kiemduyet.bao@lantoa.vn';
const EXEMPLAR = 'Quỹ hỗ trợ kinh phí điều trị cho bệnh nhân nghèo';
const TITLE = 'Quỹ “một ngày lương” tiếp sức bệnh nhân nghèo Bạch Thông';

let h: ConsoleHarness;
let itemId: string;

beforeAll(async () => {
  h = await openConsole('media');
  // This morning: the district's verified practice is recognised (biểu dương), so it is on this year's to-do list.
  const { exemplars } = await h.api<{ exemplars: { nodes: { id: string }[] } }>(
    'admin@lantoa.vn',
    '{ exemplars(filter: { q: "quy ho tro kinh phi dieu tri" }) { nodes { id } } }',
  );
  await h.api('admin@lantoa.vn', 'mutation($id: ID!) { transitionExemplar(id: $id, action: RECOGNISE, note: "Biểu dương tại hội nghị huyện.") { status } }', {
    id: exemplars.nodes[0]!.id,
  });
}, 180_000);

afterEach((ctx) => h?.shotOnFailure(ctx));

afterAll(async () => {
  await h?.close();
});

describe('the media screens in Chromium', { timeout: 90_000 }, () => {
  it('an editor drafts an item about an exemplar from the to-do list, with pickers that forgive missing diacritics, and submits it', async () => {
    const page = await h.signIn(EDITOR);
    const todo = page.getByTestId('media-todo');
    await todo.getByRole('link', { name: EXEMPLAR }).click();
    await page.getByTestId('exemplar-name').getByText(EXEMPLAR).waitFor();
    await page.getByTestId('exemplar-coverage').getByText('Chưa có tin, bài nào được đăng về điển hình này.').waitFor();
    await page.getByTestId('write-about').click();

    // The exemplar arrives linked; the rest is typed as a reporter would, without diacritics in the pickers.
    await page.locator('input[name="title"]').fill(TITLE);
    await page
      .getByRole('button', { name: EXEMPLAR })
      .or(page.getByText(EXEMPLAR, { exact: true }))
      .first()
      .waitFor();
    await page.getByLabel('Cơ quan báo chí').fill('bao bac kan');
    await page.getByRole('option', { name: 'Báo Bắc Kạn', exact: true }).click();
    await page.locator('textarea[name="summary"]').fill('Mỗi cán bộ, đảng viên góp một ngày lương mỗi quý cho bệnh nhân nghèo.');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('Từ đầu năm, quỹ đã hỗ trợ nhiều trường hợp nguy kịch.');
    await page.getByLabel('Tác giả').fill('Ngọc Mai, Thu Hà');
    await page.getByLabel('Văn bản được tuyên truyền').fill('01 kl tw');
    await page.getByRole('option', { name: /^01-KL\/TW/ }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByTestId('media-title').getByText(TITLE).waitFor();
    itemId = /mediaItems\/([^/]+)\/show/.exec(page.url())![1]!;
    await page.getByTestId('media-status').getByText('Bản nháp').waitFor();
    await page.getByTestId('media-links').getByRole('link', { name: EXEMPLAR }).waitFor();
    await page
      .getByTestId('media-links')
      .getByRole('link', { name: /^01-KL\/TW/ })
      .waitFor();
    await page.locator('.media-body', { hasText: 'nguy kịch' }).waitFor();
    // An editor's only step on a draft is to submit it; approving is the reviewers'.
    const steps = page.getByTestId('media-next-steps');
    await steps.getByTestId('media-step-SUBMIT').waitFor();
    expect(await steps.getByRole('button').count()).toBe(1);
    await steps.getByTestId('media-step-SUBMIT').click();
    await page.getByTestId('media-step-confirm').click();
    await page.getByText('Đã thực hiện bước “Gửi duyệt”.').waitFor();
    await page.getByTestId('media-status').getByText('Chờ duyệt').waitFor();
    await steps.getByText('Bạn không có bước nào thực hiện được ở trạng thái này.').waitFor();
    const item = await h.api<{ mediaItem: { authors: string[]; exemplarIds: string[]; status: string } }>(
      EDITOR,
      'query($id: ID!) { mediaItem(id: $id) { authors exemplarIds status } }',
      { id: itemId },
    );
    expect(item.mediaItem).toMatchObject({ authors: ['Ngọc Mai', 'Thu Hà'], status: 'IN_REVIEW' });
    expect(item.mediaItem.exemplarIds).toHaveLength(1);
    await h.shot(page, 'submitted');
  });

  it('the reviewer approves it for two seconds later; it shows as published without a reload, and the exemplar leaves the to-do list', async () => {
    expect(itemId).toBeTruthy();
    const page = await h.signIn(REVIEWER);
    await page.getByTestId('media-todo').getByRole('link', { name: EXEMPLAR }).waitFor();
    await page.goto(`${h.origin}/#/mediaItems/${itemId}/show`);
    const steps = page.getByTestId('media-next-steps');
    await steps.getByTestId('media-step-APPROVE').waitFor();
    // Sending back needs a reason: confirming stays disabled without one.
    await steps.getByTestId('media-step-REJECT').click();
    expect(await page.getByTestId('media-step-confirm').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Hủy' }).click();

    await steps.getByTestId('media-step-APPROVE').click();
    await page.getByTestId('media-step-note').fill('Đăng trang nhất bản điện tử.');
    // The picker holds Vietnam's wall-clock time (the browser is in Asia/Ho_Chi_Minh too); two seconds ahead, rounded up to a whole second.
    const at = Math.ceil((Date.now() + 2_000) / 1000) * 1000;
    await page.getByTestId('media-publish-at').fill(isoToVnLocal(new Date(at).toISOString()));
    await page.getByTestId('media-step-confirm').click();
    await page.getByText('Đã thực hiện bước “Duyệt”.').waitFor();
    await page.getByTestId('media-scheduled-for').waitFor();
    await h.shot(page, 'scheduled');

    // No reload: the page asks again while a publication is scheduled, and the job queue publishes it on the server.
    await page.getByTestId('media-status').getByText('Đã đăng').waitFor({ timeout: 20_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(at);
    await page.getByTestId('media-timeline-SCHEDULED_PUBLISH').getByText('Tự động đăng theo lịch').waitFor();
    // The job is named in Vietnamese, not by the server's actor name ('scheduled publication').
    await page.getByTestId('media-timeline-SCHEDULED_PUBLISH').getByText('bởi hệ thống (đăng theo lịch)').waitFor();
    expect(await page.getByTestId('media-timeline').textContent()).not.toContain('scheduled publication');
    const { mediaItem } = await h.api<{ mediaItem: { status: string; publishedAt: string } }>(
      REVIEWER,
      'query($id: ID!) { mediaItem(id: $id) { status publishedAt } }',
      { id: itemId },
    );
    expect(mediaItem.status).toBe('PUBLISHED');
    expect(Date.parse(mediaItem.publishedAt)).toBe(at);
    await h.shot(page, 'published');

    // The exemplar has its coverage now, and the dashboard's to-do list no longer names it.
    await page.getByTestId('media-links').getByRole('link', { name: EXEMPLAR }).click();
    await page.getByTestId('coverage-count').getByText('1', { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    const todo = page.getByTestId('media-todo');
    await todo
      .getByText(/Mọi điển hình được tôn vinh|tôn vinh \d/)
      .first()
      .waitFor();
    expect(await todo.getByRole('link', { name: EXEMPLAR }).count()).toBe(0);
  });

  it('campaigns show progress bars against their targets; the dashboard draws coverage by outlet and month', async () => {
    const page = await h.signIn('xem@lantoa.vn');
    await page.getByRole('menuitem', { name: 'Đợt tuyên truyền' }).click();
    const list = page.getByTestId('campaign-list');
    await list.getByText('4/8 tin, bài').waitFor();
    await list.getByText('3/6 về điển hình').waitFor();
    await list.getByRole('progressbar').first().waitFor();
    await list.getByRole('row').nth(1).click();
    await page.getByTestId('campaign-outlets').getByText('Báo Bắc Kạn', { exact: false }).waitFor();
    await h.shot(page, 'campaign');

    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await page.getByRole('combobox', { name: 'Khoảng thời gian' }).click();
    await page.getByRole('option', { name: 'Kỳ sơ kết 01-KL/TW (18/05/2021–16/05/2024)' }).click();
    const chart = page.getByTestId('media-coverage-chart');
    await chart.locator('svg text', { hasText: '05/2024' }).first().waitFor();
    expect(await chart.locator('svg rect').count()).toBeGreaterThan(1);
    // Over the review period, the to-do list counts the honoured exemplars not yet covered, each a link.
    await expect.poll(() => page.getByTestId('media-todo-list').getByRole('link').count()).toBe(10);
    await page
      .getByTestId('media-todo')
      .getByText(/và [\d.]+ điển hình khác/)
      .waitFor();
    await h.shot(page, 'dashboard');
  });

  it('viewers read media items but get no workflow buttons, no edit and no upload', async () => {
    const page = await h.signIn('xem@lantoa.vn');
    await page.getByRole('menuitem', { name: 'Tin, bài tuyên truyền' }).click();
    await page.getByTestId('media-list').getByText('Sơ kết 3 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị').click();
    await page.getByTestId('media-title').waitFor();
    await page.getByTestId('media-status').getByText('Đã đăng').waitFor();
    await page.getByTestId('media-next-steps').getByText('Bạn không có bước nào thực hiện được ở trạng thái này.').waitFor();
    expect(await page.getByRole('link', { name: 'Sửa' }).count()).toBe(0);
    expect(await page.getByTestId('dropzone').count()).toBe(0);
  });
});
