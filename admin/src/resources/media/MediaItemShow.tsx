import { Box, Chip, Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { EditButton, Labeled, Show, TopToolbar, useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { inScope, type ScopedOrganization } from '../../auth/records';
import { AttachmentGallery } from '../../components/AttachmentGallery';
import { DeleteWithRestoreButton } from '../../components/DeleteWithRestore';
import { DateText, DateTimeText, EnumText, NumberText, OrgLink } from '../../components/fields';
import { RecordHistory } from '../../components/History';
import { RichTextField } from '../../components/RichText';
import { Section } from '../../components/Section';
import { MEDIA_DELETE_ATTACHMENT_DOCUMENT, MEDIA_UPLOAD_DOCUMENT } from '../../graphql/registry-media';
import { MediaStatusChip, ToneChip } from './MediaItemList';
import { WorkflowButtons, WorkflowTimeline, type MediaItemRecord } from './Workflow';

type Item = MediaItemRecord & {
  tone: string;
  summary?: string | null;
  body?: string | null;
  url?: string | null;
  authors: string[];
  outlet?: ScopedOrganization & { name: string };
  exemplars: { id: string; name: string; organizationName?: string | null }[];
  directives: { id: string; number: string; title: string }[];
  themes: { id: string; title: string }[];
  tasks: { id: string; title: string }[];
};

function Actions() {
  const record = useRecordContext<Item>();
  const { identity } = useGetIdentity();
  const { canAccess: mayEdit } = useCanAccess({ resource: 'mediaItems', action: 'edit' });
  const canEdit = !!mayEdit && inScope(identity, record?.outlet);
  return <TopToolbar>{canEdit && [<EditButton key="edit" />, <DeleteWithRestoreButton key="delete" />]}</TopToolbar>;
}

/** The exemplars, directives, themes and tasks the item covers, each a link to its page. */
function Links() {
  const record = useRecordContext<Item>();
  const translate = useTranslate();
  // A row of the list is shown until the full record arrives: it has no links yet.
  if (!record?.exemplars) return null;
  const links = [
    ...record.exemplars.map((e) => ({ key: e.id, to: `/exemplars/${e.id}/show`, label: e.name, group: 'exemplarIds' })),
    ...record.directives.map((d) => ({ key: d.id, to: `/directives/${d.id}/show`, label: `${d.number} — ${d.title}`, group: 'directiveIds' })),
    ...record.themes.map((t) => ({ key: t.id, to: `/themes/${t.id}/show`, label: t.title, group: 'themeIds' })),
    ...record.tasks.map((t) => ({ key: t.id, to: `/tasks/${t.id}/show`, label: t.title, group: 'taskIds' })),
  ];
  if (!links.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('lantoa.media.no_links')}
      </Typography>
    );
  return (
    <Stack spacing={0.5} data-testid="media-links">
      {links.map((l) => (
        <Typography key={l.key} variant="body2">
          <Chip size="small" variant="outlined" label={translate(`resources.mediaItems.fields.${l.group}`)} sx={{ mr: 1 }} />
          <MuiLink component={Link} to={l.to}>
            {l.label}
          </MuiLink>
        </Typography>
      ))}
    </Stack>
  );
}

function Body() {
  const record = useRecordContext<Item>();
  const { canAccess: canSeeHistory } = useCanAccess({ resource: 'history/mediaItems', action: 'list' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }}>
        <Typography variant="h5" data-testid="media-title">
          {record.title}
        </Typography>
        <MediaStatusChip status={record.status} publishAt={record.publishAt} />
        <ToneChip tone={record.tone} />
      </Stack>
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
        <Labeled source="kind">
          <EnumText source="kind" group="media_kind" />
        </Labeled>
        <Labeled source="outletId">
          <OrgLink source="outlet" />
        </Labeled>
        {record.authors?.length > 0 && (
          <Labeled source="authors">
            <Typography variant="body2">{record.authors.join(', ')}</Typography>
          </Labeled>
        )}
        <Labeled source="publishedAt">
          <DateTimeText source="publishedAt" />
        </Labeled>
        {record.url && (
          <Labeled source="url">
            <MuiLink href={record.url} target="_blank" rel="noopener noreferrer">
              {record.url}
            </MuiLink>
          </Labeled>
        )}
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="lantoa.media.body">
            {record.summary && (
              <Typography variant="subtitle1" sx={{ mb: 1 }}>
                {record.summary}
              </Typography>
            )}
            {record.body && <RichTextField source="body" className="media-body" />}
          </Section>
          <Section title="lantoa.media.links">
            <Links />
          </Section>
          <Section title="lantoa.media.reach">
            <Stack direction="row" spacing={4}>
              {(['views', 'shares', 'listeners'] as const).map((f) => (
                <Labeled key={f} source={f}>
                  <NumberText source={f} />
                </Labeled>
              ))}
              <Labeled source="reachReadOn">
                <DateText source="reachReadOn" />
              </Labeled>
            </Stack>
          </Section>
          <Section title="lantoa.media.files">
            <AttachmentGallery
              resource="mediaItems"
              uploadDocument={MEDIA_UPLOAD_DOCUMENT}
              deleteDocument={MEDIA_DELETE_ATTACHMENT_DOCUMENT}
              scopeOf={(r) => r.outlet as ScopedOrganization | null}
            />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="lantoa.media.next_steps">
            <WorkflowButtons />
          </Section>
          <Section title="lantoa.media.workflow">
            <WorkflowTimeline />
          </Section>
        </Grid>
      </Grid>
      {canSeeHistory && (
        <Section title="lantoa.history.title">
          <RecordHistory />
        </Section>
      )}
    </Box>
  );
}

// While a publication is scheduled, the page asks again every 2 s: the job queue publishes on the server, and the page shows it without a reload.
const whileScheduled = (query: { state: { data?: Record<string, unknown> } }) =>
  query.state.data?.status === 'APPROVED' && query.state.data.publishAt ? 2000 : false;

/** One media item: its text, what it covers, reach, files, and the editorial workflow with the steps the caller may take. */
export function MediaItemShow() {
  return (
    <Show actions={<Actions />} queryOptions={{ refetchInterval: whileScheduled }}>
      <Body />
    </Show>
  );
}
