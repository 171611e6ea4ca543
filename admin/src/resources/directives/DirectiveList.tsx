import { BooleanInput, CreateButton, Datagrid, FilterButton, List, SearchInput, SelectInput, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { DateText, EnumText, enumChoices, OrgLink } from '../../components/fields';
import type { CsvColumn } from '../../csv';
import { formatDate } from '../../format';
import { DIRECTIVE_STATUSES, DOCUMENT_TYPES, FAMILIES, OrganizationInput } from './common';

type Directive = {
  id: string;
  number: string;
  numberAsWritten: string;
  family: string;
  documentType: string;
  title: string;
  issuedOn: string;
  status: string;
  fullTextUrl?: string;
  issuer?: { name: string } | null;
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="documentType" source="documentType" choices={enumChoices('doc_type', DOCUMENT_TYPES)} />,
  <SelectInput key="family" source="family" choices={enumChoices('family', FAMILIES)} />,
  <SelectInput key="status" source="status" choices={enumChoices('directive_status', DIRECTIVE_STATUSES)} />,
  <OrganizationInput key="issuerId" source="issuerId" fullWidth={false} />,
  <BooleanInput key="includeDescendants" source="includeDescendants" />,
  <VnDateInput key="issuedFrom" source="issuedFrom" />,
  <VnDateInput key="issuedTo" source="issuedTo" />,
];

const csv = (t: (k: string) => string): CsvColumn<Directive>[] => [
  { header: 'id', value: (d) => d.id },
  { header: t('resources.directives.fields.number'), value: (d) => d.number },
  { header: t('resources.directives.fields.documentType'), value: (d) => t(`lantoa.doc_type.${d.documentType}`) },
  { header: t('resources.directives.fields.title'), value: (d) => d.title },
  { header: t('resources.directives.fields.issuer'), value: (d) => d.issuer?.name },
  { header: t('resources.directives.fields.issuedOn'), value: (d) => formatDate(d.issuedOn) },
  { header: t('resources.directives.fields.status'), value: (d) => t(`lantoa.directive_status.${d.status}`) },
  { header: t('resources.directives.fields.fullTextUrl'), value: (d) => d.fullTextUrl },
];

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'directives', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canCreate && <CreateButton />}
      <ExportCsvButton<Directive> columns={csv} filename="van-ban" />
    </TopToolbar>
  );
}

export function DirectiveList() {
  return (
    <List filters={filters} sort={{ field: 'issuedOn', order: 'DESC' }} actions={<Actions />}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="directive-list">
        <TextField source="number" />
        <TextField source="title" />
        <EnumText source="documentType" group="doc_type" sortable={false} />
        <OrgLink source="issuer" label="resources.directives.fields.issuer" sortable={false} />
        <DateText source="issuedOn" />
        <EnumText source="status" group="directive_status" sortable={false} />
      </Datagrid>
    </List>
  );
}
