import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetManyReference, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { vnToIso } from '../../components/DateInputs';
import { OrganizationPicker, type OrgOption } from '../../components/OrganizationPicker';
import { formatDate, formatNumber } from '../../format';

interface Criterion {
  id: string;
  code: string;
  title: string;
  maxScore: number;
  position: number;
}
interface Evaluation {
  id: string;
  criterionId: string;
  organization?: { id: string; name: string } | null;
  periodFrom: string;
  periodTo: string;
  score: number;
  note?: string | null;
}

/** Small forms in a dialog: fields as plain text boxes, saved through the data provider. */
function FormDialog({
  title,
  open,
  onClose,
  onSave,
  children,
  canSave,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSave: () => Promise<void>;
  children: React.ReactNode;
  canSave: boolean;
}) {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!canSave} onClick={onSave}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function useSave() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (run: () => Promise<unknown>, done: string, close: () => void) => {
    try {
      await run();
      notify(done, { type: 'success' });
      close();
      refresh();
    } catch (err) {
      const e = err as { message: string; body?: { errors?: Record<string, string> } };
      const fields = e.body?.errors ? Object.values(e.body.errors) : [];
      notify(fields.length ? fields[0]! : e.message, { type: 'error' });
    }
  };
}

function AddCriterion({ directiveId, next }: { directiveId: string; next: number }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const save = useSave();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ code: '', title: '', maxScore: '10' });
  const field = (k: keyof typeof v) => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value }),
    label: translate(`resources.criteria.fields.${k}`),
  });
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('lantoa.directive.add_criterion')}
      </Button>
      <FormDialog
        title="lantoa.directive.add_criterion"
        open={open}
        onClose={() => setOpen(false)}
        canSave={!!v.code.trim() && !!v.title.trim() && Number(v.maxScore) > 0}
        onSave={() =>
          save(
            () => dataProvider.create('criteria', { data: { directiveId, code: v.code, title: v.title, maxScore: Number(v.maxScore), position: next } }),
            'ra.notification.created',
            () => setOpen(false),
          )
        }
      >
        <TextField {...field('code')} />
        <TextField {...field('title')} multiline />
        <TextField {...field('maxScore')} type="number" />
      </FormDialog>
    </>
  );
}

function RecordEvaluation({ criteria }: { criteria: Criterion[] }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const save = useSave();
  const [open, setOpen] = useState(false);
  const [org, setOrg] = useState<OrgOption | null>(null);
  const [v, setV] = useState({ criterionId: '', periodFrom: '', periodTo: '', score: '', note: '' });
  const field = (k: keyof typeof v, label: string) => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value }),
    label: translate(label),
  });
  const from = vnToIso(v.periodFrom);
  const to = vnToIso(v.periodTo);
  const ok = !!org && !!v.criterionId && /^\d{4}-\d{2}-\d{2}$/.test(from ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(to ?? '') && v.score !== '';
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)} disabled={!criteria.length}>
        {translate('lantoa.directive.record_evaluation')}
      </Button>
      <FormDialog
        title="lantoa.directive.record_evaluation"
        open={open}
        onClose={() => setOpen(false)}
        canSave={ok}
        onSave={() =>
          save(
            () =>
              dataProvider.create('evaluations', {
                data: {
                  criterionId: v.criterionId,
                  organizationId: org!.id,
                  periodFrom: from,
                  periodTo: to,
                  score: Number(v.score),
                  ...(v.note.trim() ? { note: v.note } : {}),
                },
              }),
            'lantoa.directive.evaluation_recorded',
            () => setOpen(false),
          )
        }
      >
        <TextField select {...field('criterionId', 'resources.evaluations.fields.criterionId')}>
          {criteria.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.code} — {c.title}
            </MenuItem>
          ))}
        </TextField>
        <OrganizationPicker label="resources.evaluations.fields.organizationId" value={org} onChange={setOrg} />
        <Stack direction="row" spacing={2}>
          <TextField {...field('periodFrom', 'resources.evaluations.fields.periodFrom')} placeholder="dd/mm/yyyy" />
          <TextField {...field('periodTo', 'resources.evaluations.fields.periodTo')} placeholder="dd/mm/yyyy" />
          <TextField {...field('score', 'resources.evaluations.fields.score')} type="number" />
        </Stack>
        <TextField {...field('note', 'resources.evaluations.fields.note')} multiline />
      </FormDialog>
    </>
  );
}

