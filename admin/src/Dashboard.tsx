import { Box, Card, CardContent, CircularProgress, Grid, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Title, useCanAccess, useDataProvider, useGetIdentity, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { LEVELS, TYPES } from './components/fields';
import type { LanToaDataProvider } from './dataProvider';
import { formatDateTime, formatNumber } from './format';
import { countsDocument } from './graphql/documents';
import { resourceOf } from './components/History';
import { TaskStatsCard } from './resources/tasks/TaskStatsCard';
import { ExemplarDashboard } from './resources/exemplars/ExemplarDashboard';
import { MediaDashboard } from './resources/media/MediaDashboard';
import { MyWorkPanel } from './my-work/MyWorkPanel';

// The chart library is its own chunk: the console's first screen does not wait for it.
const BarChart = lazy(() => import('./charts/CountChart'));

function useCounts(field: 'level' | 'type', values: readonly string[]) {
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const [counts, setCounts] = useState<{ key: string; count: number }[] | null>(null);
  useEffect(() => {
    const vars = Object.fromEntries(values.map((v, i) => [`v${i}`, v]));
    void dataProvider
      .query<Record<string, { totalCount: number }>>(countsDocument(field, values), vars)
      .then((data) => setCounts(values.map((v, i) => ({ key: v, count: data[`c${i}`]!.totalCount }))));
  }, [dataProvider, field, values]);
  return counts;
}

function CountCard({ title, group, values, field }: { title: string; group: string; values: readonly string[]; field: 'level' | 'type' }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const counts = useCounts(field, values);
  return (
    <Card sx={{ height: '100%' }} data-testid={`counts-${field}`}>
      <CardContent>
        <Typography variant="h6">{translate(title)}</Typography>
        {counts ? (
          <Suspense fallback={<CircularProgress size={24} />}>
            <BarChart
              data={counts.filter((c) => c.count > 0).map((c) => ({ label: translate(`lantoa.${group}.${c.key}`), value: c.count }))}
              seriesLabel={translate('lantoa.dashboard.count')}
              locale={locale}
            />
          </Suspense>
        ) : (
          <CircularProgress size={24} />
        )}
      </CardContent>
    </Card>
  );
}

function RecentChanges() {
  const translate = useTranslate();
  const { data, isPending } = useGetList('auditEvents', { pagination: { page: 1, perPage: 8 } });
  if (isPending) return <CircularProgress size={24} />;
  return (
    <Box component="ul" sx={{ pl: 2, m: 0 }} data-testid="recent-changes">
      {(data ?? []).map((e) => (
        <li key={e.id}>
          <Typography variant="body2">
            {formatDateTime(e.occurredAt)} · {e.actorName ?? translate('lantoa.common.system')} · {translate(`lantoa.action.${e.action}`, { _: e.action })}{' '}
            {translate(`lantoa.entity.${e.entityType}`, { _: e.entityType })}
            {e.changes?.length
              ? ` (${e.changes
                  .filter((c: { field: string }) => c.field !== 'id')
                  .map((c: { field: string }) => translate(`resources.${resourceOf(e.entityType)}.fields.${c.field}`, { _: c.field }))
                  .join(', ')})`
              : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [locale] = useLocaleState();
  const { canAccess: canSeeAudit } = useCanAccess({ resource: 'auditEvents', action: 'list' });
  const { total } = useGetList('organizations', { pagination: { page: 1, perPage: 1 } });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="lantoa.menu.dashboard" />
      <Typography variant="h5" gutterBottom>
        {translate('lantoa.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Typography variant="body1" sx={{ mb: 2 }}>
        {translate('lantoa.dashboard.total')}: <b data-testid="org-total">{total != null ? formatNumber(total, locale) : '…'}</b>
      </Typography>
      <Grid container spacing={2}>
        <Grid size={12}>
          <MyWorkPanel />
        </Grid>
        <ExemplarDashboard />
        <MediaDashboard />
        <Grid size={{ xs: 12, md: 6 }}>
          <CountCard title="lantoa.dashboard.by_level" group="level" values={LEVELS} field="level" />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <CountCard title="lantoa.dashboard.by_type" group="type" values={TYPES} field="type" />
        </Grid>
        <TaskStatsCard />
        <Grid size={12}>
          <Card>
            <CardContent>
              <Typography variant="h6">{translate('lantoa.dashboard.recent')}</Typography>
              {canSeeAudit ? <RecentChanges /> : <Typography variant="body2">{translate('lantoa.dashboard.no_audit')}</Typography>}
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
}
