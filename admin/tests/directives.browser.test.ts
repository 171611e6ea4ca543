import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoId } from '@lantoa/kit';
import { samplePdf } from '@lantoa/kit/attachments';
import { openConsole, type ConsoleHarness } from './browser-support';

/**
 * The directives screens in real Chromium against the real system with its
 * demo data (browser-support.ts: the console built apart and served as
 * `pnpm start` serves it, the gateway's paths forwarded: one origin).
 */
let h: ConsoleHarness;

const api = <T>(email: string, query: string, variables: Record<string, unknown> = {}) => h.api<T>(email, query, variables);
const signIn = (email: string) => h.signIn(email);
const shot = (page: Page, name: string) => h.shot(page, name);

beforeAll(async () => {
  h = await openConsole('directives');
}, 180_000);

afterEach((ctx) => h?.shotOnFailure(ctx));

afterAll(async () => {
  await h?.close();
});

describe('directives screens in Chromium', { timeout: 60_000 }, () => {
  it('admin registers a directive typed “số 02 - kl/tu”: shown as 02-KL/TU while typing, stored so; relations show both ways', async () => {
    const page = await signIn('admin@lantoa.vn');
    await page.getByRole('menuitem', { name: 'Văn bản chỉ đạo' }).click();
    await page.getByRole('link', { name: 'Tạo mới' }).click();
    const number = page.locator('input[name="number"]');
    // A wrong type code: the parser's message, in Vietnamese, before anything is sent.
    await number.fill('02-XX/TU');
    await page.getByTestId('number-error').getByText('Không có loại văn bản của Đảng mã “XX”').waitFor();
    await number.fill('số 02 - kl/tu');
    await page.getByTestId('number-canonical').getByText('Sẽ lưu là: 02-KL/TU').waitFor();
    await page.locator('textarea[name="title"]').fill('Kết luận của Ban Thường vụ Tỉnh ủy về tiếp tục đẩy mạnh học tập và làm theo Bác');
    await page.locator('input[name="term"]').fill('XII');
    await page.locator('input[name="issuedOn"]').fill('20/06/2024');
    await page.getByLabel('Cơ quan ban hành').fill('tinh uy bac kan');
    await page.getByRole('option', { name: 'Tỉnh ủy Bắc Kạn', exact: true }).click();
    await shot(page, 'directive-create');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('directive-number').getByText('02-KL/TU', { exact: true }).waitFor();
    await page.getByText('số 02 - kl/tu', { exact: true }).waitFor();
    const { directives } = await api<{ directives: { nodes: { id: string; number: string; numberAsWritten: string; documentType: string }[] } }>(
      'admin@lantoa.vn',
      '{ directives(filter: { q: "02 kl tu" }) { nodes { id number numberAsWritten documentType } } }',
    );
    expect(directives.nodes).toEqual([expect.objectContaining({ number: '02-KL/TU', numberAsWritten: 'số 02 - kl/tu', documentType: 'CONCLUSION' })]);

    // It implements 01-KL/TW: recorded here, seen from 01-KL/TW as incoming.
    await page.getByTestId('add-relation').click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Văn bản này' }).click();
    await page.getByRole('option', { name: 'Triển khai thực hiện' }).click();
    await page.getByTestId('relation-target').fill('01 kl tw');
    await page.getByRole('option', { name: /^01-KL\/TW/ }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã ghi nhận văn bản liên quan.').waitFor();
    await page.getByTestId('relation-out').getByText('01-KL/TW').waitFor();
    await page.getByTestId('relation-out').getByRole('link', { name: '01-KL/TW' }).click();
    const relations = page.getByTestId('relations');
    await relations.getByText('Được triển khai bởi').waitFor();
    await relations.getByRole('link', { name: '02-KL/TU' }).waitFor();
    await relations.getByText('Tiếp tục thực hiện').waitFor();
    await relations.getByRole('link', { name: '05-CT/TW' }).waitFor();
    await relations.getByText('Được đánh giá bởi').waitFor();
    await relations.getByRole('link', { name: '499-BC/TU' }).waitFor();
    await page.getByTestId('criteria').getByRole('cell', { name: 'TC1', exact: true }).waitFor();
    await page.getByTestId('evaluations').getByText('Huyện ủy Ba Bể').first().waitFor();
    await shot(page, 'directive-relations');
  });

  it('a district editor reports progress on a task of their district (sections and a figure)', async () => {
    const page = await signIn('bientap.babe@lantoa.vn');
    await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).click();
    await page.locator('input[name="q"]').fill('nguoi dung dau');
    // The search applies after a pause: click the row once the list holds only it.
    await page.getByText('1–1 trong số 1').waitFor();
    await page.getByRole('cell', { name: /^Người đứng đầu cấp ủy/ }).click();
    await page.waitForURL(/#\/tasks\/[^/]+\/show$/);
    await page.getByTestId('report-progress').click();
    await page.locator('input[name="title"]').fill('Báo cáo 6 tháng đầu năm 2026 của Huyện ủy Ba Bể');
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
    await page.getByRole('option', { name: 'Báo cáo 6 tháng' }).click();
    await page.locator('input[name="periodFrom"]').fill('01/01/2026');
    await page.locator('input[name="periodTo"]').fill('30/06/2026');
    // Sections are rich text: Enter starts a paragraph, the toolbar makes a bulleted list.
    await page.locator('.ra-input-results .ProseMirror').click();
    await page.keyboard.type('Người đứng đầu các cấp ủy cơ sở nêu gương.\nCó 12 mô hình mới.');
    await page.locator('.ra-input-shortcomings .ProseMirror').click();
    await page.locator('.ra-input-shortcomings').getByRole('button', { name: 'Danh sách dấu đầu dòng' }).click();
    await page.keyboard.type('Một số chi bộ chưa sinh hoạt chuyên đề đều đặn.');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.locator('input[name="figures.0.name"]').fill('Mô hình học tập và làm theo Bác');
    await page.locator('input[name="figures.0.value"]').fill('1234');
    await page.locator('input[name="figures.0.unit"]').fill('mô hình');
    await shot(page, 'report-create-editor');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('report-title').getByText('Báo cáo 6 tháng đầu năm 2026 của Huyện ủy Ba Bể').waitFor();
    await page.getByTestId('report-figures').getByText('1.234').waitFor();
    await page.getByTestId('section-results').getByText('Có 12 mô hình mới.', { exact: false }).waitFor();
    await page.getByTestId('section-shortcomings').locator('ul > li', { hasText: 'Một số chi bộ chưa sinh hoạt' }).waitFor();
    await shot(page, 'report-show-editor');
    const { progressReports } = await api<{
      progressReports: {
        nodes: {
          reportingOrganization: { name: string };
          task: { title: string };
          figures: { value: number; unit: string }[];
          results: string;
          shortcomings: string;
        }[];
      };
    }>(
      'admin@lantoa.vn',
      '{ progressReports(filter: { q: "6 thang dau nam 2026" }) { nodes { reportingOrganization { name } task { title } figures { value unit } results shortcomings } } }',
    );
    expect(progressReports.nodes).toEqual([
      {
        results: '<p>Người đứng đầu các cấp ủy cơ sở nêu gương.</p><p>Có 12 mô hình mới.</p>',
        shortcomings: '<ul><li><p>Một số chi bộ chưa sinh hoạt chuyên đề đều đặn.</p></li></ul>',
        reportingOrganization: { name: 'Huyện ủy Ba Bể' },
        task: { title: expect.stringMatching(/^Người đứng đầu cấp ủy/) },
        figures: [{ value: 1234, unit: 'mô hình' }],
      },
    ]);
  });

  it('the task list shows the overdue demo tasks first, with red chips; the dashboard charts tasks per district', async () => {
    const { tasks } = await api<{ tasks: { totalCount: number; nodes: { title: string }[] } }>(
      'admin@lantoa.vn',
      '{ tasks(first: 50, filter: { deadlineStatus: OPEN_OVERDUE }) { totalCount nodes { title } } }',
    );
    expect(tasks.totalCount).toBeGreaterThanOrEqual(3);
    const page = await signIn('xem@lantoa.vn');
    await page.getByTestId('task-stats').getByText('Huyện ủy Ba Bể').waitFor();
    await shot(page, 'dashboard-task-stats');
    await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).click();
    const chips = page.getByTestId('task-list').getByTestId('deadline-chip');
    await chips.first().waitFor();
    const statuses = await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const overdue = statuses.filter((s) => s === 'OPEN_OVERDUE').length;
    expect(overdue).toBe(tasks.totalCount);
    expect(statuses.slice(0, overdue).every((s) => s === 'OPEN_OVERDUE')).toBe(true);
    expect(statuses.slice(overdue)).not.toContain('OPEN_OVERDUE');
    await expect(page.getByTestId('task-list').getByText('Quá hạn', { exact: true }).count()).resolves.toBe(overdue);
    // A viewer reads but does not create.
    expect(await page.getByRole('link', { name: 'Tạo mới' }).count()).toBe(0);
    await shot(page, 'tasks-overdue-first');
  });

  it('a number already registered is refused naming the record, in Vietnamese; the task list reads in English too', async () => {
    const page = await signIn('admin@lantoa.vn');
    await page.goto(`${h.origin}/#/directives/create`);
    await page.locator('input[name="number"]').fill('Số 01 - KL/TW');
    await page.getByTestId('number-canonical').getByText('Sẽ lưu là: 01-KL/TW').waitFor();
    await page.locator('textarea[name="title"]').fill('Kết luận đăng ký lại');
    await page.locator('input[name="term"]').fill('XIII');
    await page.locator('input[name="issuedOn"]').fill('18/05/2021');
    await page.getByLabel('Cơ quan ban hành').fill('bo chinh tri');
    await page.getByRole('option', { name: 'Bộ Chính trị', exact: true }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Số 01-KL/TW (XIII) đã có trong sổ văn bản', { exact: false }).waitFor();
    await shot(page, 'directive-duplicate');
    // The app bar hides while the form is scrolled: switch language from the top of another page.
    await page.goto(`${h.origin}/#/tasks`);
    await page.getByTestId('task-list').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByTestId('task-list').getByText('Overdue', { exact: true }).first().waitFor();
    await page.getByRole('columnheader', { name: 'Against deadline' }).waitFor();
    await shot(page, 'tasks-english');
  });

  it('an admin attaches a PDF to 01-KL/TW, downloads it and replaces it; a viewer downloads it and is offered no change', async () => {
    const id = demoId('directive', '01-kl-tw');
    const page = await signIn('admin@lantoa.vn');
    await page.goto(`${h.origin}/#/directives/${id}/show`);
    const section = page.getByTestId('directive-file');
    await section.getByText('Chưa đính kèm tệp văn bản.').waitFor();
    const pdf = samplePdf('01-KL/TW');
    await section.getByTestId('directive-file-input').setInputFiles({ name: 'Kết luận 01-KL-TW.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('Đã đính kèm Kết luận 01-KL-TW.pdf.').waitFor();
    const link = section.getByRole('button', { name: 'Kết luận 01-KL-TW.pdf' });
    // The link fetches the file with the session's header and hands it to the browser as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Kết luận 01-KL-TW.pdf');
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);
    await shot(page, 'directive-file');

    // Replacing: the new file is uploaded, then the old one removed.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section.getByRole('button', { name: 'Thay tệp' }).click()]);
    await chooser.setFiles({ name: '01-KL-TW ban ky.pdf', mimeType: 'application/pdf', buffer: samplePdf('01-KL/TW ban ky') });
    await page.getByText('Đã thay bằng 01-KL-TW ban ky.pdf.').waitFor();
    await section.getByRole('button', { name: '01-KL-TW ban ky.pdf' }).waitFor();
    expect(await section.getByTestId('directive-file-row').count()).toBe(1);
    const { directive } = await api<{ directive: { attachments: { fileName: string; mimeType: string }[] } }>(
      'xem@lantoa.vn',
      'query($id: ID!) { directive(id: $id) { attachments { fileName mimeType } } }',
      { id },
    );
    expect(directive.attachments).toEqual([{ fileName: '01-KL-TW ban ky.pdf', mimeType: 'application/pdf' }]);

    const viewer = await signIn('xem@lantoa.vn');
    await viewer.goto(`${h.origin}/#/directives/${id}/show`);
    const seen = viewer.getByTestId('directive-file');
    await seen.getByRole('button', { name: '01-KL-TW ban ky.pdf' }).waitFor();
    for (const name of ['Thay tệp', 'Gỡ tệp']) expect(await seen.getByRole('button', { name }).count(), name).toBe(0);
    expect(await seen.getByTestId('attach-file').count()).toBe(0);
    const [again] = await Promise.all([viewer.waitForEvent('download'), seen.getByRole('button', { name: '01-KL-TW ban ky.pdf' }).click()]);
    expect(again.suggestedFilename()).toBe('01-KL-TW ban ky.pdf');
  });
});
