import ScheduleIcon from '@mui/icons-material/Schedule';
import { Chip, Stack, Tooltip } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { DateTimeText, EnumText, enumChoices } from '../../components/fields';
import { formatDateTime } from '../../format';
import { KINDS, pressOnly, STATUS_COLOR, STATUSES, TONE_COLOR, TONES } from './common';

type Row = { id: string; title: string; status: string; tone: string; publishAt?: string | null; publishedAt?: string | null };

export const mediaItemFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="outlet" source="outletId" reference="organizations" filter={{ type: 'PRESS' }} alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={pressOnly} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <SelectArrayInput key="statuses" source="statuses" choices={enumChoices('media_status', STATUSES)} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="kinds" source="kinds" choices={enumChoices('media_kind', KINDS)} sx={{ minWidth: 160 }} />,
  <SelectArrayInput key="tones" source="tones" choices={enumChoices('media_tone', TONES)} sx={{ minWidth: 160 }} />,
  <VnDateInput key="from" source="publishedFrom" />,
  <VnDateInput key="to" source="publishedTo" />,
];

export function MediaStatusChip({ status, publishAt }: { status: string; publishAt?: string | null }) {
  const translate = useTranslate();
  const chip = <Chip size="small" color={STATUS_COLOR[status] ?? 'default'} label={translate(`lantoa.media_status.${status}`)} data-testid="media-status" />;
  if (!publishAt || status !== 'APPROVED') return chip;
  return (
    <Stack direction="row" spacing={0.5} alignItems="center">
      {chip}
      <Tooltip title={translate('lantoa.media.scheduled_for', { at: formatDateTime(publishAt) })}>
        <ScheduleIcon fontSize="small" color="primary" data-testid="media-scheduled" />
      </Tooltip>
    </Stack>
  );
}

export function ToneChip({ tone }: { tone: string }) {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={TONE_COLOR[tone] ?? 'default'} label={translate(`lantoa.media_tone.${tone}`)} />;
}

function ListActions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'mediaItems', action: 'create' });
  return <TopToolbar>{canCreate && <CreateButton />}</TopToolbar>;
}

/** What the outlets have drafted, have in review and have published: newest first, by outlet, step, kind, tone and date. */
export function MediaItemList() {
  return (
    <List filters={mediaItemFilters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="media-list">
        <TextField source="title" />
        <EnumText source="kind" group="media_kind" sortable={false} />
        <TextField source="outletName" sortable={false} emptyText="—" />
        <FunctionField source="tone" sortable={false} render={(r: Row) => <ToneChip tone={r.tone} />} />
        <FunctionField source="status" sortable={false} render={(r: Row) => <MediaStatusChip status={r.status} publishAt={r.publishAt} />} />
        <DateTimeText source="publishedAt" />
      </Datagrid>
    </List>
  );
}
