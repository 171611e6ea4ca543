import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button as MuiButton } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRedirect, useResourceContext, useTranslate } from 'react-admin';
import type { LanToaDataProvider } from '../dataProvider';

/**
 * Soft delete after a confirmation; the notification offers to restore the
 * record at once (the API's restoreX undoes deleteX).
 */
export function DeleteWithRestoreButton() {
  const record = useRecordContext<{ id: string; name?: string; fullName?: string }>();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;

  const restore = async () => {
    try {
      await dataProvider.restore(resource, { id: record.id });
      notify('lantoa.org.restored', { type: 'success' });
      redirect('show', resource, record.id);
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  const remove = async () => {
    setOpen(false);
    try {
      await dataProvider.delete(resource, { id: record.id, previousData: record });
      notify(
        <Alert
          severity="info"
          action={
            <MuiButton color="inherit" size="small" onClick={restore}>
              {translate('lantoa.org.restore')}
            </MuiButton>
          }
        >
          {translate('lantoa.org.deleted_undo')}
        </Alert>,
        { autoHideDuration: 15_000 },
      );
      redirect('list', resource);
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <>
      <Button label="ra.action.delete" color="error" onClick={() => setOpen(true)}>
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="ra.message.delete_title"
        content="ra.message.delete_content"
        translateOptions={{
          name: translate(`resources.${resource}.name`, { smart_count: 1 }).toLowerCase(),
          recordRepresentation: record.name ?? record.fullName ?? '',
        }}
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
