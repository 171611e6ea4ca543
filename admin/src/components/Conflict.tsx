import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  Edit,
  SaveButton,
  Toolbar,
  useDataProvider,
  useEditContext,
  useNotify,
  useRedirect,
  useResourceContext,
  useTranslate,
  type EditProps,
  type RaRecord,
} from 'react-admin';
import { registry } from '../graphql/registry';
import { formatDate } from '../format';

/** The edit forms' toolbar: save only (deleting is on the show page, with its undo). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

interface Conflict {
  data: Record<string, unknown>;
  previousData: RaRecord;
}

const ConflictContext = createContext<{ conflict: Conflict | null; clear: () => void; remount: () => void }>({
  conflict: null,
  clear: () => undefined,
  remount: () => undefined,
});

/**
 * An Edit that saves pessimistically and turns a CONFLICT (stale version)
 * into a dialog instead of a silent overwrite or a bare error.
 */
export function ConflictAwareEdit({ children, ...props }: EditProps & { children: ReactNode }) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // A new key remounts the form, so it starts again from the record as refetched.
  const [formKey, setFormKey] = useState(0);
  const notify = useNotify();
  return (
    <ConflictContext.Provider value={{ conflict, clear: () => setConflict(null), remount: () => setFormKey((k) => k + 1) }}>
      <Edit
        mutationMode="pessimistic"
        redirect="show"
        {...props}
        mutationOptions={{
          onError: (error: unknown, variables: unknown) => {
            const e = error as { status?: number; message?: string; body?: { errors?: object } };
            if (e.status === 409) {
              const v = variables as { data: Record<string, unknown>; previousData: RaRecord };
              setConflict({ data: v.data, previousData: v.previousData });
              return;
            }
            if (e.body?.errors && Object.keys(e.body.errors).length) return; // shown on the fields
            notify(e.message || 'ra.notification.http_error', { type: 'error' });
          },
        }}
      >
        <Fragment key={formKey}>{children}</Fragment>
      </Edit>
    </ConflictContext.Provider>
  );
}

const show = (v: unknown) =>
  v == null || v === '' ? '—' : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : Array.isArray(v) ? v.join(', ') : String(v);

/** Put inside the form of a ConflictAwareEdit: shows server values next to the user's, then reload or overwrite. */
export function ConflictDialog() {
  const { conflict, clear, remount } = useContext(ConflictContext);
  const resource = useResourceContext()!;
  const { record, refetch } = useEditContext();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [server, setServer] = useState<RaRecord | null>(null);

  useEffect(() => {
    setServer(null);
    if (conflict && record) void dataProvider.getOne(resource, { id: record.id }).then(({ data }) => setServer(data));
  }, [conflict, record, resource, dataProvider]);

  if (!conflict) return null;
  const fields = registry[resource]?.update?.fields ?? [];
  const rows = server ? fields.filter((f) => JSON.stringify(conflict.data[f] ?? null) !== JSON.stringify(server[f] ?? null)) : [];

  const reload = async () => {
    clear();
    await refetch();
    remount();
  };
  const overwrite = async () => {
    if (!server) return;
    try {
      const { data } = await dataProvider.update(resource, {
        id: server.id,
        data: conflict.data,
        previousData: server,
        meta: { expectedVersion: server.version },
      });
      notify('lantoa.conflict.overwritten', { type: 'success' });
      clear();
      await refetch();
      remount();
      redirect('show', resource, data.id);
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <Dialog open maxWidth="md" fullWidth data-testid="conflict-dialog" onClose={clear}>
      <DialogTitle>{translate('lantoa.conflict.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('lantoa.conflict.explanation')}
        </Alert>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('lantoa.conflict.field')}</TableCell>
              <TableCell>{translate('lantoa.conflict.yours')}</TableCell>
              <TableCell>{translate('lantoa.conflict.theirs')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((f) => (
              <TableRow key={f}>
                <TableCell>{translate(`resources.${resource}.fields.${f}`)}</TableCell>
                <TableCell>{show(conflict.data[f])}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{show(server?.[f])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={reload} disabled={!server}>
          {translate('lantoa.conflict.reload')}
        </Button>
        <Button onClick={overwrite} disabled={!server} color="warning" variant="contained">
          {translate('lantoa.conflict.overwrite')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
