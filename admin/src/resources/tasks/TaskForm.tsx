import { AutocompleteArrayInput, Create, ReferenceArrayInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { Box } from '@mui/material';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../../components/Conflict';
import { VnDateInput } from '../../components/DateInputs';
import { enumChoices } from '../../components/fields';
import { DirectiveInput, OrganizationInput, TASK_GROUPS, TASK_STATUSES } from '../directives/common';

function Fields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth multiline />
      <TextInput source="description" fullWidth multiline minRows={3} />
      <DirectiveInput source="directiveId" />
      <SelectInput source="group" choices={enumChoices('task_group', TASK_GROUPS)} validate={required()} />
      <OrganizationInput source="leadOrganizationId" validate={required()} />
      <ReferenceArrayInput source="coordinatingOrganizationIds" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteArrayInput optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
      </ReferenceArrayInput>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <VnDateInput source="dueOn" fullWidth={false} validate={required()} />
        <SelectInput source="status" fullWidth={false} choices={enumChoices('task_status', TASK_STATUSES)} emptyText="—" />
        <VnDateInput source="completedOn" fullWidth={false} />
      </Box>
    </>
  );
}

export function TaskEdit() {
  return (
    <ConflictAwareEdit>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <Fields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}

export function TaskCreate() {
  return (
    <Create redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Fields />
      </SimpleForm>
    </Create>
  );
}
