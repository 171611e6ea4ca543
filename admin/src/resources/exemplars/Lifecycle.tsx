import { TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { checkIsoDate, vnToIso } from '../../components/DateInputs';
import { StepButtons, StepTimeline, type TimelineStep } from '../../components/Workflow';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDate } from '../../format';
import { TRANSITION_DOCUMENT } from '../../graphql/registry-exemplars';
import { NEEDS_REASON } from './common';

type ExemplarRecord = {
  id: string;
  name: string;
  version: number;
  status: string;
  allowedActions: string[];
  timeline: (TimelineStep & { onDay: string })[];
};

/** The lifecycle so far, oldest step first: the status each step reached, the day it counts for, who and why. Nothing here is clickable. */
export function Timeline() {
  const record = useRecordContext<ExemplarRecord>();
  const translate = useTranslate();
  if (!record?.timeline) return null;
  return (
    <StepTimeline
      steps={record.timeline}
      group="exemplar"
      isError={(s) => s.toStatus === 'REJECTED' || s.toStatus === 'REVOKED'}
      label={(s) => (
        <>
          <b>{translate(`lantoa.exemplar_status.${s.toStatus}`)}</b> · {formatDate((s as ExemplarRecord['timeline'][number]).onDay)}
        </>
      )}
    />
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
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [day, setDay] = useState('');
  if (!record?.allowedActions) return null;
  const iso = vnToIso(day);
  const dayError = day.trim() ? checkIsoDate(iso) : undefined;
  return (
    <StepButtons
      actions={record.allowedActions}
      group="exemplar"
      name={record.name}
      needsReason={NEEDS_REASON}
      onOpen={() => setDay('')}
      run={(action, note) => dataProvider.query(TRANSITION_DOCUMENT, { id: record.id, action, note, on: iso, expectedVersion: record.version })}
      extraInvalid={!!dayError}
      extra={() => (
        <TextField
          label={translate('lantoa.exemplar.on_day')}
          placeholder="dd/mm/yyyy"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          margin="dense"
          error={!!dayError}
          helperText={dayError ? translate(dayError) : ' '}
        />
      )}
    />
  );
}
