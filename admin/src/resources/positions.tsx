import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { checkIsoDate, isoToVn, vnToIso } from '../components/DateInputs';
import { OrganizationPicker, type OrgOption } from '../components/OrganizationPicker';

interface Position extends RaRecord {
  title: string;
  validFrom?: string | null;
  validTo?: string | null;
  version: number;
}

/** The fields of a position; field errors from the server appear under each one. */
function PositionDialog({
  title,
  initial,
  withOrganization,
  onSave,
  onClose,
}: {
  title: string;
  initial: Partial<Position>;
  withOrganization?: boolean;
  onSave: (v: { title: string; validFrom: string | null; validTo: string | null; organizationId?: string }) => Promise<void>;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [v, setV] = useState({ title: initial.title ?? '', validFrom: isoToVn(initial.validFrom), validTo: isoToVn(initial.validTo) });
  const [org, setOrg] = useState<OrgOption | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    const dates = { validFrom: vnToIso(v.validFrom), validTo: vnToIso(v.validTo) };
    const bad = Object.fromEntries(Object.entries(dates).flatMap(([k, d]) => (checkIsoDate(d) ? [[k, checkIsoDate(d)!]] : [])));
    if (Object.keys(bad).length) return setErrors(bad);
    try {
      await onSave({ title: v.title, ...dates, organizationId: org?.id });
      onClose();
    } catch (err) {
      setErrors((err as { body?: { errors?: Record<string, string> } }).body?.errors ?? {});
      notify((err as Error).message, { type: 'error' });
    }
  };
  const e = (f: string) => (errors[f] ? translate(errors[f]!) : undefined);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="position-dialog">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {withOrganization && <OrganizationPicker label="resources.positions.fields.organizationId" value={org} onChange={setOrg} />}
          <TextField
            label={translate('resources.positions.fields.title')}
            value={v.title}
            onChange={(x) => setV({ ...v, title: x.target.value })}
            error={!!e('title')}
            helperText={e('title')}
            inputProps={{ 'data-testid': 'position-title' }}
          />
          <TextField
            label={translate('resources.positions.fields.validFrom')}
            placeholder="dd/mm/yyyy"
            value={v.validFrom}
            onChange={(x) => setV({ ...v, validFrom: x.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!e('validFrom')}
            helperText={e('validFrom')}
          />
          <TextField
            label={translate('resources.positions.fields.validTo')}
            placeholder="dd/mm/yyyy"
            value={v.validTo}
            onChange={(x) => setV({ ...v, validTo: x.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!e('validTo')}
            helperText={e('validTo')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton variant="contained" onClick={save} disabled={!v.title || (withOrganization && !org)}>
          {translate('ra.action.save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/** Edits one position of a list (positions have no page of their own: they live under a person or an organization). */
export function PositionEditButton() {
  const record = useRecordContext<Position>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="ra.action.edit" onClick={(e) => (e.stopPropagation(), setOpen(true))} data-testid="position-edit">
        <EditIcon />
      </Button>
      {open && (
        <PositionDialog
          title="lantoa.person.edit_position"
          initial={record}
          onClose={() => setOpen(false)}
          onSave={async (v) => {
            await dataProvider.update('positions', { id: record.id, data: v, previousData: record });
            notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
            refresh();
          }}
        />
      )}
    </>
  );
}

/** Adds a position to the person in context. */
export function AddPositionButton() {
  const record = useRecordContext<RaRecord>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="lantoa.person.add_position" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      {open && (
        <PositionDialog
          title="lantoa.person.add_position"
          initial={{}}
          withOrganization
          onClose={() => setOpen(false)}
          onSave={async (v) => {
            await dataProvider.create('positions', { data: { ...v, personId: record.id } });
            notify('ra.notification.created', { type: 'success' });
            refresh();
          }}
        />
      )}
    </>
  );
}
