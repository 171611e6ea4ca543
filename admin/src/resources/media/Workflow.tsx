import { TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { StepButtons, StepTimeline, type TimelineStep } from '../../components/Workflow';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDateTime, isoToVnLocal, vnLocalToIso } from '../../format';
import { MEDIA_TRANSITION_DOCUMENT } from '../../graphql/registry-media';
import { NEEDS_REASON, TAKES_PUBLISH_AT } from './common';

export type MediaItemRecord = {
  id: string;
  title: string;
  version: number;
  status: string;
  publishAt?: string | null;
  allowedActions: string[];
  timeline: TimelineStep[];
};

/** The editorial steps so far, oldest first: who did what, when, and why. Nothing here is clickable. */
export function WorkflowTimeline() {
  const record = useRecordContext<MediaItemRecord>();
  const translate = useTranslate();
  if (!record?.timeline) return null;
  return (
    <StepTimeline
      steps={record.timeline}
      group="media"
      testPrefix="media-"
      isError={(s) => s.action === 'REJECT'}
      label={(s) => (
        <>
          <b>{translate(`lantoa.media_action.${s.action}`, { _: s.action })}</b> → {translate(`lantoa.media_status.${s.toStatus}`)}
        </>
      )}
    />
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
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [at, setAt] = useState('');
  if (!record?.allowedActions) return null;
  const publishAt = at ? vnLocalToIso(at) : null;
  const atError = !!publishAt && !(Date.parse(publishAt) > Date.now());
  return (
    <StepButtons
      actions={record.allowedActions}
      group="media"
      name={record.title}
      needsReason={NEEDS_REASON}
      testPrefix="media-"
      onOpen={(a) => setAt(a === 'SCHEDULE' ? isoToVnLocal(record.publishAt) : '')}
      run={(action, note) =>
        dataProvider.query(MEDIA_TRANSITION_DOCUMENT, {
          id: record.id,
          action,
          note,
          publishAt: TAKES_PUBLISH_AT.has(action) ? publishAt : null,
          expectedVersion: record.version,
        })
      }
      extraInvalid={atError}
      extra={(action) =>
        TAKES_PUBLISH_AT.has(action) && (
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
        )
      }
      header={
        record.status === 'APPROVED' &&
        record.publishAt && (
          <Typography variant="body2" color="primary" sx={{ mb: 1 }} data-testid="media-scheduled-for">
            {translate('lantoa.media.scheduled_for', { at: formatDateTime(record.publishAt) })}
          </Typography>
        )
      }
    />
  );
}
