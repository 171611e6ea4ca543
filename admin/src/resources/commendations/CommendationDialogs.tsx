import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { checkIsoDate, vnToIso } from '../../components/DateInputs';
import { OrganizationPicker, type OrgOption } from '../../components/OrganizationPicker';
import type { LanToaDataProvider } from '../../dataProvider';
import { REVOKE_COMMENDATION_DOCUMENT } from '../../graphql/registry-exemplars';
import { checkNumber } from '../directives/number';
import { BASES, FORMS } from '../exemplars/common';

/** A field error of the API (a translation key from the client, or a sentence) as the user's language says it. */
const errorsOf = (err: unknown): Record<string, string> => (err as { body?: { errors?: Record<string, string> } }).body?.errors ?? {};

/**
 * Records a commendation decision for an exemplar (reviewers of its subtree).
 * The decision number is sent as typed ("Số 1436/QĐ-UBND"): the server parses
 * it and stores it canonically, or says what is wrong with it.
 */
export function AddCommendationDialog({
  exemplarId,
  organization,
  open,
  onClose,
}: {
  exemplarId: string;
  organization?: OrgOption | null;
  open: boolean;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [form, setForm] = useState<string>('CERTIFICATE_OF_MERIT');
  const [basis, setBasis] = useState<string>('REGULAR');
  const [title, setTitle] = useState('');
  const [number, setNumber] = useState('');
  const [day, setDay] = useState('');
  const [decider, setDecider] = useState<OrgOption | null>(null);
  const [proposer, setProposer] = useState<OrgOption | null>(organization ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const iso = vnToIso(day);
  const dayError = day.trim() ? checkIsoDate(iso) : undefined;
  // The kit's parser, as the server runs it: the canonical number as the user types, or what is wrong.
  const parsed = number.trim() ? checkNumber(number) : null;
  const numberHelp = !parsed
    ? 'Số 1436/QĐ-UBND'
    : 'error' in parsed
      ? translate(parsed.error.key, parsed.error.args)
      : translate('lantoa.directive.canonical', { number: parsed.canonical });

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      await dataProvider.create('commendations', {
        data: {
          exemplarId,
          form,
          basis,
          title,
          decisionNumber: number,
          decidedOn: iso,
          decidingOrganizationId: decider?.id,
          proposingOrganizationId: proposer?.id,
        },
      });
      notify('lantoa.exemplar.commendation_added', { type: 'success' });
      onClose();
      refresh();
    } catch (err) {
      const fields = errorsOf(err);
      setErrors(fields);
      if (!Object.keys(fields).length) notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const err = (f: string) => (errors[f] ? translate(errors[f]!, { _: errors[f] }) : ' ');

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="commendation-dialog">
      <DialogTitle>{translate('lantoa.exemplar.add_commendation')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ mt: 1 }}>
          <TextField
            select
            label={translate('resources.commendations.fields.form')}
            value={form}
            onChange={(e) => setForm(e.target.value)}
            error={!!errors.form}
            helperText={err('form')}
          >
            {FORMS.map((f) => (
              <MenuItem key={f} value={f}>
                {translate(`lantoa.commendation_form.${f}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('resources.commendations.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={!!errors.title}
            helperText={err('title')}
          />
          <TextField select label={translate('resources.commendations.fields.basis')} value={basis} onChange={(e) => setBasis(e.target.value)}>
            {BASES.map((b) => (
              <MenuItem key={b} value={b}>
                {translate(`lantoa.commendation_basis.${b}`)}
              </MenuItem>
            ))}
          </TextField>
          <OrganizationPicker
            label="resources.commendations.fields.decidingOrganizationId"
            value={decider}
            onChange={setDecider}
            testId="commendation-decider"
          />
          <OrganizationPicker label="resources.commendations.fields.proposingOrganizationId" value={proposer} onChange={setProposer} />
          <TextField
            label={translate('resources.commendations.fields.decisionNumber')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            error={!!errors.decisionNumber || (!!parsed && 'error' in parsed)}
            helperText={errors.decisionNumber ? err('decisionNumber') : numberHelp}
            slotProps={{ htmlInput: { 'data-testid': 'commendation-number' }, formHelperText: { 'data-testid': 'commendation-number-help' } as object }}
          />
          <TextField
            label={translate('resources.commendations.fields.decidedOn')}
            placeholder="dd/mm/yyyy"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            error={!!dayError || !!errors.decidedOn}
            helperText={dayError ? translate(dayError) : err('decidedOn')}
            slotProps={{ htmlInput: { 'data-testid': 'commendation-day' } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || !decider || !parsed || 'error' in parsed || !iso || !!dayError}
          data-testid="commendation-save"
        >
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Revokes a commendation: the reason is required, the day defaults to today in the province. */
export function RevokeCommendationDialog({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await dataProvider.query(REVOKE_COMMENDATION_DOCUMENT, { id, reason: reason.trim() });
      notify('lantoa.exemplar.commendation_revoked', { type: 'success' });
      onClose();
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('lantoa.exemplar.revoke_commendation')}</DialogTitle>
      <DialogContent>
        <TextField
          label={translate('lantoa.exemplar.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          margin="dense"
          required
          helperText={reason.trim() ? ' ' : translate('lantoa.exemplar.reason_required')}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="error" onClick={submit} disabled={!reason.trim()}>
          {translate('lantoa.exemplar.revoke_commendation')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
