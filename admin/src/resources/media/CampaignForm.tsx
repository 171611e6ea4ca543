import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  Edit,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  minValue,
} from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { byQ, pressOnly } from './common';

const target = [required(), minValue(0)];

function CampaignFields() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <ReferenceInput source="organizationId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={byQ} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <ReferenceInput source="directiveId" reference="directives">
        <AutocompleteInput optionText={(d: { number: string; title: string }) => `${d.number} — ${d.title}`} filterToQuery={byQ} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <ReferenceInput source="themeId" reference="themes">
        <AutocompleteInput optionText="title" filterToQuery={byQ} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <VnDateInput source="periodFrom" validate={required()} />
      <VnDateInput source="periodTo" validate={required()} />
      <ReferenceArrayInput source="participantIds" reference="organizations" filter={{ type: 'PRESS' }}>
        <AutocompleteArrayInput optionText="name" filterToQuery={pressOnly} fullWidth />
      </ReferenceArrayInput>
      <NumberInput source="targetItems" validate={target} />
      <NumberInput source="targetExemplarItems" validate={[minValue(0)]} />
      <NumberInput source="targetPerOutlet" validate={[minValue(0)]} />
    </>
  );
}

/** A campaign for a directive or a theme: its period, outlets and targets (progress is computed, never typed). */
export function CampaignCreate() {
  return (
    <Create redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <CampaignFields />
      </SimpleForm>
    </Create>
  );
}

export function CampaignEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <CampaignFields />
      </SimpleForm>
    </Edit>
  );
}
