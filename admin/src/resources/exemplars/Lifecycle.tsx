import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Step,
  StepContent,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { checkIsoDate, vnToIso } from '../../components/DateInputs';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDate, formatDateTime } from '../../format';
import { TRANSITION_DOCUMENT } from '../../graphql/registry-exemplars';
import { NEEDS_REASON } from './common';

interface TimelineStep {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName?: string | null;
  occurredAt: string;
  onDay: string;
  note?: string | null;
}

type ExemplarRecord = { id: string; name: string; version: number; status: string; allowedActions: string[]; timeline: TimelineStep[] };

/** The lifecycle so far, oldest step first: the status each step reached, the day it counts for, who and why. Nothing here is clickable. */
export function Timeline() {
  const record = useRecordContext<ExemplarRecord>();
  const translate = useTranslate();
  if (!record?.timeline) return null;
  return (
    <Stepper orientation="vertical" activeStep={record.timeline.length} data-testid="timeline" nonLinear>
      {record.timeline.map((s) => (
        <Step key={s.id} completed expanded data-testid={`timeline-${s.action}`}>
          <StepLabel error={s.toStatus === 'REJECTED' || s.toStatus === 'REVOKED'}>
            <b>{translate(`lantoa.exemplar_status.${s.toStatus}`)}</b> · {formatDate(s.onDay)}
          </StepLabel>
          <StepContent>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(s.occurredAt)} {s.actorName ? translate('lantoa.exemplar.by', { name: s.actorName }) : ''}
            </Typography>
            {s.note && <Typography variant="body2">{s.note}</Typography>}
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
}

/**
 * The next steps as buttons: only those the API lists in allowedActions (its
 * status, the caller's role and subtree). Each asks for a note (a reason for
 * rejecting and revoking) and the day it counts for.
 */
export function NextSteps() {
  const record = useRecordContext<ExemplarRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [action, setAction] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record?.allowedActions) return null;

  const needsReason = !!action && NEEDS_REASON.has(action);
  const iso = vnToIso(day);
  const dayError = day.trim() ? checkIsoDate(iso) : undefined;
  const open = (a: string) => {
    setAction(a);
    setNote('');
    setDay('');
  };
  const submit = async () => {
    if (!action) return;
    setBusy(true);
    try {
      await dataProvider.query(TRANSITION_DOCUMENT, { id: record.id, action, note: note.trim() || null, on: iso, expectedVersion: record.version });
      notify('lantoa.exemplar.step_done', { type: 'success', messageArgs: { action: translate(`lantoa.exemplar_action.${action}`) } });
      setAction(null);
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-testid="next-steps">
      {record.allowedActions.length ? (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          {record.allowedActions.map((a) => (
            <Button
              key={a}
              variant={NEEDS_REASON.has(a) ? 'outlined' : 'contained'}
              color={NEEDS_REASON.has(a) ? 'error' : 'primary'}
              onClick={() => open(a)}
              data-testid={`step-${a}`}
            >
              {translate(`lantoa.exemplar_action.${a}`)}
            </Button>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.exemplar.no_steps')}
        </Typography>
      )}
      <Dialog open={!!action} onClose={() => setAction(null)} maxWidth="sm" fullWidth data-testid="step-dialog">
        <DialogTitle>
          {action && translate('lantoa.exemplar.step_title', { action: translate(`lantoa.exemplar_action.${action}`), name: record.name })}
        </DialogTitle>
        <DialogContent>
          <TextField
            label={translate(needsReason ? 'lantoa.exemplar.reason' : 'lantoa.exemplar.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            required={needsReason}
            error={needsReason && !note.trim()}
            helperText={needsReason && !note.trim() ? translate('lantoa.exemplar.reason_required') : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'step-note' } }}
          />
          <TextField
            label={translate('lantoa.exemplar.on_day')}
            placeholder="dd/mm/yyyy"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            margin="dense"
            error={!!dayError}
            helperText={dayError ? translate(dayError) : ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAction(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={busy || (needsReason && !note.trim()) || !!dayError} data-testid="step-confirm">
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
