import {
  Datagrid,
  DateTimeInput,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { DateTimeText } from '../components/fields';
import { ChangesText } from '../components/History';
import { formatDateTime } from '../format';

type Event = {
  occurredAt: string;
  actorName?: string;
  entityType: string;
  entityId: string;
  action: string;
  requestId: string;
  changes: { field: string; before: unknown; after: unknown }[];
};

const ENTITY_TYPES = ['Organization', 'OrgSuccession', 'Person', 'Position', 'User', 'ApiToken'];
const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE'];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPES.map((id) => ({ id, name: `lantoa.entity.${id}` }))} />,
  <SelectInput key="action" source="action" choices={ACTIONS.map((id) => ({ id, name: `lantoa.action.${id}` }))} />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="requestId" source="requestId" />,
  <DateTimeInput key="from" source="occurredFrom" />,
  <DateTimeInput key="to" source="occurredTo" />,
];

const csv = (t: (k: string, o?: object) => string) => [
  { header: t('resources.auditEvents.fields.occurredAt'), value: (e: Event) => formatDateTime(e.occurredAt) },
  { header: t('resources.auditEvents.fields.actorName'), value: (e: Event) => e.actorName },
  { header: t('resources.auditEvents.fields.entityType'), value: (e: Event) => t(`lantoa.entity.${e.entityType}`, { _: e.entityType }) },
  { header: t('resources.auditEvents.fields.entityId'), value: (e: Event) => e.entityId },
  { header: t('resources.auditEvents.fields.action'), value: (e: Event) => t(`lantoa.action.${e.action}`, { _: e.action }) },
  {
    header: t('resources.auditEvents.fields.changes'),
    value: (e: Event) => e.changes.map((c) => `${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; '),
  },
  { header: t('resources.auditEvents.fields.requestId'), value: (e: Event) => e.requestId },
];

/** The audit log, newest first (the API's only order); admins see all, reviewers their subtree. */
export function AuditEventList() {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      sort={{ field: 'occurredAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportCsvButton<Event> columns={csv} filename="nhat-ky" />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="audit-list">
        <DateTimeText source="occurredAt" sortable={false} />
        <TextField source="actorName" sortable={false} emptyText={translate('lantoa.common.system')} />
        <FunctionField source="entityType" sortable={false} render={(e: Event) => translate(`lantoa.entity.${e.entityType}`, { _: e.entityType })} />
        <FunctionField source="action" sortable={false} render={(e: Event) => translate(`lantoa.action.${e.action}`, { _: e.action })} />
        <ChangesText label="resources.auditEvents.fields.changes" />
      </Datagrid>
    </List>
  );
}
