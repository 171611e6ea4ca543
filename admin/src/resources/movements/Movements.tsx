import EditIcon from '@mui/icons-material/Edit';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Create,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  required,
  SearchInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { checkIsoDate, isoToVn, vnToIso, VnDateInput } from '../../components/DateInputs';
import { DateText, OrgLink } from '../../components/fields';

interface Movement {
  id: string;
  version: number;
  name: string;
  description?: string | null;
  periodFrom: string;
  periodTo?: string | null;
}

const filters = [<SearchInput key="q" source="q" alwaysOn />, <VnDateInput key="activeOn" source="activeOn" alwaysOn />];

function ListActions() {
  const { canAccess } = useCanAccess({ resource: 'movements', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
}

/** Edits a movement in place (pessimistic, with the version it was read at: a stale one is refused with CONFLICT). */
function EditMovement({ m }: { m: Movement }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({
    name: m.name,
    description: m.description ?? '',
    periodFrom: isoToVn(m.periodFrom),
    periodTo: isoToVn(m.periodTo ?? ''),
  });
  const dates = { periodFrom: vnToIso(values.periodFrom), periodTo: vnToIso(values.periodTo) };
  const bad = !values.name.trim() || !!checkIsoDate(dates.periodFrom) || !dates.periodFrom || !!checkIsoDate(dates.periodTo);
  const save = async () => {
    try {
      await dataProvider.update('movements', { id: m.id, data: { name: values.name, description: values.description, ...dates }, previousData: m });
      notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
      setOpen(false);
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  const field = (k: keyof typeof values, multiline = false) => (
    <MuiTextField
      label={translate(`resources.movements.fields.${k}`)}
      value={values[k]}
      onChange={(e) => setValues({ ...values, [k]: e.target.value })}
      multiline={multiline}
      placeholder={k.startsWith('period') ? 'dd/mm/yyyy' : undefined}
    />
  );
  return (
    <>
      <IconButton size="small" aria-label={translate('lantoa.exemplar.edit_movement')} onClick={() => setOpen(true)}>
        <EditIcon fontSize="small" />
      </IconButton>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('lantoa.exemplar.edit_movement')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {field('name')}
            {field('description', true)}
            {field('periodFrom')}
            {field('periodTo')}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={save} disabled={bad}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** Emulation movements: name, launching organization, period. */
export function MovementList() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'movements', action: 'edit' });
  return (
    <List filters={filters} actions={<ListActions />} perPage={25}>
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="movement-list">
        <TextField source="name" sortable={false} />
        <OrgLink source="launchingOrganization" label="resources.movements.fields.launchingOrganizationId" sortable={false} />
        <DateText source="periodFrom" sortable={false} />
        <DateText source="periodTo" sortable={false} />
        {canEdit && <FunctionField render={(m: Movement) => <EditMovement m={m} />} />}
      </Datagrid>
    </List>
  );
}

export function MovementCreate() {
  return (
    <Create redirect="list">
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <ReferenceInput source="launchingOrganizationId" reference="organizations">
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} />
        </ReferenceInput>
        <VnDateInput source="periodFrom" validate={[required(), checkIsoDate]} />
        <VnDateInput source="periodTo" />
      </SimpleForm>
    </Create>
  );
}
