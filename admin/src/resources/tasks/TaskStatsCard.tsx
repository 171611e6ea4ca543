import { Card, CardContent, CircularProgress, Grid, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useDataProvider, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import type { LanToaDataProvider } from '../../dataProvider';
import { ORG_WITH_ANCESTORS_DOCUMENT, TASK_STATS_DOCUMENT } from '../../graphql/registry-directives';
import type { StatsRow } from './TaskStatsChart';

// The chart library stays out of the first screen's chunk, as the other dashboard charts.
const TaskStatsChart = lazy(() => import('./TaskStatsChart'));

interface Org {
  id: string;
  name: string;
  level: string;
}
interface Stats extends Omit<StatsRow, 'label'> {
  organizationId: string;
  organization: Org | null;
  total: number;
}

/** The province committee above the caller's organization (or that organization, when it is the top). */
async function provinceOf(dp: LanToaDataProvider, id: string): Promise<Org | null> {
  const { organization } = await dp.query<{ organization: (Org & { ancestors: Org[] }) | null }>(ORG_WITH_ANCESTORS_DOCUMENT, { id });
  if (!organization) return null;
  return [organization, ...[...organization.ancestors].reverse()].find((o) => o.level === 'PROVINCE') ?? organization;
}

/** Dashboard: tasks by deadline status, one bar per district (child organization) of the province. */
export function TaskStatsCard() {
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const [data, setData] = useState<{ org: Org; rows: StatsRow[] } | null>(null);
  const orgId = identity?.organizationId as string | undefined;

  useEffect(() => {
    if (!orgId) return;
    let live = true;
    void (async () => {
      const top = await provinceOf(dataProvider, orgId);
      if (!top) return;
      const { organization } = await dataProvider.query<{ organization: { taskStats: Stats[] } | null }>(TASK_STATS_DOCUMENT, { id: top.id });
      const rows = (organization?.taskStats ?? [])
        .filter((s) => s.total > 0)
        .sort((a, b) => b.openOverdue - a.openOverdue || (a.organization?.name ?? '').localeCompare(b.organization?.name ?? '', 'vi'))
        .map((s) => ({
          label: s.organizationId === top.id ? translate('lantoa.dashboard_tasks.own', { name: top.name }) : (s.organization?.name ?? s.organizationId),
          doneOnTime: s.doneOnTime,
          doneLate: s.doneLate,
          openWithinDeadline: s.openWithinDeadline,
          openOverdue: s.openOverdue,
        }));
      if (live) setData({ org: top, rows });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [dataProvider, orgId, translate]);

  const labels = Object.fromEntries(['OPEN_OVERDUE', 'OPEN_WITHIN_DEADLINE', 'DONE_LATE', 'DONE_ON_TIME'].map((s) => [s, translate(`lantoa.deadline.${s}`)]));
  return (
    <Grid size={12}>
      <Card data-testid="task-stats">
        <CardContent>
          <Typography variant="h6">{translate('lantoa.dashboard_tasks.title', { name: data?.org.name ?? '…' })}</Typography>
          {!data ? (
            <CircularProgress size={24} />
          ) : data.rows.length ? (
            <Suspense fallback={<CircularProgress size={24} />}>
              <TaskStatsChart rows={data.rows} labels={labels} locale={locale} />
            </Suspense>
          ) : (
            <Typography variant="body2">{translate('lantoa.dashboard_tasks.empty')}</Typography>
          )}
        </CardContent>
      </Card>
    </Grid>
  );
}
