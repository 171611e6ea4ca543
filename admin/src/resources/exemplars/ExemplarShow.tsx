import { Box, Button, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EditButton, Labeled, Show, TextField, TopToolbar, useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { DateText, EnumText, OrgLink } from '../../components/fields';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { RecordHistory } from '../../components/History';
import { Section } from '../../components/Section';
import { RichTextField } from '../../components/RichText';
import { AddCommendationDialog } from '../commendations/CommendationDialogs';
import { CommendationsTable, type CommendationRow } from '../commendations/CommendationList';
import { HONOURABLE, inScope } from './common';
import { StatusChip } from './ExemplarList';
import { ExemplarCoverage } from '../media/ExemplarCoverage';
import { Gallery } from './Gallery';
import { NextSteps, Timeline } from './Lifecycle';

type Exemplar = {
  id: string;
  name: string;
  status: string;
  summary?: string;
  story?: string;
  achievements?: string;
  organization?: { id: string; name: string; ancestors?: { id: string }[] } | null;
  movement?: { id: string; name: string } | null;
  person?: { id: string; fullName: string } | null;
  commendations: CommendationRow[];
};

function Actions() {
  const record = useRecordContext<Exemplar>();
  const { identity } = useGetIdentity();
  const { canAccess: mayEdit } = useCanAccess({ resource: 'exemplars', action: 'edit' });
  const canEdit = !!mayEdit && !!record?.organization && inScope(identity, record.organization);
  return <TopToolbar>{canEdit && [<EditButton key="edit" />, <DeleteWithRestoreButton key="delete" />]}</TopToolbar>;
}

function Commendations() {
  const record = useRecordContext<Exemplar>();
  const translate = useTranslate();
  const { canAccess: canCommend } = useCanAccess({ resource: 'commendations', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!record?.commendations) return null;
  const action =
    canCommend && HONOURABLE.has(record.status) ? (
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="add-commendation">
        {translate('lantoa.exemplar.add_commendation')}
      </Button>
    ) : null;
  return (
    <Section title="lantoa.exemplar.commendations" action={action}>
      <CommendationsTable rows={record.commendations} />
      {open && <AddCommendationDialog exemplarId={record.id} organization={record.organization} open onClose={() => setOpen(false)} />}
    </Section>
  );
}

function Body() {
  const record = useRecordContext<Exemplar>();
  const { canAccess: canSeeHistory } = useCanAccess({ resource: 'history/exemplars', action: 'list' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="h5" data-testid="exemplar-name">
          {record.name}
        </Typography>
        <StatusChip status={record.status} />
      </Stack>
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
        <Labeled source="kind">
          <EnumText source="kind" group="exemplar_kind" />
        </Labeled>
        <Labeled source="field">
          <EnumText source="field" group="exemplar_field" />
        </Labeled>
        <Labeled source="organizationId">
          <OrgLink source="organization" />
        </Labeled>
        {record.person && (
          <Labeled source="personId">
            <MuiLink component={Link} to={`/people/${record.person.id}/show`}>
              {record.person.fullName}
            </MuiLink>
          </Labeled>
        )}
        <Labeled source="subjectOrganizationId">
          <OrgLink source="subjectOrganization" />
        </Labeled>
        <Labeled source="periodFrom">
          <DateText source="periodFrom" />
        </Labeled>
        <Labeled source="periodTo">
          <DateText source="periodTo" />
        </Labeled>
        <Labeled source="recognisedOn">
          <DateText source="recognisedOn" />
        </Labeled>
        <Labeled source="awardedOn">
          <DateText source="awardedOn" />
        </Labeled>
        {record.movement && (
          <Labeled source="movementId">
            <TextField source="movement.name" />
          </Labeled>
        )}
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="lantoa.exemplar.about">
            {record.summary && (
              <Typography variant="subtitle1" sx={{ mb: 1 }}>
                {record.summary}
              </Typography>
            )}
            {record.story && <RichTextField source="story" className="story" />}
            {record.achievements && (
              <Labeled source="achievements">
                <TextField source="achievements" sx={{ whiteSpace: 'pre-line' }} />
              </Labeled>
            )}
          </Section>
          <Section title="lantoa.exemplar.gallery">
            <Gallery />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="lantoa.exemplar.next_steps">
            <NextSteps />
          </Section>
          <Section title="lantoa.exemplar.timeline">
            <Timeline />
          </Section>
          <Section title="lantoa.media.coverage">
            <ExemplarCoverage />
          </Section>
        </Grid>
      </Grid>
      <Commendations />
      {canSeeHistory && (
        <Section title="lantoa.history.title">
          <RecordHistory />
        </Section>
      )}
    </Box>
  );
}

/** One exemplar: its story and photos, the lifecycle as a timeline with the next steps the caller may take, its commendations. */
export function ExemplarShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}
