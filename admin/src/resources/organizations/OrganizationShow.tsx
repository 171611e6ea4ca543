import { Box, Breadcrumbs, Card, CardContent, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  ArrayField,
  Datagrid,
  EditButton,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateText, EnumText, NumberText, OrgLink } from '../../components/fields';
import { RecordHistory } from '../../components/History';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { MoveButton } from './MoveDialog';
import { SuccessionButton } from './SuccessionDialog';
import { PositionEditButton } from '../positions';

interface Brief {
  id: string;
  name: string;
}

function Ancestors() {
  const record = useRecordContext<{ id: string; ancestors: Brief[]; name: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Breadcrumbs sx={{ mb: 1 }} aria-label={translate('lantoa.org.ancestors')} data-testid="ancestors">
      {/* The list's row stands in while the full record loads: it has no ancestors yet. */}
      {(record.ancestors ?? []).map((a) => (
        <MuiLink key={a.id} component={Link} to={`/organizations/${a.id}/show`}>
          {a.name}
        </MuiLink>
      ))}
      <Typography color="text.primary">{record.name}</Typography>
    </Breadcrumbs>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function Successions({ source, other }: { source: 'successors' | 'predecessors'; other: 'to' | 'from' }) {
  const translate = useTranslate();
  return (
    <ArrayField source={source}>
      <Datagrid bulkActionButtons={false} empty={<Typography variant="body2">{translate('lantoa.org.no_successions')}</Typography>}>
        <EnumText source="kind" group="succession" label="lantoa.org.kind" />
        <OrgLink source={other} label={other === 'to' ? 'lantoa.org.to' : 'lantoa.org.from'} />
        <DateText source="effectiveOn" label="lantoa.org.effectiveOn" />
        <TextField source="basis" label="lantoa.org.basis" emptyText="—" />
      </Datagrid>
    </ArrayField>
  );
}

function Actions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'organizations', action: 'edit' });
  const { canAccess: canDelete } = useCanAccess({ resource: 'organizations', action: 'delete' });
  return (
    <TopToolbar>
      {canEdit && <EditButton />}
      {canEdit && <MoveButton />}
      {canEdit && <SuccessionButton />}
      {canDelete && <DeleteWithRestoreButton />}
    </TopToolbar>
  );
}

function Status() {
  const record = useRecordContext<{ isActive: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={record.isActive ? 'success' : 'default'} label={translate(record.isActive ? 'lantoa.org.active' : 'lantoa.org.inactive')} />;
}

function Body() {
  const { canAccess: canSeeHistory } = useCanAccess({ resource: 'history/organizations', action: 'list' });
  const { canAccess: canEditPositions } = useCanAccess({ resource: 'positions', action: 'edit' });
  return (
    <Box sx={{ p: 2 }}>
      <Ancestors />
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
        <Labeled source="shortName">
          <TextField source="shortName" emptyText="—" />
        </Labeled>
        <Labeled source="docAbbr">
          <TextField source="docAbbr" emptyText="—" />
        </Labeled>
        <Labeled source="level">
          <EnumText source="level" group="level" />
        </Labeled>
        <Labeled source="type">
          <EnumText source="type" group="type" />
        </Labeled>
        <Labeled source="validFrom">
          <DateText source="validFrom" />
        </Labeled>
        <Labeled source="validTo">
          <DateText source="validTo" />
        </Labeled>
        <Labeled source="descendantCount">
          <NumberText source="descendantCount" />
        </Labeled>
        <Labeled source="isActive">
          <Status />
        </Labeled>
      </Stack>
      <Section title="lantoa.org.children" testId="children">
        <ReferenceManyField
          reference="organizations"
          target="parentId"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={10}
          pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        >
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
            <TextField source="name" />
            <EnumText source="level" group="level" />
            <EnumText source="type" group="type" />
            <NumberText source="descendantCount" />
          </Datagrid>
        </ReferenceManyField>
      </Section>
      <Section title="lantoa.org.successors" testId="successors">
        <Successions source="successors" other="to" />
      </Section>
      <Section title="lantoa.org.predecessors" testId="predecessors">
        <Successions source="predecessors" other="from" />
      </Section>
      <Section title="lantoa.org.positions" testId="positions">
        <ReferenceManyField reference="positions" target="organizationId" perPage={25}>
          <Datagrid bulkActionButtons={false} empty={<Typography variant="body2">—</Typography>}>
            <TextField source="person.fullName" label="resources.positions.fields.personId" />
            <TextField source="title" />
            <DateText source="validFrom" />
            <DateText source="validTo" />
            {canEditPositions && <PositionEditButton />}
          </Datagrid>
        </ReferenceManyField>
      </Section>
      {canSeeHistory && (
        <Section title="lantoa.org.history" testId="org-history">
          <RecordHistory />
        </Section>
      )}
    </Box>
  );
}

export function OrganizationShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}
