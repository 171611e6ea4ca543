import {
  AutocompleteInput,
  BooleanInput,
  BulkDeleteButton,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { DateText, EnumText, enumChoices, LEVELS, NumberText, OrgLink, TYPES } from '../../components/fields';
import type { CsvColumn } from '../../csv';
import { formatDate } from '../../format';
import { RestoreButton, showUnlessDeleted } from '../../components/RestoreButton';

type Org = {
  id: string;
  name: string;
  shortName?: string;
  docAbbr?: string;
  level: string;
  type: string;
  parent?: { name: string } | null;
  validFrom?: string;
  validTo?: string;
};

export const organizationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="level" source="level" choices={enumChoices('level', LEVELS)} />,
  <SelectInput key="type" source="type" choices={enumChoices('type', TYPES)} />,
  <ReferenceInput key="parentId" source="parentId" reference="organizations">
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 320 }} />
  </ReferenceInput>,
  <BooleanInput key="includeDescendants" source="includeDescendants" />,
  <BooleanInput key="rootsOnly" source="rootsOnly" />,
  <VnDateInput key="activeOn" source="activeOn" />,
  <BooleanInput key="deleted" source="deleted" />,
];

export const organizationCsv = (t: (k: string) => string): CsvColumn<Org>[] => [
  { header: 'id', value: (o) => o.id },
  { header: t('resources.organizations.fields.name'), value: (o) => o.name },
  { header: t('resources.organizations.fields.shortName'), value: (o) => o.shortName },
  { header: t('resources.organizations.fields.docAbbr'), value: (o) => o.docAbbr },
  { header: t('resources.organizations.fields.level'), value: (o) => t(`lantoa.level.${o.level}`) },
  { header: t('resources.organizations.fields.type'), value: (o) => t(`lantoa.type.${o.type}`) },
  { header: t('resources.organizations.fields.parent'), value: (o) => o.parent?.name },
  { header: t('resources.organizations.fields.validFrom'), value: (o) => formatDate(o.validFrom) },
  { header: t('resources.organizations.fields.validTo'), value: (o) => formatDate(o.validTo) },
];

function ListActions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'organizations', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate && <CreateButton />}
      <ExportCsvButton<Org> columns={organizationCsv} filename="to-chuc" />
    </TopToolbar>
  );
}

export function OrganizationList() {
  // Without a bulk action there are no row checkboxes (viewers, editors).
  const { canAccess: canDelete } = useCanAccess({ resource: 'organizations', action: 'delete' });
  return (
    <List filters={organizationFilters} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions />} perPage={25}>
      <Datagrid
        rowClick={showUnlessDeleted}
        bulkActionButtons={canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
        data-testid="organization-list"
      >
        <TextField source="name" />
        <TextField source="shortName" emptyText="—" sortable={false} />
        <EnumText source="level" group="level" sortable={false} />
        <EnumText source="type" group="type" sortable={false} />
        <OrgLink source="parent" label="resources.organizations.fields.parent" sortable={false} />
        <NumberText source="descendantCount" sortable={false} />
        <DateText source="validFrom" sortable={false} />
        <DateText source="validTo" sortable={false} />
        <RestoreButton />
      </Datagrid>
    </List>
  );
}
