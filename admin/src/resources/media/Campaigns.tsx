import { Box, Stack, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  EditButton,
  FunctionField,
  Labeled,
  List,
  SearchInput,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { inScope, type ScopedOrganization } from '../../auth/records';
import { VnDateInput } from '../../components/DateInputs';
import { DateText, OrgLink } from '../../components/fields';
import { Section } from '../../components/Section';
import { CampaignBars, TargetBar, type Progress } from './CampaignProgress';

type Campaign = {
  id: string;
  name: string;
  description?: string | null;
  targetItems: number;
  targetExemplarItems: number;
  targetPerOutlet?: number | null;
  organization?: ScopedOrganization;
  directive?: { id: string; number: string; title: string } | null;
  theme?: { id: string; title: string } | null;
  progress: Progress;
};

const campaignFilters = [<SearchInput key="q" source="q" alwaysOn />, <VnDateInput key="on" source="activeOn" alwaysOn />];

const bars = (r: Campaign) => <CampaignBars progress={r.progress} targetItems={r.targetItems} targetExemplarItems={r.targetExemplarItems} />;
const promotes = (r: Campaign) => (r.directive ? `${r.directive.number} — ${r.directive.title}` : (r.theme?.title ?? '—'));

function ListActions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'campaigns', action: 'create' });
  return <TopToolbar>{canCreate && <CreateButton />}</TopToolbar>;
}

/** Propaganda campaigns with their progress against their targets, computed from the published items. */
export function CampaignList() {
  return (
    <List filters={campaignFilters} actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="campaign-list">
        <TextField source="name" />
        <FunctionField source="themeId" sortable={false} render={promotes} />
        <DateText source="periodFrom" />
        <DateText source="periodTo" />
        <FunctionField source="progress" sortable={false} render={bars} />
      </Datagrid>
    </List>
  );
}

function Actions() {
  const record = useRecordContext<Campaign>();
  const { identity } = useGetIdentity();
  const { canAccess: mayEdit } = useCanAccess({ resource: 'campaigns', action: 'edit' });
  return <TopToolbar>{mayEdit && inScope(identity, record?.organization) && <EditButton />}</TopToolbar>;
}

function OutletBars() {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.progress.outlets.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('lantoa.media.no_outlets')}
      </Typography>
    );
  return (
    <Stack spacing={1} data-testid="campaign-outlets">
      {record.progress.outlets.map((o) => (
        <TargetBar
          key={o.outletId}
          done={o.items}
          target={o.target ?? 0}
          label={`${o.outletName ?? o.outletId}: ${o.target ? translate('lantoa.media.progress_items', { done: o.items, target: o.target }) : o.items}`}
        />
      ))}
    </Stack>
  );
}

function Body() {
  const record = useRecordContext<Campaign>();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" gutterBottom>
        {record.name}
      </Typography>
      <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
        <Labeled source="organizationId">
          <OrgLink source="organization" />
        </Labeled>
        <Labeled source="themeId">
          <Typography variant="body2">{promotes(record)}</Typography>
        </Labeled>
        <Labeled source="periodFrom">
          <DateText source="periodFrom" />
        </Labeled>
        <Labeled source="periodTo">
          <DateText source="periodTo" />
        </Labeled>
      </Stack>
      {record.description && <Typography sx={{ mt: 1 }}>{record.description}</Typography>}
      <Section title="resources.campaigns.fields.progress">{bars(record)}</Section>
      <Section title="lantoa.media.per_outlet">
        <OutletBars />
      </Section>
    </Box>
  );
}

export function CampaignShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}