/** The directive's criteria (admins maintain them) and the evaluations recorded on them. */
export function CriteriaSection() {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const save = useSave();
  const { canAccess: canEditCriteria } = useCanAccess({ resource: 'criteria', action: 'create' });
  const { canAccess: canEvaluate } = useCanAccess({ resource: 'evaluations', action: 'create' });
  const id = record?.id ?? '';
  const { data: criteria = [] } = useGetManyReference<Criterion & { id: string }>(
    'criteria',
    { target: 'directiveId', id, pagination: { page: 1, perPage: 200 }, sort: { field: 'position', order: 'ASC' } },
    { enabled: !!record },
  );
  const { data: evaluations = [] } = useGetManyReference<Evaluation & { id: string }>(
    'evaluations',
    { target: 'directiveId', id, pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: !!record },
  );
  if (!record) return null;
  const byId = new Map(criteria.map((c) => [c.id, c]));
  return (
    <>
      {criteria.length ? (
        <Table size="small" data-testid="criteria">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.criteria.fields.code')}</TableCell>
              <TableCell>{translate('resources.criteria.fields.title')}</TableCell>
              <TableCell align="right">{translate('resources.criteria.fields.maxScore')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {criteria.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{c.code}</TableCell>
                <TableCell>{c.title}</TableCell>
                <TableCell align="right">{formatNumber(c.maxScore, locale)}</TableCell>
                <TableCell sx={{ width: 48 }}>
                  {canEditCriteria && (
                    <IconButton
                      size="small"
                      aria-label={translate('ra.action.delete')}
                      onClick={() =>
                        save(
                          () => dataProvider.delete('criteria', { id: c.id, previousData: c }),
                          'ra.notification.deleted',
                          () => undefined,
                        )
                      }
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">—</Typography>
      )}
      {canEditCriteria && <AddCriterion directiveId={record.id} next={criteria.length + 1} />}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('lantoa.directive.evaluations')}
      </Typography>
      {evaluations.length ? (
        <Table size="small" data-testid="evaluations">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.evaluations.fields.organizationId')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.criterionId')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.periodFrom')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.periodTo')}</TableCell>
              <TableCell align="right">{translate('resources.evaluations.fields.score')}</TableCell>
              <TableCell>{translate('resources.evaluations.fields.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...evaluations]
              .sort(
                (a, b) =>
                  (a.organization?.name ?? '').localeCompare(b.organization?.name ?? '', 'vi') ||
                  (byId.get(a.criterionId)?.position ?? 0) - (byId.get(b.criterionId)?.position ?? 0) ||
                  b.periodFrom.localeCompare(a.periodFrom),
              )
              .map((e) => {
                const c = byId.get(e.criterionId);
                return (
                  <TableRow key={e.id}>
                    <TableCell>{e.organization?.name ?? '—'}</TableCell>
                    <TableCell>{c ? `${c.code} — ${c.title}` : '—'}</TableCell>
                    <TableCell>{formatDate(e.periodFrom)}</TableCell>
                    <TableCell>{formatDate(e.periodTo)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatNumber(e.score, locale)}
                      {c ? ` / ${formatNumber(c.maxScore, locale)}` : ''}
                    </TableCell>
                    <TableCell>{e.note ?? '—'}</TableCell>
                  </TableRow>
                );
              })}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2">—</Typography>
      )}
      {canEvaluate && <RecordEvaluation criteria={criteria} />}
    </>
  );
}
