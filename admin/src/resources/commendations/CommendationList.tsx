import { Button, Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Datagrid, FunctionField, List, SearchInput, SelectInput, TextField, useCanAccess, useTranslate } from 'react-admin';
import { VnDateInput } from '../../components/DateInputs';
import { DateText, EnumText, enumChoices, OrgLink } from '../../components/fields';
import { formatDate } from '../../format';
import { FORMS } from '../exemplars/common';
import { RevokeCommendationDialog } from './CommendationDialogs';

export interface CommendationRow {
  id: string;
  form: string;
  title?: string | null;
  decisionNumber: string;
  decidedOn: string;
  status: string;
  revokedOn?: string | null;
  revocationReason?: string | null;
  decidingOrganization?: { id: string; name: string } | null;
  exemplar?: { id: string; name: string; organizationName?: string | null };
}

export function CommendationStatus({ c }: { c: CommendationRow }) {
  const translate = useTranslate();
  const label = translate(`lantoa.commendation_status.${c.status}`);
  return (
    <Chip
      size="small"
      color={c.status === 'IN_FORCE' ? 'success' : 'default'}
      label={c.revokedOn ? `${label} ${formatDate(c.revokedOn)}` : label}
      title={c.revocationReason ?? undefined}
    />
  );
}

/** An exemplar's commendations on its show page; reviewers may revoke one in force. */
export function CommendationsTable({ rows }: { rows: CommendationRow[] }) {
  const translate = useTranslate();
  const { canAccess: canRevoke } = useCanAccess({ resource: 'commendations', action: 'edit' });
  const [revoking, setRevoking] = useState<string | null>(null);
  if (!rows.length) return <Typography variant="body2">{translate('lantoa.exemplar.no_commendations')}</Typography>;
  const f = (k: string) => translate(`resources.commendations.fields.${k}`);
  return (
    <>
      <Table size="small" data-testid="commendations">
        <TableHead>
          <TableRow>
            {['form', 'title', 'decisionNumber', 'decidedOn', 'decidingOrganizationId', 'status'].map((k) => (
              <TableCell key={k}>{f(k)}</TableCell>
            ))}
            {canRevoke && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{translate(`lantoa.commendation_form.${c.form}`)}</TableCell>
              <TableCell>{c.title ?? '—'}</TableCell>
              <TableCell>{c.decisionNumber}</TableCell>
              <TableCell>{formatDate(c.decidedOn)}</TableCell>
              <TableCell>
                {c.decidingOrganization ? (
                  <MuiLink component={Link} to={`/organizations/${c.decidingOrganization.id}/show`}>
                    {c.decidingOrganization.name}
                  </MuiLink>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                <CommendationStatus c={c} />
              </TableCell>
              {canRevoke && (
                <TableCell>
                  {c.status === 'IN_FORCE' && (
                    <Button size="small" color="error" onClick={() => setRevoking(c.id)}>
                      {translate('lantoa.exemplar_action.REVOKE')}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {revoking && <RevokeCommendationDialog id={revoking} open onClose={() => setRevoking(null)} />}
    </>
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="form" source="form" choices={enumChoices('commendation_form', FORMS)} alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('commendation_status', ['IN_FORCE', 'REVOKED'])} alwaysOn />,
  <VnDateInput key="from" source="decidedFrom" alwaysOn />,
  <VnDateInput key="to" source="decidedTo" alwaysOn />,
];

/** Every commendation, newest decision first, searchable by decision number in any spelling. */
export function CommendationList() {
  return (
    <List filters={filters} actions={false} perPage={25}>
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="commendation-list">
        <FunctionField
          source="exemplar"
          sortable={false}
          render={(c: CommendationRow) =>
            c.exemplar ? (
              <MuiLink component={Link} to={`/exemplars/${c.exemplar.id}/show`}>
                {c.exemplar.name}
              </MuiLink>
            ) : (
              '—'
            )
          }
        />
        <EnumText source="form" group="commendation_form" sortable={false} />
        <TextField source="title" emptyText="—" sortable={false} />
        <TextField source="decisionNumber" sortable={false} />
        <DateText source="decidedOn" sortable={false} />
        <OrgLink source="decidingOrganization" label="resources.commendations.fields.decidingOrganizationId" sortable={false} />
        <FunctionField source="status" sortable={false} render={(c: CommendationRow) => <CommendationStatus c={c} />} />
      </Datagrid>
    </List>
  );
}
