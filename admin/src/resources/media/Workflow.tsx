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
import { isoToVnLocal, vnLocalToIso } from '../../components/DateInputs';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDateTime } from '../../format';
import { MEDIA_TRANSITION_DOCUMENT } from '../../graphql/registry-media';
import { NEEDS_REASON, TAKES_PUBLISH_AT } from './common';

interface WorkflowStep {
  id: string;
  action: string;
  toStatus: string;
  actorName?: string | null;
  occurredAt: string;
  note?: string | null;
}

export type MediaItemRecord = {
  id: string;
  title: string;
  version: number;
  status: string;
  publishAt?: string | null;
  allowedActions: string[];
  timeline: WorkflowStep[];
};

/** The editorial steps so far, oldest first: who did what, when, and why. Nothing here is clickable. */
export function WorkflowTimeline() {
  const record = useRecordContext<MediaItemRecord>();
  const translate = useTranslate();
  if (!record?.timeline) return null;
  return (
    <Stepper orientation="vertical" activeStep={record.timeline.length} nonLinear data-testid="media-timeline">
      {record.timeline.map((s) => (
        <Step key={s.id} completed expanded data-testid={`media-step-${s.action}`}>
          <StepLabel error={s.action === 'REJECT'}>
            <b>{translate(`lantoa.media_action.${s.action}`, { _: s.action })}</b> → {translate(`lantoa.media_status.${s.toStatus}`)}
          </StepLabel>
          <StepContent>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(s.occurredAt)} {s.actorName ? translate('lantoa.media.by', { name: s.actorName }) : ''}
            </Typography>
            {s.note && <Typography variant="body2">{s.note}</Typography>}
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
}

/**
 * The next editorial steps as buttons: exactly those the API lists in
 * allowedActions for this item, status and caller (an editor submits and
 * publishes, a reviewer of the outlet approves or sends back). Approving can
 * take a publication time, picked as Vietnam's time: the server's job queue
 * publishes the item then.
 */
export function WorkflowButtons() {
  const record = useRecordContext<MediaItemRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [action, setAction] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record?.allowedActions) return null;

  const needsReason = !!action && NEEDS_REASON.has(action);
  const publishAt = at ? vnLocalToIso(at) : null;
  const atError = !!publishAt && !(Date.parse(publishAt) > Date.now());
  const open = (a: string) => {
    setAction(a);
    setNote('');
    setAt(a === 'SCHEDULE' ? isoToVnLocal(record.publishAt) : '');
  };
  const submit = async () => {
    if (!action) return;
    setBusy(true);
    try {
      await dataProvider.query(MEDIA_TRANSITION_DOCUMENT, {
        id: record.id,
        action,
        note: note.trim() || null,
        publishAt: action && TAKES_PUBLISH_AT.has(action) ? publishAt : null,
        expectedVersion: record.version,
      });
      notify('lantoa.media.step_done', { type: 'success', messageArgs: { action: translate(`lantoa.media_action.${action}`) } });
      setAction(null);
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-testid="media-next-steps">
      {record.status === 'APPROVED' && record.publishAt && (
        <Typography variant="body2" color="primary" sx={{ mb: 1 }} data-testid="media-scheduled-for">
          {translate('lantoa.media.scheduled_for', { at: formatDateTime(record.publishAt) })}
        </Typography>
      )}
      {record.allowedActions.length ? (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          {record.allowedActions.map((a) => (
            <Button
              key={a}
              variant={NEEDS_REASON.has(a) ? 'outlined' : 'contained'}
              color={NEEDS_REASON.has(a) ? 'error' : 'primary'}
              onClick={() => open(a)}
              data-testid={`media-action-${a}`}
            >
              {translate(`lantoa.media_action.${a}`)}
            </Button>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.media.no_steps')}
        </Typography>
      )}
      <Dialog open={!!action} onClose={() => setAction(null)} maxWidth="sm" fullWidth data-testid="media-step-dialog">
        <DialogTitle>{action && translate('lantoa.media.step_title', { action: translate(`lantoa.media_action.${action}`), title: record.title })}</DialogTitle>
        <DialogContent>
          <TextField
            label={translate(needsReason ? 'lantoa.media.reason' : 'lantoa.media.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            required={needsReason}
            error={needsReason && !note.trim()}
            helperText={needsReason && !note.trim() ? translate('lantoa.media.reason_required') : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'media-step-note' } }}
          />
          {action && TAKES_PUBLISH_AT.has(action) && (
            <TextField
              type="datetime-local"
              label={translate('lantoa.media.publish_at')}
              value={at}
              onChange={(e) => setAt(e.target.value)}
              fullWidth
              margin="dense"
              error={atError}
              helperText={translate(atError ? 'lantoa.media.publish_at_future' : 'lantoa.media.publish_at_help')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 1, 'data-testid': 'media-publish-at' } }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAction(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={busy || (needsReason && !note.trim()) || atError} data-testid="media-step-confirm">
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
