/** English for "Việc của tôi" (issue #17), merged into en.ts; keys equal to vi-my-work.ts. */
const enMyWork = {
  lantoa: {
    my_work: {
      title: 'My work',
      none: 'Nothing is waiting for you.',
      exemplars_to_verify: 'Exemplars to verify',
      exemplars_returned: 'Exemplars returned to you',
      media_to_approve: 'Media items to approve',
      media_returned: 'Media items returned to you',
      tasks_overdue: 'Overdue tasks',
      tasks_due_soon: 'Tasks due within 14 days',
      reports_owed: 'Tasks owing this half-year’s report',
      due: 'Due %{day}',
      more: 'and %{count} more',
      badge: '%{count} waiting for you',
    },
  },
};

export default enMyWork;
