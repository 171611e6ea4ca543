import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import { Alert, Button as MuiButton, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { OrganizationPicker, type OrgOption } from '../../components/OrganizationPicker';
import type { LanToaDataProvider } from '../../dataProvider';

/** Moves an organization with its subtree; the picker refuses its own subtree (the server refuses cycles too). */
export function MoveButton() {
  const record = useRecordContext<{ id: string; name: string; version: number; parent?: OrgOption | null }>();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [parent, setParent] = useState<OrgOption | null>(null);
  const [root, setRoot] = useState(false);
  if (!record) return null;

  const save = async () => {
    try {
      await dataProvider.move({ id: record.id, parentId: root ? null : parent!.id, expectedVersion: record.version });
      notify('lantoa.org.moved', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <>
      <Button label="lantoa.org.move" onClick={() => setOpen(true)}>
        <DriveFileMoveIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('lantoa.org.move_title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">{translate('lantoa.org.move_help')}</Alert>
            <OrganizationPicker label="lantoa.org.new_parent" value={parent} onChange={setParent} excludeSubtreeOf={record.id} testId="move-parent" />
            <FormControlLabel control={<Checkbox checked={root} onChange={(e) => setRoot(e.target.checked)} />} label={translate('lantoa.org.move_root')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!root && !parent} onClick={save}>
            {translate('lantoa.org.move')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
