import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { downloadCsv, toCsv, type CsvColumn } from '../csv';
import type { LanToaDataProvider } from '../dataProvider';

/**
 * Exports the whole filtered list (not the 1,000 rows of react-admin's
 * ExportButton): pages of 200 with keyset cursors, then one CSV file.
 */
export function ExportCsvButton<T>({ columns, filename }: { columns: (translate: (k: string, o?: object) => string) => CsvColumn<T>[]; filename?: string }) {
  const { filterValues, sort, total } = useListContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const run = async () => {
    setProgress({ done: 0, total: total ?? 0 });
    try {
      const rows = await dataProvider.getAll(resource, { filter: filterValues, sort }, (done, all) => setProgress({ done, total: all }));
      downloadCsv(toCsv(rows as T[], columns(translate)), filename ?? resource);
      notify('lantoa.export.done', { type: 'success', messageArgs: { smart_count: rows.length } });
    } catch (err) {
      notify((err as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button
      size="small"
      onClick={run}
      disabled={!!progress || !total}
      startIcon={progress ? <CircularProgress size={14} /> : <DownloadIcon />}
      data-testid="export-csv"
      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {progress ? translate('lantoa.export.progress', { done: progress.done, total: progress.total }) : translate('lantoa.export.label')}
    </Button>
  );
}
