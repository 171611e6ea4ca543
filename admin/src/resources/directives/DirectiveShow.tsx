import { Section } from '../../components/Section';
import { Alert, Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Datagrid, EditButton, Labeled, ReferenceManyField, Show, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { DateText, EnumText, OrgLink } from '../../components/fields';
import { RecordHistory } from '../../components/History';
import { CriteriaSection } from '../criteria/CriteriaSection';
import { DeadlineChip } from './common';
import { DirectiveFile } from './DirectiveFile';
import { DirectiveRelations } from './Relations';

function Actions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'directives', action: 'edit' });
  return (
    <TopToolbar>
      {canEdit && (
        <>
          <EditButton />
          <DeleteWithRestoreButton />
        </>
      )}
    </TopToolbar>
  );
}

function Header() {
  const record = useRecordContext<{
    number: string;
    numberAsWritten: string;
    title: string;
    titleTypeConflict?: string | null;
    summary?: string | null;
    fullTextUrl?: string | null;
  }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Typography variant="h5" data-testid="directive-number">
        {record.number}
      </Typography>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {record.title}
      </Typography>
      {record.titleTypeConflict && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('lantoa.directive.title_conflict_short')}
        </Alert>
      )}
      {record.summary && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>
          {record.summary}
        </Typography>
      )}
      {record.fullTextUrl && (
        <MuiLink href={record.fullTextUrl} target="_blank" rel="noopener noreferrer">
          {translate('resources.directives.fields.fullTextUrl')}
        </MuiLink>
      )}
    </>
  );
}

function Body() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'directives', action: 'edit' });
  return (
    <Box sx={{ p: 2 }}>
      <Header />
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
        <Labeled source="numberAsWritten">
          <TextField source="numberAsWritten" />
        </Labeled>
        <Labeled source="documentType">
          <EnumText source="documentType" group="doc_type" />
        </Labeled>
        <Labeled source="family">
          <EnumText source="family" group="family" />
        </Labeled>
        <Labeled source="numberingPeriod">
          <TextField source="numberingPeriod" />
        </Labeled>
        <Labeled source="issuedOn">
          <DateText source="issuedOn" />
        </Labeled>
        <Labeled source="issuer">
          <OrgLink source="issuer" />
        </Labeled>
        <Labeled source="status">
          <EnumText source="status" group="directive_status" />
        </Labeled>
      </Stack>
      <Section title="lantoa.directive.file" testId="directive-file">
        <DirectiveFile />
      </Section>
      <Section title="lantoa.directive.relations" testId="relations">
        <DirectiveRelations canEdit={!!canEdit} />
      </Section>
      <Section title="lantoa.directive.tasks" testId="directive-tasks">
        <ReferenceManyField reference="tasks" target="directiveId" sort={{ field: 'deadlineStatus', order: 'ASC' }} perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
            <DeadlineChip source="deadlineStatus" label="resources.tasks.fields.deadlineStatus" />
            <TextField source="title" label="resources.tasks.fields.title" />
            <OrgLink source="leadOrganization" label="resources.tasks.fields.leadOrganization" />
            <DateText source="dueOn" label="resources.tasks.fields.dueOn" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="lantoa.directive.reports" testId="directive-reports">
        <ReferenceManyField reference="progressReports" target="directiveId" perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
            <TextField source="title" label="resources.progressReports.fields.title" />
            <OrgLink source="reportingOrganization" label="resources.progressReports.fields.reportingOrganization" />
            <EnumText source="periodKind" group="period_kind" label="resources.progressReports.fields.periodKind" />
            <DateText source="periodTo" label="resources.progressReports.fields.periodTo" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="lantoa.directive.criteria" testId="directive-criteria">
        <CriteriaSection />
      </Section>
      {/* The server shows a document's audit log to admins only. */}
      {canEdit && (
        <Section title="lantoa.directive.history">
          <RecordHistory />
        </Section>
      )}
    </Box>
  );
}

export function DirectiveShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}
