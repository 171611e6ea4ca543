import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  minValue,
} from 'react-admin';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../../components/Conflict';
import { VnDateInput, VnDateTimeInput } from '../../components/DateInputs';
import { enumChoices } from '../../components/fields';
import { RichTextInput } from '../../components/RichText';
import { byQ, KINDS, LANGUAGES, pressOnly, TONES } from './common';

const notNegative = [minValue(0)];

/** Authors typed as "Thu Hà, Minh Đức": kept as typed while editing, trimmed into a list on save. */
const authorsFormat = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
const authorsParse = (v: string) => v.split(',');
export const toMediaInput = (data: Record<string, unknown>) => ({
  ...data,
  authors: Array.isArray(data.authors) ? data.authors.map((a: string) => a.trim()).filter(Boolean) : data.authors,
});

function MediaItemFields() {
  return (
    <>
      <SelectInput source="kind" choices={enumChoices('media_kind', KINDS)} validate={required()} />
      <TextInput source="title" validate={required()} fullWidth />
      <ReferenceInput source="outletId" reference="organizations" filter={{ type: 'PRESS' }}>
        <AutocompleteInput optionText="name" filterToQuery={pressOnly} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <SelectInput source="tone" choices={enumChoices('media_tone', TONES)} validate={required()} />
      <TextInput source="summary" multiline minRows={2} fullWidth />
      <RichTextInput source="body" />
      <SelectInput source="language" choices={enumChoices('media_language', LANGUAGES)} validate={required()} />
      <TextInput source="authors" format={authorsFormat} parse={authorsParse} fullWidth />
      <TextInput source="url" type="url" fullWidth />
      <ReferenceArrayInput source="exemplarIds" reference="exemplars">
        <AutocompleteArrayInput optionText="name" filterToQuery={byQ} fullWidth />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="directiveIds" reference="directives">
        <AutocompleteArrayInput optionText={(d: { number: string; title: string }) => `${d.number} — ${d.title}`} filterToQuery={byQ} fullWidth />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="themeIds" reference="themes">
        <AutocompleteArrayInput optionText="title" filterToQuery={byQ} fullWidth />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="taskIds" reference="tasks">
        <AutocompleteArrayInput optionText="title" filterToQuery={byQ} fullWidth />
      </ReferenceArrayInput>
      {/* For an item recorded after it appeared; a scheduled publication is set when approving. */}
      <VnDateTimeInput source="publishedAt" />
      <NumberInput source="views" validate={notNegative} />
      <NumberInput source="shares" validate={notNegative} />
      <NumberInput source="listeners" validate={notNegative} />
      <VnDateInput source="reachReadOn" />
    </>
  );
}

/**
 * A new item starts as a draft of the chosen outlet. Opened from an
 * exemplar's page, it arrives with that exemplar linked (react-admin's
 * `?source=` prefill).
 */
export function MediaItemCreate() {
  return (
    <Create redirect="show" transform={toMediaInput}>
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ kind: 'ONLINE_ARTICLE', tone: 'PROMOTES_EXEMPLAR', language: 'vi' }}>
        <MediaItemFields />
      </SimpleForm>
    </Create>
  );
}

export function MediaItemEdit() {
  return (
    <ConflictAwareEdit transform={toMediaInput}>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <MediaItemFields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}
