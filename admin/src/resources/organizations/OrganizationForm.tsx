import { AutocompleteInput, Create, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../../components/Conflict';
import { enumChoices, LEVELS, TYPES } from '../../components/fields';

function Fields({ creating }: { creating?: boolean }) {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="shortName" fullWidth />
      <TextInput source="docAbbr" />
      <SelectInput source="type" choices={enumChoices('type', TYPES)} validate={required()} />
      <SelectInput source="level" choices={enumChoices('level', LEVELS)} validate={required()} />
      {/* A new parent moves the whole subtree: on an existing record that is the "Move" action. */}
      {creating && (
        <ReferenceInput source="parentId" reference="organizations">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
        </ReferenceInput>
      )}
      <VnDateInput source="validFrom" />
      <VnDateInput source="validTo" />
    </>
  );
}

// Deleting is on the show page, where a restore is offered right away.

export function OrganizationEdit() {
  return (
    <ConflictAwareEdit>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <Fields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}

export function OrganizationCreate() {
  return (
    <Create redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Fields creating />
      </SimpleForm>
    </Create>
  );
}
