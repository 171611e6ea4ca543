import { Alert, Box, Typography } from '@mui/material';
import { Create, FormDataConsumer, required, SelectInput, SimpleForm, TextInput, useNotify, useTranslate } from 'react-admin';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../../components/Conflict';
import { VnDateInput } from '../../components/DateInputs';
import { enumChoices } from '../../components/fields';
import { DOCUMENT_TYPES, FAMILIES, OrganizationInput } from './common';
import { checkNumber, titleConflict } from './number';

/** The number is typed as printed; the kit's parser says at once how it will be stored, or what is wrong. */
const validateNumber = (value: unknown) => {
  if (typeof value !== 'string' || !value.trim()) return 'ra.validation.required';
  const r = checkNumber(value);
  return 'error' in r ? { message: r.error.key, args: r.error.args ?? {} } : undefined;
};

function CanonicalNumber({ number, title }: { number?: string; title?: string }) {
  const translate = useTranslate();
  if (!number?.trim())
    return (
      <Typography variant="caption" color="text.secondary">
        {translate('lantoa.directive.number_help')}
      </Typography>
    );
  const r = checkNumber(number);
  const conflict = 'error' in r ? null : titleConflict(title ?? '', number);
  return (
    <Box sx={{ mb: 1 }}>
      {'error' in r ? (
        <Alert severity="error" data-testid="number-error">
          {translate(r.error.key, r.error.args)} {translate('lantoa.number_error.expected')}
        </Alert>
      ) : (
        <Alert severity="success" data-testid="number-canonical">
          {translate('lantoa.directive.canonical', { number: r.canonical })}
        </Alert>
      )}
      {conflict && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="title-conflict">
          {translate('lantoa.directive.title_conflict', conflict)}
        </Alert>
      )}
    </Box>
  );
}

function Fields() {
  return (
    <>
      <TextInput source="number" validate={validateNumber} helperText={false} sx={{ minWidth: 320 }} />
      <FormDataConsumer<{ number?: string; title?: string }>>
        {({ formData }) => <CanonicalNumber number={formData.number} title={formData.title} />}
      </FormDataConsumer>
      <TextInput source="title" validate={required()} fullWidth multiline />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
        <SelectInput source="family" fullWidth={false} choices={enumChoices('family', FAMILIES)} emptyText="—" />
        <SelectInput source="documentType" fullWidth={false} choices={enumChoices('doc_type', DOCUMENT_TYPES)} emptyText="—" />
        <TextInput source="term" fullWidth={false} helperText="XIII, XII…" />
        <VnDateInput source="issuedOn" fullWidth={false} validate={required()} />
        <SelectInput source="status" fullWidth={false} choices={enumChoices('directive_status', ['IN_FORCE', 'EXPIRED'])} emptyText="—" />
      </Box>
      <OrganizationInput source="issuerId" validate={required()} />
      <TextInput source="summary" fullWidth multiline minRows={3} />
      <TextInput source="fullTextUrl" fullWidth type="url" />
    </>
  );
}

/** A duplicate number: the server names the registered document (CONFLICT); say it in the console's language. */
export function useDuplicateNotice() {
  const notify = useNotify();
  const translate = useTranslate();
  return (error: unknown) => {
    const e = error as { status?: number; message?: string; body?: { serverMessage?: string; errors?: object } };
    const m = e.status === 409 ? /^(.+) \((.+)\) is already registered(?:: “(.*)”)?/.exec(e.body?.serverMessage ?? '') : null;
    if (m) return notify(translate('lantoa.directive.duplicate', { number: m[1], period: m[2], title: m[3] ?? '' }), { type: 'error' });
    if (e.body?.errors && Object.keys(e.body.errors).length) return notify('lantoa.error.BAD_USER_INPUT', { type: 'error' });
    notify(e.message || 'ra.notification.http_error', { type: 'error' });
  };
}

export function DirectiveEdit() {
  return (
    <ConflictAwareEdit>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <Fields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}

export function DirectiveCreate() {
  const onError = useDuplicateNotice();
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <SimpleForm warnWhenUnsavedChanges>
        <Fields />
      </SimpleForm>
    </Create>
  );
}
