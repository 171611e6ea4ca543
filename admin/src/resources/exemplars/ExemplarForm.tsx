import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, Link as MuiLink } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { ConflictAwareEdit, ConflictDialog, SaveOnlyToolbar } from '../../components/Conflict';
import { VnDateInput } from '../../components/DateInputs';
import { RichTextInput } from '../../components/RichText';
import { enumChoices } from '../../components/fields';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDateTime } from '../../format';
import { CREATE_EXEMPLAR_DOCUMENT, exemplarsRegistry } from '../../graphql/registry-exemplars';
import { FIELDS, KINDS } from './common';

const orgSearch = (q: string) => ({ q });

function ExemplarFields() {
  return (
    <>
      <SelectInput source="kind" choices={enumChoices('exemplar_kind', KINDS)} validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <ReferenceInput source="organizationId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={orgSearch} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'INDIVIDUAL' ? (
            <ReferenceInput source="personId" reference="people">
              <AutocompleteInput optionText="fullName" filterToQuery={orgSearch} sx={{ minWidth: 420 }} />
            </ReferenceInput>
          ) : formData.kind === 'COLLECTIVE' ? (
            <ReferenceInput source="subjectOrganizationId" reference="organizations">
              <AutocompleteInput optionText="name" filterToQuery={orgSearch} sx={{ minWidth: 420 }} />
            </ReferenceInput>
          ) : null
        }
      </FormDataConsumer>
      <SelectInput source="field" choices={enumChoices('exemplar_field', FIELDS)} validate={required()} />
      <TextInput source="summary" multiline minRows={2} fullWidth />
      <RichTextInput source="story" />
      <TextInput source="achievements" multiline minRows={2} fullWidth />
      <VnDateInput source="periodFrom" />
      <VnDateInput source="periodTo" />
      <ReferenceInput source="movementId" reference="movements">
        <AutocompleteInput optionText="name" filterToQuery={orgSearch} sx={{ minWidth: 420 }} />
      </ReferenceInput>
    </>
  );
}

interface Candidate {
  id: string;
  name: string;
  status: string;
  createdAt: string;
}

/** The input createExemplar takes, from the form's values (empty optional fields left out). */
const inputOf = (data: Record<string, unknown>) =>
  Object.fromEntries(
    exemplarsRegistry.exemplars!.create!.fields.filter((f) => data[f] !== undefined && data[f] !== null && data[f] !== '').map((f) => [f, data[f]]),
  );

/**
 * Registering an exemplar: when the organization already has one of the same
 * name, the API answers CONFLICT with the candidates; the dialog lists them
 * (each can be opened) and records the new one only when the user confirms.
 */
export function ExemplarCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [pending, setPending] = useState<{ input: Record<string, unknown>; candidates: Candidate[] } | null>(null);

  const confirm = async () => {
    if (!pending) return;
    try {
      const { record } = await dataProvider.query<{ record: { id: string } }>(CREATE_EXEMPLAR_DOCUMENT, { input: pending.input, confirmDuplicate: true });
      setPending(null);
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect('show', 'exemplars', record.id);
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <>
      <Create
        redirect="show"
        mutationOptions={{
          onError: (error: unknown, variables: unknown) => {
            const e = error as { status?: number; message?: string; body?: { errors?: object; extensions?: { duplicates?: Candidate[] } } };
            const duplicates = e.body?.extensions?.duplicates;
            if (e.status === 409 && duplicates?.length) {
              setPending({ input: inputOf((variables as { data: Record<string, unknown> }).data), candidates: duplicates });
              return;
            }
            if (e.body?.errors && Object.keys(e.body.errors).length) return; // shown on the fields
            notify(e.message || 'ra.notification.http_error', { type: 'error' });
          },
        }}
      >
        <SimpleForm warnWhenUnsavedChanges defaultValues={{ kind: 'PRACTICE' }}>
          <ExemplarFields />
        </SimpleForm>
      </Create>
      <Dialog open={!!pending} onClose={() => setPending(null)} data-testid="duplicate-dialog" maxWidth="sm" fullWidth>
        <DialogTitle>{translate('lantoa.exemplar.duplicate_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('lantoa.exemplar.duplicate_text')}</DialogContentText>
          <List dense>
            {pending?.candidates.map((c) => (
              <ListItem
                key={c.id}
                secondaryAction={
                  <MuiLink component={Link} to={`/exemplars/${c.id}/show`} onClick={() => setPending(null)}>
                    {translate('lantoa.exemplar.open_candidate')}
                  </MuiLink>
                }
              >
                <ListItemText primary={c.name} secondary={`${translate(`lantoa.exemplar_status.${c.status}`)} · ${formatDateTime(c.createdAt)}`} />
              </ListItem>
            ))}
          </List>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={confirm}>
            {translate('lantoa.exemplar.confirm_duplicate')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export function ExemplarEdit() {
  return (
    <ConflictAwareEdit>
      <SimpleForm warnWhenUnsavedChanges toolbar={<SaveOnlyToolbar />}>
        <ExemplarFields />
        <ConflictDialog />
      </SimpleForm>
    </ConflictAwareEdit>
  );
}
