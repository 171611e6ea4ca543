import AssignmentIcon from '@mui/icons-material/Assignment';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  Button,
  Datagrid,
  EditButton,
  Labeled,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { DateText, EnumText, OrgLink } from '../../components/fields';
import { RecordHistory } from '../../components/History';
import { DeadlineChip, DirectiveLink } from '../directives/common';
import { Section } from '../../components/Section';

type Task = {
  id: string;
  title: string;
  directiveId?: string | null;
  leadOrganizationId: string;
  description?: string | null;
  coordinatingOrganizations?: ({ id: string; name: string } | null)[];
};

/** Opens a new progress report on this task, for its lead organization. */
function ReportProgressButton() {
  const record = useRecordContext<Task>();
  const { canAccess } = useCanAccess({ resource: 'progressReports', action: 'create' });
  if (!record || !canAccess) return null;
  const source = { taskId: record.id, reportingOrganizationId: record.leadOrganizationId };
  return (
    <Button
      component={Link}
      to={`/progressReports/create?source=${encodeURIComponent(JSON.stringify(source))}`}
      label="lantoa.task.report_progress"
      data-testid="report-progress"
    >
      <AssignmentIcon />
    </Button>
  );
}

function Actions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'tasks', action: 'edit' });
  return (
    <TopToolbar>
      <ReportProgressButton />
      {canEdit && <EditButton />}
      {canEdit && <DeleteWithRestoreButton />}
    </TopToolbar>
  );
}

function Coordinators() {
  const record = useRecordContext<Task>();
  if (!record?.coordinatingOrganizations?.length) return <>—</>;
  return (
    <>
      {record.coordinatingOrganizations.filter(Boolean).map((o) => (
        <Chip key={o!.id} size="small" sx={{ mr: 0.5, mb: 0.5 }} label={o!.name} component={Link} to={`/organizations/${o!.id}/show`} clickable />
      ))}
    </>
  );
}

function Body() {
  const record = useRecordContext<Task>();
  const translate = useTranslate();
  const { canAccess: canSeeHistory } = useCanAccess({ resource: 'history/tasks', action: 'list' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6">{record.title}</Typography>
      {record.description && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>
          {record.description}
        </Typography>
      )}
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
        <Labeled source="deadlineStatus">
          <DeadlineChip source="deadlineStatus" />
        </Labeled>
        <Labeled source="status">
          <EnumText source="status" group="task_status" />
        </Labeled>
        <Labeled source="group">
          <EnumText source="group" group="task_group" />
        </Labeled>
        <Labeled source="dueOn">
          <DateText source="dueOn" />
        </Labeled>
        <Labeled source="completedOn">
          <DateText source="completedOn" />
        </Labeled>
        <Labeled source="leadOrganization">
          <OrgLink source="leadOrganization" />
        </Labeled>
        <Labeled source="directive">
          <DirectiveLink source="directive" withTitle />
        </Labeled>
      </Stack>
      <Labeled source="coordinatingOrganizations" sx={{ mt: 1 }}>
        <Coordinators />
      </Labeled>
      <Section title="lantoa.task.reports" testId="task-reports">
        <ReferenceManyField reference="progressReports" target="taskId" perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">{translate('lantoa.task.no_reports')}</Typography>}>
            <TextField source="title" label="resources.progressReports.fields.title" />
            <OrgLink source="reportingOrganization" label="resources.progressReports.fields.reportingOrganization" />
            <EnumText source="periodKind" group="period_kind" label="resources.progressReports.fields.periodKind" />
            <DateText source="periodFrom" label="resources.progressReports.fields.periodFrom" />
            <DateText source="periodTo" label="resources.progressReports.fields.periodTo" />
            <DateText source="submittedOn" label="resources.progressReports.fields.submittedOn" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      {canSeeHistory && (
        <Section title="lantoa.task.history">
          <RecordHistory />
        </Section>
      )}
    </Box>
  );
}

export function TaskShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}
