import UploadIcon from '@mui/icons-material/CloudUpload';
import { Box, Button, CircularProgress, List, ListItem, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useCanAccess, useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DocumentLink, uploadAttachment, uploadFailure, type Attachment } from '../../components/AttachmentGallery';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDateTime, formatNumber } from '../../format';
import { DIRECTIVE_DELETE_ATTACHMENT_DOCUMENT, DIRECTIVE_UPLOAD_DOCUMENT } from '../../graphql/registry-directives';

/**
 * The document's attached file (its scan or PDF). Whoever reads the registry
 * downloads it; admins, who keep the registry, attach, replace and remove it,
 * as the API allows (services/directives/…/directive.attachments.ts).
 * Replacing uploads the new file first and removes the old one only then, so
 * a refused upload leaves the document with its file.
 */
export function DirectiveFile() {
  const record = useRecordContext<{ id: string; attachments?: (Attachment & { createdAt: string })[] }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const { canAccess: isAdmin } = useCanAccess({ resource: 'directives', action: 'edit' });
  const input = useRef<HTMLInputElement>(null);
  const replacing = useRef<Attachment | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record?.attachments) return null;

  const pick = (old: Attachment | null) => {
    replacing.current = old;
    input.current?.click();
  };
  const upload = async (file: File) => {
    const old = replacing.current;
    replacing.current = null;
    setBusy(true);
    try {
      await uploadAttachment(dataProvider, DIRECTIVE_UPLOAD_DOCUMENT, record.id, file);
      if (old) await dataProvider.query(DIRECTIVE_DELETE_ATTACHMENT_DOCUMENT, { id: old.id });
      notify(old ? 'lantoa.directive.file_replaced' : 'lantoa.directive.file_attached', { type: 'success', messageArgs: { name: file.name } });
    } catch (err) {
      notify('lantoa.directive.file_failed', { type: 'error', messageArgs: { name: file.name, reason: uploadFailure(err, translate) } });
    }
    setBusy(false);
    refresh();
  };
  const remove = async (a: Attachment) => {
    try {
      await dataProvider.query(DIRECTIVE_DELETE_ATTACHMENT_DOCUMENT, { id: a.id });
      notify('lantoa.directive.file_removed', { type: 'info', messageArgs: { name: a.fileName } });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <Box>
      {record.attachments.length ? (
        <List dense disablePadding>
          {record.attachments.map((a) => (
            <ListItem key={a.id} disableGutters data-testid="directive-file-row">
              <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
                <DocumentLink a={a} />
                <Typography variant="caption" color="text.secondary">
                  {formatNumber(Math.max(1, Math.round(a.size / 1024)), locale)} KB · {formatDateTime(a.createdAt)}
                </Typography>
                {isAdmin && (
                  <>
                    <Button size="small" disabled={busy} onClick={() => pick(a)}>
                      {translate('lantoa.directive.replace_file')}
                    </Button>
                    <Button size="small" color="error" disabled={busy} onClick={() => remove(a)}>
                      {translate('lantoa.directive.remove_file')}
                    </Button>
                  </>
                )}
              </Stack>
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.directive.no_file')}
        </Typography>
      )}
      {isAdmin && (
        <>
          <Button
            sx={{ mt: 1 }}
            variant="outlined"
            size="small"
            disabled={busy}
            startIcon={busy ? <CircularProgress size={16} /> : <UploadIcon />}
            onClick={() => pick(null)}
            data-testid="attach-file"
          >
            {translate('lantoa.directive.attach_file')}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".pdf,.docx,.jpg,.jpeg,.png,.webp"
            data-testid="directive-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </>
      )}
    </Box>
  );
}
