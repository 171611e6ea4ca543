import { Button, CircularProgress, Link as MuiLink, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCanAccess, useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDateTime, formatNumber } from '../../format';
import { EXEMPLAR_COVERAGE_DOCUMENT } from '../../graphql/registry-media';
import { MediaStatusChip } from './MediaItemList';

interface Coverage {
  coverage: { count: number; lastPublishedAt: string | null };
  mediaItems: { totalCount: number; nodes: { id: string; title: string; status: string; publishedAt: string | null; outletName: string | null }[] };
}

/** On an exemplar's page: how often it has been covered, the items about it (any status), and a button to write one. */
export function ExemplarCoverage() {
  const record = useRecordContext<{ id: string; version: number }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const { canAccess: canWrite } = useCanAccess({ resource: 'mediaItems', action: 'create' });
  const [data, setData] = useState<Coverage | null>(null);
  useEffect(() => {
    if (!record?.id) return;
    void dataProvider.query<{ exemplar: Coverage | null }>(EXEMPLAR_COVERAGE_DOCUMENT, { id: record.id }).then((d) => setData(d.exemplar));
  }, [dataProvider, record?.id, record?.version]);
  if (!record) return null;
  const prefill = encodeURIComponent(JSON.stringify({ exemplarIds: [record.id], tone: 'PROMOTES_EXEMPLAR' }));
  return (
    <Stack spacing={1} data-testid="exemplar-coverage">
      {!data ? (
        <CircularProgress size={20} />
      ) : data.coverage.count ? (
        <Typography variant="body2">
          {translate('lantoa.media.coverage_count')}: <b data-testid="coverage-count">{formatNumber(data.coverage.count, locale)}</b> ·{' '}
          {translate('lantoa.media.coverage_last')}: {formatDateTime(data.coverage.lastPublishedAt)}
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.media.coverage_none')}
        </Typography>
      )}
      {!!data?.mediaItems.nodes.length && (
        <List dense disablePadding>
          {data.mediaItems.nodes.map((i) => (
            <ListItem key={i.id} disableGutters secondaryAction={<MediaStatusChip status={i.status} />}>
              <ListItemText
                primary={
                  <MuiLink component={Link} to={`/mediaItems/${i.id}/show`}>
                    {i.title}
                  </MuiLink>
                }
                secondary={[i.outletName, formatDateTime(i.publishedAt)].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {canWrite && (
        <Button
          component={Link}
          to={`/mediaItems/create?source=${prefill}`}
          variant="outlined"
          size="small"
          sx={{ alignSelf: 'flex-start' }}
          data-testid="write-about"
        >
          {translate('lantoa.media.write_about')}
        </Button>
      )}
    </Stack>
  );
}
