import { Checkbox, Chip, CircularProgress, FormControlLabel, Stack } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  SearchInput,
  SelectArrayInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useGetOne,
  useListContext,
  useTranslate,
} from 'react-admin';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { DateText, EnumText, enumChoices, NumberText } from '../../components/fields';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import type { CsvColumn } from '../../csv';
import { formatDate } from '../../format';
import { FIELDS, KINDS, STATUS_COLOR, STATUSES } from './common';

type Row = {
  id: string;
  name: string;
  kind: string;
  field: string;
  status: string;
  organizationName?: string;
  recognisedOn?: string;
  awardedOn?: string;
  summary?: string;
};

/**
 * The organization filter: an organization searched without diacritics, with
 * its subtree by default (a district's staff see the whole district). The API
 * takes includeDescendants only with an organization, so both change together.
 */
// `source` and `alwaysOn` are read by react-admin's filter form.
function OrganizationFilter(_: { source: string; alwaysOn?: boolean }) {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const id = filterValues.organizationId as string | undefined;
  const { data } = useGetOne('organizations', { id: id! }, { enabled: !!id });
  const withSubtree = filterValues.includeDescendants !== false;
  const set = (organizationId: string | undefined, includeDescendants: boolean) => {
    const { organizationId: _o, includeDescendants: _i, ...rest } = filterValues;
    setFilters(organizationId ? { ...rest, organizationId, includeDescendants } : rest, displayedFilters);
  };
  return (
    <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 0.5 }}>
      <OrganizationPicker
        label="resources.exemplars.fields.organizationId"
        value={id ? { id, name: data?.name ?? '…' } : null}
        onChange={(o) => set(o?.id, withSubtree)}
        testId="exemplar-org-filter"
      />
      <FormControlLabel
        control={<Checkbox size="small" checked={withSubtree} disabled={!id} onChange={(e) => set(id, e.target.checked)} />}
        label={translate('resources.exemplars.fields.includeDescendants')}
      />
    </Stack>
  );
}

export const exemplarFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <OrganizationFilter key="org" source="organizationId" alwaysOn />,
  <SelectArrayInput key="kinds" source="kinds" choices={enumChoices('exemplar_kind', KINDS)} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="fields" source="fields" choices={enumChoices('exemplar_field', FIELDS)} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="statuses" source="statuses" choices={enumChoices('exemplar_status', STATUSES)} alwaysOn sx={{ minWidth: 160 }} />,
  <NumberInput key="year" source="honouredInYear" alwaysOn sx={{ width: 150 }} />,
];

const csv = (t: (k: string) => string): CsvColumn<Row>[] => [
  { header: 'id', value: (r) => r.id },
  { header: t('resources.exemplars.fields.name'), value: (r) => r.name },
  { header: t('resources.exemplars.fields.kind'), value: (r) => t(`lantoa.exemplar_kind.${r.kind}`) },
  { header: t('resources.exemplars.fields.field'), value: (r) => t(`lantoa.exemplar_field.${r.field}`) },
  { header: t('resources.exemplars.fields.organizationName'), value: (r) => r.organizationName },
  { header: t('resources.exemplars.fields.status'), value: (r) => t(`lantoa.exemplar_status.${r.status}`) },
  { header: t('resources.exemplars.fields.recognisedOn'), value: (r) => formatDate(r.recognisedOn) },
  { header: t('resources.exemplars.fields.awardedOn'), value: (r) => formatDate(r.awardedOn) },
  { header: t('resources.exemplars.fields.summary'), value: (r) => r.summary },
];

function ListActions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'exemplars', action: 'create' });
  return (
    <TopToolbar>
      {canCreate && <CreateButton />}
      <ExportCsvButton<Row> columns={csv} filename="dien-hinh" />
    </TopToolbar>
  );
}

export function StatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLOR[status] ?? 'default'} label={translate(`lantoa.exemplar_status.${status}`)} data-testid="exemplar-status" />;
}

// Staff of a district or below start from their own subtree; provincial and central staff from everything they may see.
const LOCAL_LEVELS = new Set(['DISTRICT', 'COMMUNE', 'GRASSROOTS']);

/** The communications staff's home: exemplars filtered by organization (with its subtree), kind, field, step and year. */
export function ExemplarList() {
  const { identity, isPending } = useGetIdentity();
  const own = identity?.organizationId as string | undefined;
  const { data: org, isPending: orgPending } = useGetOne('organizations', { id: own! }, { enabled: !!own });
  if (isPending || (own && orgPending)) return <CircularProgress size={24} sx={{ m: 2 }} />;
  const defaults = own && org && LOCAL_LEVELS.has(org.level) ? { organizationId: own, includeDescendants: true } : {};
  return (
    <List filters={exemplarFilters} filterDefaultValues={defaults} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="exemplar-list">
        <TextField source="name" />
        <EnumText source="kind" group="exemplar_kind" sortable={false} />
        <EnumText source="field" group="exemplar_field" sortable={false} />
        <TextField source="organizationName" sortable={false} emptyText="—" />
        <FunctionField source="status" sortable={false} render={(r: Row) => <StatusChip status={r.status} />} />
        <DateText source="recognisedOn" />
        <DateText source="awardedOn" sortable={false} />
        <NumberText source="commendationCount" sortable={false} />
      </Datagrid>
    </List>
  );
}
