import { registerEnumType } from 'type-graphql';

/** The article's four groups of tasks (GLOSSARY §3). */
export enum TaskGroup {
  PARTY_COMMITTEES = 'PARTY_COMMITTEES',
  GOVERNMENT_AND_MASS_ORGANIZATIONS = 'GOVERNMENT_AND_MASS_ORGANIZATIONS',
  PRESS_AND_MEDIA = 'PRESS_AND_MEDIA',
  CADRES_AND_MEMBERS = 'CADRES_AND_MEMBERS',
  OTHER = 'OTHER',
}
registerEnumType(TaskGroup, {
  name: 'TaskGroup',
  description: 'Who a task is for.',
  valuesConfig: {
    PARTY_COMMITTEES: { description: 'Cấp ủy, tổ chức đảng: Party committees and organizations.' },
    GOVERNMENT_AND_MASS_ORGANIZATIONS: { description: 'Chính quyền, Mặt trận và đoàn thể: government, the Front and mass organizations.' },
    PRESS_AND_MEDIA: { description: 'Báo chí, truyền thông: the press and media.' },
    CADRES_AND_MEMBERS: { description: 'Cán bộ, đảng viên, leaders first.' },
    OTHER: { description: 'Anything else.' },
  },
});

export enum TaskStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'Where the work on a task stands.' });

/** As government task trackers report them; computed for a day in the province's time zone. */
export enum DeadlineStatus {
  DONE_ON_TIME = 'DONE_ON_TIME',
  DONE_LATE = 'DONE_LATE',
  OPEN_WITHIN_DEADLINE = 'OPEN_WITHIN_DEADLINE',
  OPEN_OVERDUE = 'OPEN_OVERDUE',
}
registerEnumType(DeadlineStatus, {
  name: 'DeadlineStatus',
  description: 'A task against its due date, on a given day (Asia/Ho_Chi_Minh).',
  valuesConfig: {
    DONE_ON_TIME: { description: 'Hoàn thành đúng hạn: completed on or before the due date.' },
    DONE_LATE: { description: 'Hoàn thành quá hạn: completed after the due date.' },
    OPEN_WITHIN_DEADLINE: { description: 'Đang thực hiện, trong hạn: not completed, due date not passed.' },
    OPEN_OVERDUE: { description: 'Quá hạn: not completed, due date passed.' },
  },
});

/** How a task relates to an organization in a filter. */
export enum TaskRole {
  LEAD = 'LEAD',
  COORDINATOR = 'COORDINATOR',
  ANY = 'ANY',
}
registerEnumType(TaskRole, { name: 'TaskRole', description: 'Lead organization, coordinating organization, or either.' });
