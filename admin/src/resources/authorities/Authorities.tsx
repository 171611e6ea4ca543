import {
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { LEVELS, TYPES } from '../../components/fields';
import type { LanToaDataProvider } from '../../dataProvider';
import { AUTHORITIES_DOCUMENT, CREATE_AUTHORITY_DOCUMENT, DELETE_AUTHORITY_DOCUMENT } from '../../graphql/registry-exemplars';
import { FORMS } from '../exemplars/common';

interface Authority {
  id: string;
  organizationType: string;
  organizationLevel: string;
  form: string;
  note?: string | null;
}

/**
 * Which organizations (by type and level) may grant which commendation form:
 * the table every commendation is checked against. Admins add and withdraw rows.
 */
export function AuthorityList() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [rows, setRows] = useState<Authority[] | null>(null);
  const [draft, setDraft] = useState({ organizationType: 'STATE_EXECUTIVE', organizationLevel: 'DISTRICT', form: 'CERTIFICATE_OF_COMMENDATION', note: '' });
  const load = useCallback(() => dataProvider.query<{ rows: Authority[] | null }>(AUTHORITIES_DOCUMENT).then((d) => setRows(d.rows ?? [])), [dataProvider]);
  useEffect(() => void load(), [load]);

  const run = async (document: string, variables: Record<string, unknown>, done: string) => {
    try {
      await dataProvider.query(document, variables);
      notify(done, { type: 'success' });
      await load();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };
  const t = (k: string) => translate(`resources.commendationAuthorities.fields.${k}`);
  const select = (k: 'organizationType' | 'organizationLevel' | 'form', values: readonly string[], group: string) => (
    <TextField
      select
      size="small"
      label={t(k)}
      value={draft[k]}
      onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
      fullWidth={false}
      sx={{ width: 220 }}
    >
      {values.map((v) => (
        <MenuItem key={v} value={v}>
          {translate(`lantoa.${group}.${v}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('resources.commendationAuthorities.name', { smart_count: 2 })} />
      <Card>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('resources.commendationAuthorities.name', { smart_count: 2 })}
          </Typography>
          <Table size="small" data-testid="authority-table">
            <TableHead>
              <TableRow>
                {['organizationType', 'organizationLevel', 'form', 'note'].map((k) => (
                  <TableCell key={k}>{t(k)}</TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows ?? []).map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{translate(`lantoa.type.${r.organizationType}`, { _: r.organizationType })}</TableCell>
                  <TableCell>{translate(`lantoa.level.${r.organizationLevel}`, { _: r.organizationLevel })}</TableCell>
                  <TableCell>{translate(`lantoa.commendation_form.${r.form}`)}</TableCell>
                  <TableCell>{r.note ?? '—'}</TableCell>
                  <TableCell>
                    <IconButton
                      size="small"
                      aria-label={translate('lantoa.exemplar.remove_authority')}
                      onClick={() => run(DELETE_AUTHORITY_DOCUMENT, { id: r.id }, 'lantoa.exemplar.authority_removed')}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Stack direction="row" spacing={1} sx={{ mt: 2 }} flexWrap="wrap" useFlexGap alignItems="center">
            {select('organizationType', TYPES, 'type')}
            {select('organizationLevel', LEVELS, 'level')}
            {select('form', FORMS, 'commendation_form')}
            <TextField
              size="small"
              label={t('note')}
              value={draft.note}
              onChange={(e) => setDraft({ ...draft, note: e.target.value })}
              fullWidth={false}
              sx={{ width: 320 }}
            />
            <Button
              variant="contained"
              onClick={() => run(CREATE_AUTHORITY_DOCUMENT, { input: { ...draft, note: draft.note.trim() || null } }, 'lantoa.exemplar.authority_added')}
            >
              {translate('lantoa.exemplar.add_authority')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
