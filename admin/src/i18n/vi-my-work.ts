/**
 * Tiếng Việt for "Việc của tôi" (issue #17), merged into vi.ts; keys equal to
 * en-my-work.ts (tests/i18n.test.ts compares the merged files).
 */
const viMyWork = {
  lantoa: {
    my_work: {
      title: 'Việc của tôi',
      none: 'Không có việc nào đang chờ bạn.',
      exemplars_to_verify: 'Điển hình chờ thẩm định',
      exemplars_returned: 'Điển hình bị trả lại',
      media_to_approve: 'Tin, bài chờ duyệt',
      media_returned: 'Tin, bài bị trả lại',
      tasks_overdue: 'Nhiệm vụ quá hạn',
      tasks_due_soon: 'Nhiệm vụ đến hạn trong 14 ngày',
      reports_owed: 'Nhiệm vụ chưa báo cáo 6 tháng',
      due: 'Hạn %{day}',
      more: 'và %{count} việc khác',
      badge: '%{count} việc đang chờ bạn',
    },
  },
};

export default viMyWork;
