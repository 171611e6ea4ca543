import DeleteIcon from '@mui/icons-material/Delete';
import DescriptionIcon from '@mui/icons-material/Description';
import UploadIcon from '@mui/icons-material/CloudUpload';
import { Box, CircularProgress, IconButton, ImageList, ImageListItem, ImageListItemBar, Link, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useCanAccess, useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate, type TranslateFunction } from 'react-admin';
import { authorizedFetch, inScope, type ScopedOrganization } from '../auth/records';
import type { LanToaDataProvider } from '../dataProvider';

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  url: string;
  thumbnailUrl?: string | null;
}

/** A file of the gateway fetched with the Authorization header, as an object URL for <img> and links. */
function useObjectUrl(path: string | null | undefined) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!path) return;
    let live = true;
    let made: string | null = null;
    void authorizedFetch(path)
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        made = URL.createObjectURL(await res.blob());
        if (live) setUrl(made);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path]);
  return { url, failed };
}

function Thumbnail({ a }: { a: Attachment }) {
  const { url } = useObjectUrl(a.thumbnailUrl ?? a.url);
  const full = useRef<string | null>(null);
  // The full-size file opens in a new tab, fetched with the header too.
  const openFull = async () => {
    const res = await authorizedFetch(a.url);
    if (!res.ok) return;
    full.current = URL.createObjectURL(await res.blob());
    window.open(full.current, '_blank', 'noopener');
  };
  return url ? (
    <img
      src={url}
      alt={a.fileName}
      loading="lazy"
      onClick={openFull}
      style={{ cursor: 'zoom-in', objectFit: 'cover', width: '100%', height: 160 }}
      data-testid="gallery-image"
    />
  ) : (
    <Box sx={{ height: 160, display: 'grid', placeItems: 'center' }}>
      <CircularProgress size={20} />
    </Box>
  );
}

/** A document's name as a link that downloads it with the session's header. */
export function DocumentLink({ a }: { a: Attachment }) {
  const download = async () => {
    const res = await authorizedFetch(a.url);
    if (!res.ok) return;
    const href = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = href;
    link.download = a.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <DescriptionIcon fontSize="small" />
      <Link component="button" onClick={download}>
        {a.fileName}
      </Link>
    </Stack>
  );
}

/** Uploads one file: a signed URL from `uploadDocument` (variables recordId, fileName, size), then a PUT of the bytes to the gateway. */
export async function uploadAttachment(dataProvider: LanToaDataProvider, uploadDocument: string, recordId: string, file: File): Promise<void> {
  const { upload } = await dataProvider.query<{ upload: { uploadUrl: string } }>(uploadDocument, { recordId, fileName: file.name, size: file.size });
  const res = await authorizedFetch(upload.uploadUrl, {
    method: 'PUT',
    body: file,
    headers: { 'content-type': file.type || 'application/octet-stream' },
  });
  if (res.status !== 201) {
    const body = (await res.json().catch(() => ({}))) as { errors?: { message: string }[]; message?: string };
    throw new Error(body.errors?.[0]?.message ?? body.message ?? res.statusText);
  }
}

/** Why an upload failed, in the user's language (the API's field messages are translation keys). */
export function uploadFailure(err: unknown, translate: TranslateFunction): string {
  const e = err as { message: string; body?: { errors?: Record<string, string> } };
  return e.body?.errors
    ? Object.values(e.body.errors)
        .map((k) => translate(k, { _: k }))
        .join('; ')
    : translate(e.message, { _: e.message });
}

export interface GalleryProps {
  /** The resource whose edit right lets one upload and remove files (exemplars, mediaItems). */
  resource: string;
  /** Asks for a signed upload URL; variables recordId, fileName and size, answer `upload { uploadUrl }`. */
  uploadDocument: string;
  /** Removes one attachment; variable id. */
  deleteDocument: string;
  /** The record's organization (with ancestors): editors of its subtree may change the files. */
  scopeOf: (record: Record<string, unknown>) => ScopedOrganization | null | undefined;
}

/**
 * Photos as a gallery (thumbnails fetched with the session's header) and
 * documents as links; editors drop files on the zone (or pick them) to
 * upload: a signed URL from the API, then a PUT of the bytes to the gateway.
 * The kit's attachments behave the same for every subgraph: only the
 * documents and the record's organization differ.
 */
export function AttachmentGallery({ resource, uploadDocument, deleteDocument, scopeOf }: GalleryProps) {
  const record = useRecordContext<{ id: string; attachments: Attachment[] } & Record<string, unknown>>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const { canAccess: mayEdit } = useCanAccess({ resource, action: 'edit' });
  const { identity } = useGetIdentity();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  if (!record?.attachments) return null;
  const canEdit = !!mayEdit && inScope(identity, scopeOf(record));

  const upload = async (files: File[]) => {
    for (const file of files) {
      setBusy(file.name);
      try {
        await uploadAttachment(dataProvider, uploadDocument, record.id, file);
        notify('lantoa.exemplar.uploaded', { type: 'success', messageArgs: { name: file.name } });
      } catch (err) {
        notify('lantoa.exemplar.upload_failed', { type: 'error', messageArgs: { name: file.name, reason: uploadFailure(err, translate) } });
      }
    }
    setBusy(null);
    refresh();
  };

  const remove = async (id: string) => {
    try {
      await dataProvider.query(deleteDocument, { id });
      notify('lantoa.exemplar.file_removed', { type: 'info' });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  const images = record.attachments.filter((a) => a.mimeType.startsWith('image/'));
  const documents = record.attachments.filter((a) => !a.mimeType.startsWith('image/'));
  return (
    <Box data-testid="gallery">
      {images.length ? (
        <ImageList cols={4} gap={8} sx={{ mt: 0 }}>
          {images.map((a) => (
            <ImageListItem key={a.id}>
              <Thumbnail a={a} />
              <ImageListItemBar
                title={a.fileName}
                actionIcon={
                  canEdit ? (
                    <IconButton sx={{ color: 'white' }} aria-label={translate('lantoa.exemplar.remove_file')} onClick={() => remove(a.id)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  ) : undefined
                }
              />
            </ImageListItem>
          ))}
        </ImageList>
      ) : null}
      {documents.map((a) => (
        <DocumentLink key={a.id} a={a} />
      ))}
      {!record.attachments.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.exemplar.no_files')}
        </Typography>
      )}
      {canEdit && (
        <Box
          data-testid="dropzone"
          role="button"
          tabIndex={0}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void upload([...e.dataTransfer.files]);
          }}
          sx={{
            mt: 2,
            p: 3,
            border: '2px dashed',
            borderColor: over ? 'primary.main' : 'divider',
            borderRadius: 2,
            textAlign: 'center',
            cursor: 'pointer',
            bgcolor: over ? 'action.hover' : undefined,
          }}
        >
          {busy ? <CircularProgress size={20} /> : <UploadIcon color="action" />}
          <Typography variant="body2">{busy ? translate('lantoa.exemplar.uploading', { name: busy }) : translate('lantoa.exemplar.drop_here')}</Typography>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept=".jpg,.jpeg,.png,.webp,.pdf,.docx"
            data-testid="file-input"
            onChange={(e) => {
              void upload([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </Box>
      )}
    </Box>
  );
}
