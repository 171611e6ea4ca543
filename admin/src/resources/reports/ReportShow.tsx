import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Datagrid,
  EditButton,
  FilterButton,
  Labeled,
  List,
  SearchInput,
  SelectInput,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { DateText, EnumText, enumChoices, OrgLink } from '../../components/fields';
import { RichTextField } from '../../components/RichText';
import { formatNumber } from '../../format';
import { REPORT_SECTIONS } from '../../graphql/registry-directives';
import { DirectiveLink, OrganizationInput, PERIOD_KINDS } from '../directives/common';
import { Section } from '../../components/Section';

type Report = {
  id: string;
  title: string;
  task?: { id: string; title: string } | null;
  figures?: { name: string; value: number; unit?: string | null }[];
} & Record<string, unknown>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="periodKind" source="periodKind" choices={enumChoices('period_kind', PERIOD_KINDS)} />,
  <OrganizationInput key="org" source="reportingOrganizationId" fullWidth={false} />,
];

export function ReportList() {
  return (
    <List
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="report-list">
        <TextField source="title" sortable={false} />
        <TextField source="task.title" label="resources.progressReports.fields.task" emptyText="—" sortable={false} />
        <DirectiveLink source="directive" label="resources.progressReports.fields.directive" sortable={false} />
        <OrgLink source="reportingOrganization" label="resources.progressReports.fields.reportingOrganization" sortable={false} />
        <EnumText source="periodKind" group="period_kind" sortable={false} />
        <DateText source="periodFrom" sortable={false} />
        <DateText source="periodTo" sortable={false} />
        <DateText source="submittedOn" sortable={false} />
      </Datagrid>
    </List>
  );
}

function Figures() {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.figures?.length) return <Typography variant="body2">{translate('lantoa.report.no_figures')}</Typography>;
  return (
    <Table size="small" data-testid="report-figures">
      <TableHead>
        <TableRow>
          <TableCell>{translate('lantoa.report.figure_name')}</TableCell>
          <TableCell align="right">{translate('lantoa.report.figure_value')}</TableCell>
          <TableCell>{translate('lantoa.report.figure_unit')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.figures.map((f, i) => (
          <TableRow key={i}>
            <TableCell>{f.name}</TableCell>
            <TableCell align="right">{formatNumber(f.value, locale)}</TableCell>
            <TableCell>{f.unit ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Sections() {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  if (!record) return null;
  const filled = REPORT_SECTIONS.filter((s) => typeof record[s] === 'string' && record[s]);
  if (!filled.length) return <>—</>;
  return (
    <>
      {filled.map((s) => (
        <Box key={s} sx={{ mb: 2 }} data-testid={`section-${s}`}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate(`resources.progressReports.fields.${s}`)}
          </Typography>
          <RichTextField source={s} />
        </Box>
      ))}
    </>
  );
}

function Actions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'progressReports', action: 'edit' });
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

function Body() {
  const record = useRecordContext<Report>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6" data-testid="report-title">
        {record.title}
      </Typography>
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
        <Labeled source="reportingOrganization">
          <OrgLink source="reportingOrganization" />
        </Labeled>
        <Labeled source="periodKind">
          <EnumText source="periodKind" group="period_kind" />
        </Labeled>
        <Labeled source="periodFrom">
          <DateText source="periodFrom" />
        </Labeled>
        <Labeled source="periodTo">
          <DateText source="periodTo" />
        </Labeled>
        <Labeled source="submittedOn">
          <DateText source="submittedOn" />
        </Labeled>
        <Labeled source="task">
          <TextField source="task.title" emptyText="—" />
        </Labeled>
        <Labeled source="directive">
          <DirectiveLink source="directive" withTitle />
        </Labeled>
        <Labeled source="reportDirective">
          <DirectiveLink source="reportDirective" />
        </Labeled>
      </Stack>
      <Section title="lantoa.report.sections">
        <Sections />
      </Section>
      <Section title="lantoa.report.figures">
        <Figures />
      </Section>
    </Box>
  );
}

export function ReportShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}
