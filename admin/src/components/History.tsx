import { Box, Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  Pagination,
  ReferenceManyField,
  TextField,
  useGetManyAggregate,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { formatDate, formatDateTime } from '../format';
import { DateTimeText } from './fields';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

// Enum fields shown through their translations (lantoa.<group>.<VALUE>).
const ENUM_GROUP: Record<string, string> = { type: 'type', level: 'level', kind: 'succession', roles: 'role', scopes: 'scope' };
const ORG_REFERENCES = new Set(['parentId', 'organizationId', 'fromId', 'toId', 'outletId']);
// Where one entity's field of the same name holds another enum.
const ENUM_GROUP_OF: Record<string, Record<string, string>> = {
  Exemplar: { kind: 'exemplar_kind', field: 'exemplar_field', status: 'exemplar_status' },
  Commendation: { form: 'commendation_form', basis: 'commendation_basis', status: 'commendation_status' },
  MediaItem: { kind: 'media_kind', tone: 'media_tone', status: 'media_status', language: 'media_language' },
};

/** The name of a referenced organization (lookups of one page are batched into one getMany). */
function OrgName({ id }: { id: string }) {
  const { data } = useGetManyAggregate('organizations', { ids: [id] });
  return <>{data?.[0]?.name ?? id}</>;
}

/** A changed value as a person reads it: translated enums, dd/MM/yyyy dates, organization names. */
function Value({ field, v, entity }: { field: string; v: unknown; entity?: string }) {
  const translate = useTranslate();
  if (v == null || v === '') return <>—</>;
  const group = (entity && ENUM_GROUP_OF[entity]?.[field]) ?? ENUM_GROUP[field];
  if (group) return <>{(Array.isArray(v) ? v : [v]).map((x) => translate(`lantoa.${group}.${x}`, { _: String(x) })).join(', ')}</>;
  if (ORG_REFERENCES.has(field) && typeof v === 'string') return <OrgName id={v} />;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return <>{formatDate(v)}</>;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return <>{formatDateTime(v)}</>;
  if (typeof v === 'boolean') return <>{translate(v ? 'lantoa.common.yes' : 'lantoa.common.no')}</>;
  return <>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</>;
}

/** What changed, field by field: "Tên ngắn: A → B". */
// `label` is read by the Datagrid for the column header.
export function ChangesText(_: { label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField
      source="changes"
      label="resources.auditEvents.fields.changes"
      render={(e: { changes: Change[]; entityType: string }) => (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {e.changes
            .filter((c) => c.field !== 'id')
            .map((c) => (
              <li key={c.field}>
                <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                  {translate(`resources.${resourceOf(e.entityType)}.fields.${c.field}`, { _: c.field })}
                </Typography>
                : <Value field={c.field} v={c.before} entity={e.entityType} /> → <Value field={c.field} v={c.after} entity={e.entityType} />
              </li>
            ))}
        </Box>
      )}
    />
  );
}

const RESOURCE_OF: Record<string, string> = {
  Organization: 'organizations',
  Person: 'people',
  Position: 'positions',
  User: 'users',
  ApiToken: 'apiTokens',
  Exemplar: 'exemplars',
  Commendation: 'commendations',
  Movement: 'movements',
  Directive: 'directives',
  Task: 'tasks',
  MediaItem: 'mediaItems',
  Campaign: 'campaigns',
};
export const resourceOf = (entityType: string) => RESOURCE_OF[entityType] ?? entityType;

/** The audit trail of the record in context, through its `history` field (admins, and reviewers in scope). */
// `label` is read by SimpleShowLayout, which shows it above the list.
export function RecordHistory(_: { label?: string }) {
  const resource = useResourceContext()!;
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <ReferenceManyField reference={`history/${resource}`} target="id" perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25]} />}>
      <Datagrid bulkActionButtons={false} empty={<Typography variant="body2">{translate('lantoa.history.empty')}</Typography>} data-testid="history">
        <DateTimeText source="occurredAt" label="resources.auditEvents.fields.occurredAt" />
        <FunctionField
          label="resources.auditEvents.fields.action"
          render={(e: { action: string }) => translate(`lantoa.action.${e.action}`, { _: e.action })}
        />
        <TextField source="actorName" label="resources.auditEvents.fields.actorName" emptyText={translate('lantoa.common.system')} />
        <ChangesText label="resources.auditEvents.fields.changes" />
      </Datagrid>
    </ReferenceManyField>
  );
}
