import { Box, Typography } from '@mui/material';
import {
  Create,
  CreateButton,
  Datagrid,
  EditButton,
  FilterButton,
  Labeled,
  List,
  NumberField,
  NumberInput,
  required,
  SaveButton,
  SearchInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { ConflictAwareEdit, ConflictDialog } from '../../components/Conflict';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { OrgLink } from '../../components/fields';
import { DirectiveInput, DirectiveLink, OrganizationInput } from '../directives/common';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" />,
  <OrganizationInput key="issuerId" source="issuerId" fullWidth={false} />,
];

function ListActions() {
  const { canAccess } = useCanAccess({ resource: 'themes', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess && <CreateButton />}
    </TopToolbar>
  );
}

export function ThemeList() {
  return (
    <List filters={filters} actions={<ListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="theme-list">
        <TextField source="title" sortable={false} />
        <NumberField source="yearFrom" options={{ useGrouping: false }} sortable={false} />
        <NumberField source="yearTo" options={{ useGrouping: false }} sortable={false} />
        <OrgLink source="issuer" label="resources.themes.fields.issuer" sortable={false} />
        <DirectiveLink source="basis" label="resources.themes.fields.basis" sortable={false} />
      </Datagrid>
    </List>
  );
}

function Body() {
  const record = useRecordContext<{ title: string; description?: string | null }>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6">{record.title}</Typography>
      {record.description && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', my: 1 }}>
          {record.description}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled source="yearFrom">
          <NumberField source="yearFrom" options={{ useGrouping: false }} />
        </Labeled>
        <Labeled source="yearTo">
          <NumberField source="yearTo" options={{ useGrouping: false }} />
        </Labeled>
        <Labeled source="issuer">
          <OrgLink source="issuer" />
        </Labeled>
        <Labeled source="basis">
          <DirectiveLink source="basis" withTitle />
        </Labeled>
      </Box>
    </Box>
  );
}

function ShowActions() {
  const { canAccess } = useCanAccess({ resource: 'themes', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && (
        <>
          <EditButton />
          <DeleteWithRestoreButton />
        </>
      )}
    </TopToolbar>
  );
}

export function ThemeShow() {
  return (
    <Show actions={<ShowActions />}>
      <Body />
    </Show>
  );
}

function Fields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth multiline />
      <TextInput source="description" fullWidth multiline minRows={3} />
      <OrganizationInput source="issuerId" validate={required()} />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <NumberInput source="yearFrom" fullWidth={false} validate={required()} />
        <NumberInput source="yearTo" fullWidth={false} validate={required()} />
      </Box>
      <DirectiveInput source="basisDirectiveId" />
    </>
  );
}

export function ThemeEdit() {
  return (
    <ConflictAwareEdit>
      <SimpleForm
        warnWhenUnsavedChanges
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <Fields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}

export function ThemeCreate() {
  return (
    <Create redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Fields />
      </SimpleForm>
    </Create>
  );
}
