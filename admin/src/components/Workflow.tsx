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
import { useState, type ReactNode } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../format';

/*
 * A record's workflow as the screens show it (exemplars' lifecycle, media
 * items' editorial steps): the steps taken as a timeline, and the next steps
 * as buttons — only those the API lists in allowedActions — each confirmed in
 * a dialog with a note (a reason, where the step needs one). Messages come
 * from `lantoa.<group>.*` and `lantoa.<group>_action.*`; test ids start with
 * `testPrefix`.
 */

export interface TimelineStep {
  id: string;
  action: string;
  toStatus: string;
  /** Null for a step the system took (media's scheduled publication): `lantoa.<group>.by_system` names it. Undefined when not asked for. */
  actorId?: string | null;
  actorName?: string | null;
  occurredAt: string;
  note?: string | null;
}

export function StepTimeline({
  steps,
  group,
  testPrefix = '',
  label,
  isError,
}: {
  steps: TimelineStep[];
  group: string;
  testPrefix?: string;
  /** What the step's line says (the status it reached, the day…). */
  label: (s: TimelineStep) => ReactNode;
  isError: (s: TimelineStep) => boolean;
}) {
  const translate = useTranslate();
  return (
    <Stepper orientation="vertical" activeStep={steps.length} nonLinear data-testid={`${testPrefix}timeline`}>
      {steps.map((s) => (
        <Step key={s.id} completed expanded data-testid={`${testPrefix}timeline-${s.action}`}>
          <StepLabel error={isError(s)}>{label(s)}</StepLabel>
          <StepContent>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(s.occurredAt)}{' '}
              {s.actorId === null ? translate(`lantoa.${group}.by_system`) : s.actorName ? translate(`lantoa.${group}.by`, { name: s.actorName }) : ''}
            </Typography>
            {s.note && <Typography variant="body2">{s.note}</Typography>}
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
}

export function StepButtons({
  actions,
  group,
  name,
  needsReason,
  testPrefix = '',
  run,
  onOpen,
  extra,
  extraInvalid = false,
  header,
}: {
  actions: string[];
  group: string;
  /** The record's name, for the dialog's title. */
  name: string;
  needsReason: ReadonlySet<string>;
  testPrefix?: string;
  /** Takes the step; a rejection is shown as the notification. */
  run: (action: string, note: string | null) => Promise<unknown>;
  /** Called when a step's dialog opens, to reset the caller's extra fields. */
  onOpen?: (action: string) => void;
  /** More fields of the dialog for this step (a day, a publication time). */
  extra?: (action: string) => ReactNode;
  extraInvalid?: boolean;
  header?: ReactNode;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [action, setAction] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonNeeded = !!action && needsReason.has(action);
  const actionName = (a: string) => translate(`lantoa.${group}_action.${a}`);

  const open = (a: string) => {
    setAction(a);
    setNote('');
    onOpen?.(a);
  };
  const submit = async () => {
    if (!action) return;
    setBusy(true);
    try {
      await run(action, note.trim() || null);
      notify(`lantoa.${group}.step_done`, { type: 'success', messageArgs: { action: actionName(action) } });
      setAction(null);
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-testid={`${testPrefix}next-steps`}>
      {header}
      {actions.length ? (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          {actions.map((a) => (
            <Button
              key={a}
              variant={needsReason.has(a) ? 'outlined' : 'contained'}
              color={needsReason.has(a) ? 'error' : 'primary'}
              onClick={() => open(a)}
              data-testid={`${testPrefix}step-${a}`}
            >
              {actionName(a)}
            </Button>
          ))}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(`lantoa.${group}.no_steps`)}
        </Typography>
      )}
      <Dialog open={!!action} onClose={() => setAction(null)} maxWidth="sm" fullWidth data-testid={`${testPrefix}step-dialog`}>
        <DialogTitle>{action && translate(`lantoa.${group}.step_title`, { action: actionName(action), name })}</DialogTitle>
        <DialogContent>
          <TextField
            label={translate(reasonNeeded ? `lantoa.${group}.reason` : `lantoa.${group}.note`)}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="dense"
            required={reasonNeeded}
            error={reasonNeeded && !note.trim()}
            helperText={reasonNeeded && !note.trim() ? translate(`lantoa.${group}.reason_required`) : ' '}
            slotProps={{ htmlInput: { 'data-testid': `${testPrefix}step-note` } }}
          />
          {action && extra?.(action)}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAction(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            onClick={submit}
            disabled={busy || (reasonNeeded && !note.trim()) || extraInvalid}
            data-testid={`${testPrefix}step-confirm`}
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
