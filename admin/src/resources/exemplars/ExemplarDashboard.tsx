import { Card, CardContent, CircularProgress, Grid, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDate, formatNumber } from '../../format';
import { STATS_DOCUMENT } from '../../graphql/registry-exemplars';
import { useProvince } from '../../hooks/useProvince';

// The chart library is its own chunk, as for the organizations' charts.
const StackedChart = lazy(() => import('../../charts/StackedChart'));

/** The review period of Kết luận 01-KL/TW's three years (the article's 1.567). */
const REVIEW = { from: '2021-05-18', to: '2024-05-16' };

interface Row {
  count: number;
  year: number | null;
  organizationId: string | null;
  organization: { id: string; name: string; shortName?: string | null } | null;
}

/**
 * The dashboard's exemplar cards: the count behind "1.567 điển hình được biểu
 * dương, khen thưởng" (the province, over the review period, no grouping) and
 * the honoured exemplars by district and year as a chart.
 */
export function ExemplarDashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const province = useProvince();
  const [total, setTotal] = useState<number | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    if (!province) return;
    const filter = { organizationId: province, includeDescendants: true };
    void dataProvider
      .query<{ rows: Row[] | null }>(STATS_DOCUMENT, { filter, input: { groupBy: [], honouredFrom: REVIEW.from, honouredTo: REVIEW.to } })
      .then((d) => setTotal(d.rows?.[0]?.count ?? 0));
    void dataProvider
      .query<{ rows: Row[] | null }>(STATS_DOCUMENT, { filter, input: { groupBy: ['DISTRICT', 'YEAR'], honouredOnly: true } })
      .then((d) => setRows(d.rows ?? []));
  }, [dataProvider, province]);

  const nameOf = (r: Row) => r.organization?.name ?? translate('lantoa.exemplar_dashboard.other');
  const districts = rows ? [...new Set(rows.map(nameOf))].sort((a, b) => a.localeCompare(b, 'vi')) : [];
  const years = rows ? [...new Set(rows.map((r) => r.year).filter((y): y is number => y != null))].sort() : [];
  const counts = (d: string, y: number) => rows?.filter((r) => nameOf(r) === d && r.year === y).reduce((s, r) => s + r.count, 0) ?? 0;

  return (
    <>
      <Grid size={12}>
        <Card data-testid="exemplar-review-total">
          <CardContent>
            <Typography variant="body1">
              {translate('lantoa.exemplar_dashboard.review_total', { from: formatDate(REVIEW.from), to: formatDate(REVIEW.to) })}
            </Typography>
            <Typography variant="h3" color="primary" data-testid="exemplar-review-count">
              {total == null ? '…' : formatNumber(total, locale)}
            </Typography>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={12}>
        <Card data-testid="exemplar-chart">
          <CardContent>
            <Typography variant="h6">{translate('lantoa.exemplar_dashboard.by_district_year')}</Typography>
            {rows == null ? (
              <CircularProgress size={24} />
            ) : rows.length ? (
              <Suspense fallback={<CircularProgress size={24} />}>
                <StackedChart bands={districts} series={years.map(String)} value={(d, y) => counts(d, Number(y))} locale={locale} />
              </Suspense>
            ) : (
              <Typography variant="body2">{translate('lantoa.exemplar_dashboard.none')}</Typography>
            )}
          </CardContent>
        </Card>
      </Grid>
    </>
  );
}
