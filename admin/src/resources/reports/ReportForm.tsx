import { Box } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../../components/Conflict';
import { VnDateInput } from '../../components/DateInputs';
import { RichTextInput } from '../../components/RichText';
import { enumChoices } from '../../components/fields';
import { REPORT_SECTIONS } from '../../graphql/registry-directives';
import { DirectiveInput, OrganizationInput, PERIOD_KINDS } from '../directives/common';

type Figure = { name?: string; value?: number | null; unit?: string | null };

/** Figures as the API takes them: rows without a name dropped, an empty unit left out. */
export const cleanReport = (data: Record<string, unknown>) => ({
  ...data,
  figures: ((data.figures as Figure[] | undefined) ?? [])
    .filter((f) => f?.name?.trim())
    .map((f) => ({ name: f.name, value: Number(f.value ?? 0), ...(f.unit?.trim() ? { unit: f.unit } : {}) })),
});

function Fields({ creating }: { creating?: boolean }) {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      {/* What a report is about and who reports are fixed once it is filed. */}
      {creating && (
        <>
          <ReferenceInput source="taskId" reference="tasks">
            <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} fullWidth />
          </ReferenceInput>
          <DirectiveInput source="directiveId" />
          <DirectiveInput source="reportDirectiveId" />
          <OrganizationInput source="reportingOrganizationId" validate={required()} />
        </>
      )}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="periodKind" fullWidth={false} choices={enumChoices('period_kind', PERIOD_KINDS)} validate={required()} />
        <VnDateInput source="periodFrom" fullWidth={false} validate={required()} />
        <VnDateInput source="periodTo" fullWidth={false} validate={required()} />
        <VnDateInput source="submittedOn" fullWidth={false} />
      </Box>
      {REPORT_SECTIONS.map((s) => (
        <RichTextInput key={s} source={s} />
      ))}
      <ArrayInput source="figures">
        <SimpleFormIterator inline disableReordering data-testid="figures">
          <TextInput source="name" label="lantoa.report.figure_name" validate={required()} fullWidth={false} sx={{ minWidth: 420 }} helperText={false} />
          <NumberInput source="value" fullWidth={false} label="lantoa.report.figure_value" validate={required()} helperText={false} />
          <TextInput source="unit" fullWidth={false} label="lantoa.report.figure_unit" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

export function ReportEdit() {
  return (
    <ConflictAwareEdit transform={cleanReport}>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <Fields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}

export function ReportCreate() {
  return (
    <Create redirect="show" transform={cleanReport}>
      <SimpleForm warnWhenUnsavedChanges>
        <Fields creating />
      </SimpleForm>
    </Create>
  );
}
