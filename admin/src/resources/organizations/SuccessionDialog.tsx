import CallMergeIcon from '@mui/icons-material/CallMerge';
import { Button as MuiButton, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { SUCCESSION_KINDS } from '../../components/fields';
import { checkIsoDate, vnToIso } from '../../components/DateInputs';
import { OrganizationPicker, type OrgOption } from '../../components/OrganizationPicker';
import type { LanToaDataProvider } from '../../dataProvider';

/** Records what this organization became (merge, rename, absorb, split, dissolve): successions, never renames in place. */
export function SuccessionButton() {
  const record = useRecordContext<{ id: string; name: string }>();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [others, setOthers] = useState<OrgOption | null>(null);
  const [to, setTo] = useState<OrgOption | null>(null);
  const [kind, setKind] = useState('MERGE');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [basis, setBasis] = useState('');
  const [note, setNote] = useState('');
  const [endPredecessors, setEnd] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!record) return null;

  const save = async () => {
    const on = vnToIso(effectiveOn);
    if (!on || checkIsoDate(on)) return setErrors({ effectiveOn: 'lantoa.field_error.date' });
    try {
      await dataProvider.recordSuccession({
        fromIds: [record.id, ...(others ? [others.id] : [])],
        toId: kind === 'DISSOLVE' ? null : (to?.id ?? null),
        kind,
        effectiveOn: on,
        basis: basis || null,
        note: note || null,
        endPredecessors,
      });
      notify('lantoa.org.succession_recorded', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (err) {
      setErrors((err as { body?: { errors?: Record<string, string> } }).body?.errors ?? {});
      notify((err as Error).message, { type: 'error' });
    }
  };
  const err = (f: string) => (errors[f] ? translate(errors[f]!) : undefined);

  return (
    <>
      <Button label="lantoa.org.record_succession" onClick={() => setOpen(true)}>
        <CallMergeIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('lantoa.org.record_succession')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label={translate('lantoa.org.from')} value={record.name} disabled />
            <OrganizationPicker label="lantoa.org.fromIds" value={others} onChange={setOthers} />
            <TextField select label={translate('lantoa.org.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
              {SUCCESSION_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`lantoa.succession.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            {kind !== 'DISSOLVE' && <OrganizationPicker label="lantoa.org.toId" value={to} onChange={setTo} excludeSubtreeOf={record.id} />}
            <TextField
              placeholder="dd/mm/yyyy"
              label={translate('lantoa.org.effectiveOn')}
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              error={!!err('effectiveOn')}
              helperText={err('effectiveOn')}
            />
            <TextField
              label={translate('lantoa.org.basis')}
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
              multiline
              error={!!err('basis')}
              helperText={err('basis')}
            />
            <TextField label={translate('lantoa.org.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline />
            <FormControlLabel
              control={<Checkbox checked={endPredecessors} onChange={(e) => setEnd(e.target.checked)} />}
              label={translate('lantoa.org.endPredecessors')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!effectiveOn || (kind !== 'DISSOLVE' && !to)} onClick={save}>
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
