import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Button,
  Confirm,
  Create,
  CreateButton,
  Datagrid,
  DateTimeInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DateTimeText, EnumText, enumChoices, OrgLink } from '../components/fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="active" source="active" />,
  <ReferenceInput key="org" source="organizationId" reference="organizations">
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

function RevokeButton() {
  const record = useRecordContext<{ id: string; name: string; active: boolean }>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record?.active) return null;
  return (
    <>
      <Button label="lantoa.token.revoke" color="error" onClick={(e) => (e.stopPropagation(), setOpen(true))} />
      <Confirm
        isOpen={open}
        title="lantoa.token.revoke"
        content="lantoa.token.confirm_revoke"
        translateOptions={{ name: record.name }}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setOpen(false);
          try {
            await dataProvider.delete('apiTokens', { id: record.id, previousData: record });
            notify('lantoa.token.revoked', { type: 'success' });
            refresh();
          } catch (err) {
            notify((err as Error).message, { type: 'error' });
          }
        }}
      />
    </>
  );
}

export function ApiTokenList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <TextField source="prefix" sortable={false} />
        <EnumText source="scopes" group="scope" sortable={false} />
        <OrgLink source="organization" label="resources.apiTokens.fields.organizationId" sortable={false} />
        <DateTimeText source="expiresAt" />
        <DateTimeText source="lastUsedAt" sortable={false} />
        <TextField source="createdBy.displayName" label="resources.apiTokens.fields.createdBy" sortable={false} emptyText="—" />
        <RevokeButton />
      </Datagrid>
    </List>
  );
}

/** The secret, once: with a copy button, and no way back to it after closing. */
function SecretDialog({ token, onClose }: { token: string; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Dialog open maxWidth="sm" fullWidth data-testid="token-secret">
      <DialogTitle>{translate('lantoa.token.created_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('lantoa.token.created_help')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1 }}>
          <MuiTextField value={token} fullWidth slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace' } } }} />
          <MuiButton
            startIcon={<ContentCopyIcon />}
            onClick={async () => {
              await navigator.clipboard.writeText(token);
              notify('lantoa.token.copied', { type: 'success' });
            }}
          >
            {translate('lantoa.token.copy')}
          </MuiButton>
        </Box>
      </DialogContent>
      <DialogActions>
        <MuiButton variant="contained" onClick={onClose}>
          {translate('lantoa.token.close')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

export function ApiTokenCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: { token?: string } & object) => setSecret(data.token ?? '') }}>
        <SimpleForm defaultValues={{ scopes: ['READ'] }}>
          <TextInput source="name" validate={required()} fullWidth />
          <SelectArrayInput source="scopes" choices={enumChoices('scope', ['READ', 'WRITE'])} validate={required()} />
          <ReferenceInput source="organizationId" reference="organizations">
            <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
          </ReferenceInput>
          <DateTimeInput source="expiresAt" />
        </SimpleForm>
      </Create>
      {secret !== null && (
        <SecretDialog
          token={secret}
          onClose={() => {
            setSecret(null);
            redirect('list', 'apiTokens');
          }}
        />
      )}
    </>
  );
}
