import { Typography } from '@mui/material';
import { RestoreButton, showUnlessDeleted } from '../components/RestoreButton';
import {
  AutocompleteInput,
  BulkDeleteButton,
  Create,
  CreateButton,
  BooleanInput,
  Datagrid,
  EditButton,
  FilterButton,
  List,
  ReferenceInput,
  ReferenceManyField,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../components/Conflict';
import { DeleteWithRestoreButton } from '../components/DeleteWithRestore';
import { VnDateInput } from '../components/DateInputs';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { DateText, OrgLink } from '../components/fields';
import { RecordHistory } from '../components/History';
import { AddPositionButton, PositionEditButton } from './positions';

type Person = { id: string; fullName: string; familyName: string; middleName?: string; givenName: string; phone?: string; email?: string };

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="org" source="organizationId" reference="organizations">
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <VnDateInput key="activeOn" source="activeOn" />,
  <BooleanInput key="deleted" source="deleted" />,
];

const csv = (t: (k: string) => string) => [
  { header: 'id', value: (p: Person) => p.id },
  { header: t('resources.people.fields.fullName'), value: (p: Person) => p.fullName },
  { header: t('resources.people.fields.familyName'), value: (p: Person) => p.familyName },
  { header: t('resources.people.fields.middleName'), value: (p: Person) => p.middleName },
  { header: t('resources.people.fields.givenName'), value: (p: Person) => p.givenName },
  { header: t('resources.people.fields.phone'), value: (p: Person) => p.phone },
  { header: t('resources.people.fields.email'), value: (p: Person) => p.email },
];

function ListActions() {
  const { canAccess } = useCanAccess({ resource: 'people', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton />}
      <ExportCsvButton<Person> columns={csv} filename="ca-nhan" />
    </TopToolbar>
  );
}

export function PersonList() {
  const { canAccess: canDelete } = useCanAccess({ resource: 'people', action: 'delete' });
  return (
    <List filters={filters} sort={{ field: 'fullName', order: 'ASC' }} actions={<ListActions />}>
      <Datagrid rowClick={showUnlessDeleted} bulkActionButtons={canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}>
        <TextField source="fullName" />
        <TextField source="phone" emptyText="—" sortable={false} />
        <TextField source="email" emptyText="—" sortable={false} />
        <RestoreButton />
      </Datagrid>
    </List>
  );
}

function PersonFields() {
  return (
    <>
      <TextInput source="familyName" validate={required()} />
      <TextInput source="middleName" />
      <TextInput source="givenName" validate={required()} />
      <TextInput source="phone" />
      <TextInput source="email" type="email" />
      <TextInput source="address" fullWidth />
    </>
  );
}

export function PersonCreate() {
  return (
    <Create redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <PersonFields />
      </SimpleForm>
    </Create>
  );
}

export function PersonEdit() {
  return (
    <ConflictAwareEdit>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <PersonFields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}

function ShowActions() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'people', action: 'edit' });
  return (
    <TopToolbar>
      {canEdit && <AddPositionButton />}
      {canEdit && <EditButton />}
      {canEdit && <DeleteWithRestoreButton />}
    </TopToolbar>
  );
}

// `label` is read by SimpleShowLayout, which shows it above the section.
function Positions(_: { label?: string }) {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ resource: 'positions', action: 'edit' });
  return (
    <ReferenceManyField reference="positions" target="personId" label="lantoa.person.positions">
      <Datagrid bulkActionButtons={false} empty={<Typography variant="body2">{translate('lantoa.history.empty')}</Typography>}>
        <TextField source="title" />
        <OrgLink source="organization" label="resources.positions.fields.organizationId" />
        <DateText source="validFrom" />
        <DateText source="validTo" />
        {canEdit && <PositionEditButton />}
      </Datagrid>
    </ReferenceManyField>
  );
}

export function PersonShow() {
  const { canAccess: canSeeHistory } = useCanAccess({ resource: 'history/people', action: 'list' });
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="fullName" />
        <TextField source="phone" emptyText="—" />
        <TextField source="email" emptyText="—" />
        <TextField source="address" emptyText="—" />
        <Positions label="lantoa.person.positions" />
        {canSeeHistory && <RecordHistory label="lantoa.history.title" />}
      </SimpleShowLayout>
    </Show>
  );
}
