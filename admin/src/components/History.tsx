import { Box, Typography } from '@mui/material';
import { Datagrid, FunctionField, Pagination, ReferenceManyField, TextField, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { DateTimeText } from './fields';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const value = (v: unknown) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What changed, field by field: "Tên ngắn: A → B". */
export function ChangesText() {
  const translate = useTranslate();
  return (
    <FunctionField
      source="changes"
      label="resources.auditEvents.fields.changes"
      render={(e: { changes: Change[]; entityType: string }) => (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {e.changes.filter((c) => c.field !== 'id').map((c) => (
            <li key={c.field}>
              <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                {translate(`resources.${resourceOf(e.entityType)}.fields.${c.field}`, { _: c.field })}
              </Typography>
              : {value(c.before)} → {value(c.after)}
            </li>
          ))}
        </Box>
      )}
    />
  );
}

const RESOURCE_OF: Record<string, string> = { Organization: 'organizations', Person: 'people', Position: 'positions', User: 'users', ApiToken: 'apiTokens' };
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
        <FunctionField label="resources.auditEvents.fields.action" render={(e: { action: string }) => translate(`lantoa.action.${e.action}`, { _: e.action })} />
        <TextField source="actorName" label="resources.auditEvents.fields.actorName" emptyText={translate('lantoa.common.system')} />
        <ChangesText />
      </Datagrid>
    </ReferenceManyField>
  );
}
