import { BooleanInput, CreateButton, Datagrid, FilterButton, List, SearchInput, SelectInput, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { DateText, EnumText, enumChoices, OrgLink } from '../../components/fields';
import type { CsvColumn } from '../../csv';
import { formatDate } from '../../format';
import { DEADLINE_STATUSES, DeadlineChip, DirectiveLink, OrganizationInput, TASK_GROUPS, TASK_ROLES, TASK_STATUSES } from '../directives/common';

type Task = {
  id: string;
  title: string;
  group: string;
  status: string;
  deadlineStatus?: string | null;
  dueOn: string;
  completedOn?: string;
  leadOrganization?: { name: string } | null;
  directive?: { number: string } | null;
};

export const taskFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="deadlineStatus" source="deadlineStatus" choices={enumChoices('deadline', DEADLINE_STATUSES)} alwaysOn sx={{ minWidth: 240 }} />,
  <SelectInput key="status" source="status" choices={enumChoices('task_status', TASK_STATUSES)} />,
  <SelectInput key="group" source="group" choices={enumChoices('task_group', TASK_GROUPS)} />,
  <OrganizationInput key="organizationId" source="organizationId" fullWidth={false} />,
  <BooleanInput key="includeDescendants" source="includeDescendants" />,
  <SelectInput key="role" source="role" choices={enumChoices('task_role', TASK_ROLES)} />,
  <VnDateInput key="dueFrom" source="dueFrom" />,
  <VnDateInput key="dueTo" source="dueTo" />,
  <VnDateInput key="asOf" source="asOf" />,
];

const csv = (t: (k: string) => string): CsvColumn<Task>[] => [
  { header: 'id', value: (x) => x.id },
  { header: t('resources.tasks.fields.title'), value: (x) => x.title },
  { header: t('resources.tasks.fields.group'), value: (x) => t(`lantoa.task_group.${x.group}`) },
  { header: t('resources.tasks.fields.leadOrganization'), value: (x) => x.leadOrganization?.name },
  { header: t('resources.tasks.fields.dueOn'), value: (x) => formatDate(x.dueOn) },
  { header: t('resources.tasks.fields.status'), value: (x) => t(`lantoa.task_status.${x.status}`) },
  { header: t('resources.tasks.fields.completedOn'), value: (x) => formatDate(x.completedOn) },
  { header: t('resources.tasks.fields.deadlineStatus'), value: (x) => (x.deadlineStatus ? t(`lantoa.deadline.${x.deadlineStatus}`) : '') },
  { header: t('resources.tasks.fields.directive'), value: (x) => x.directive?.number },
];

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'tasks', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate && <CreateButton />}
      <ExportCsvButton<Task> columns={csv} filename="nhiem-vu" />
    </TopToolbar>
  );
}

/** Overdue first (the API's DEADLINE order), then open, done late, done on time; each by due date. */
export function TaskList() {
  return (
    <List filters={taskFilters} sort={{ field: 'deadlineStatus', order: 'ASC' }} actions={<Actions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="task-list">
        <DeadlineChip source="deadlineStatus" label="resources.tasks.fields.deadlineStatus" />
        <TextField source="title" />
        <EnumText source="group" group="task_group" sortable={false} />
        <OrgLink source="leadOrganization" label="resources.tasks.fields.leadOrganization" sortable={false} />
        <DateText source="dueOn" />
        <EnumText source="status" group="task_status" sortable={false} />
        <DateText source="completedOn" sortable={false} />
        <DirectiveLink source="directive" label="resources.tasks.fields.directive" sortable={false} />
      </Datagrid>
    </List>
  );
}
