import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  FilterButton,
  CreateButton,
  List,
  PasswordInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  Labeled,
  TextField,
  TextInput,
  TopToolbar,
  email,
  minLength,
  required,
} from 'react-admin';
import { ConflictAwareEdit, ConflictDialog } from '../components/Conflict';
import { RestoreButton } from '../components/RestoreButton';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { DateTimeText, EnumText, enumChoices, OrgLink, ROLES } from '../components/fields';
import { RecordHistory } from '../components/History';

type User = { id: string; email: string; displayName: string; roles: string[]; active: boolean; organization?: { name: string } | null; lastSignInAt?: string };

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('role', ROLES)} />,
  <BooleanInput key="active" source="active" />,
  <BooleanInput key="deleted" source="deleted" />,
  <ReferenceInput key="org" source="organizationId" reference="organizations">
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

const csv = (t: (k: string) => string) => [
  { header: t('resources.users.fields.email'), value: (u: User) => u.email },
  { header: t('resources.users.fields.displayName'), value: (u: User) => u.displayName },
  { header: t('resources.users.fields.organizationId'), value: (u: User) => u.organization?.name },
  { header: t('resources.users.fields.roles'), value: (u: User) => u.roles.map((r) => t(`lantoa.role.${r}`)) },
  { header: t('resources.users.fields.active'), value: (u: User) => t(u.active ? 'lantoa.common.yes' : 'lantoa.common.no') },
];

export function UserList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'displayName', order: 'ASC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
          <ExportCsvButton<User> columns={csv} filename="nguoi-dung" />
        </TopToolbar>
      }
    >
      <Datagrid rowClick={(_id, _r, u) => (u.deletedAt ? false : 'edit')} bulkActionButtons={false}>
        <TextField source="displayName" />
        <TextField source="email" />
        <OrgLink source="organization" label="resources.users.fields.organizationId" sortable={false} />
        <EnumText source="roles" group="role" sortable={false} />
        <BooleanField source="active" sortable={false} />
        <DateTimeText source="lastSignInAt" sortable={false} />
        <RestoreButton />
      </Datagrid>
    </List>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="email" validate={[required(), email()]} />
        <TextInput source="displayName" validate={required()} />
        <ReferenceInput source="organizationId" reference="organizations">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
        <SelectArrayInput source="roles" choices={enumChoices('role', ROLES)} validate={required()} />
        <PasswordInput source="password" validate={[required(), minLength(10)]} />
      </SimpleForm>
    </Create>
  );
}

export function UserEdit() {
  return (
    <ConflictAwareEdit redirect="list">
      <SimpleForm warnWhenUnsavedChanges>
        <TextField source="email" />
        <TextInput source="displayName" validate={required()} />
        <ReferenceInput source="organizationId" reference="organizations">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
        </ReferenceInput>
        <SelectArrayInput source="roles" choices={enumChoices('role', ROLES)} validate={required()} />
        <BooleanInput source="active" />
        <ConflictDialog />
        <Labeled label="lantoa.history.title" fullWidth>
          <RecordHistory />
        </Labeled>
      </SimpleForm>
    </ConflictAwareEdit>
  );
}
