import RestoreFromTrashIcon from '@mui/icons-material/RestoreFromTrash';
import { Button, type RowClickFunction, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useResourceContext } from 'react-admin';
import type { LanToaDataProvider } from '../dataProvider';

/**
 * In a list filtered on deleted records (filter `deleted`): restores the
 * row's record (the API's restoreX), for whoever may delete it.
 */
export function RestoreButton() {
  const record = useRecordContext<{ id: string; deletedAt?: string | null }>();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource, action: 'delete' });
  if (!record?.deletedAt || !canAccess) return null;
  return (
    <Button
      label="lantoa.org.restore"
      onClick={async (event) => {
        event.stopPropagation();
        try {
          await dataProvider.restore(resource, { id: record.id });
          notify('lantoa.org.restored', { type: 'success' });
          refresh();
        } catch (err) {
          notify((err as Error).message, { type: 'error' });
        }
      }}
    >
      <RestoreFromTrashIcon />
    </Button>
  );
}

/** Deleted records have no show page: their rows do not open one. */
export const showUnlessDeleted: RowClickFunction = (_id, _resource, record) => (record.deletedAt ? false : 'show');
