import {
  Card,
  CardContent,
  CircularProgress,
  Grid,
  Link as MuiLink,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { LanToaDataProvider } from '../../dataProvider';
import { formatDate, todayInVietnam } from '../../format';
import { COVERAGE_STATS_DOCUMENT, UNCOVERED_DOCUMENT } from '../../graphql/registry-media';
import { useProvince } from '../../hooks/useProvince';

const StackedChart = lazy(() => import('../../charts/StackedChart'));

const TODO_SHOWN = 10;

/** The periods the cards offer, as day ranges in the province's calendar. */
function periodOf(key: string): { from: string; to: string } {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  switch (key) {
    case 'last_year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'three_years':
      return { from: `${year - 3}${today.slice(4)}`, to: today };
    case 'review':
      return { from: '2021-05-18', to: '2024-05-16' };
    default:
      return { from: `${year}-01-01`, to: today };
  }
}
const PERIODS = ['this_year', 'last_year', 'three_years', 'review'];

interface Uncovered {
  totalCount: number;
  nodes: { honouredOn: string; exemplar: { id: string; name: string; organization: { id: string; name: string } | null } }[];
}
interface StatsRow {
  count: number;
  month: string | null;
  outlet: { id: string; name: string; shortName?: string | null } | null;
}

/** The communications staff's to-do list: exemplars honoured in the period with no published item yet, each a link. */
function TodoList({ list }: { list: Uncovered | null }) {
  const translate = useTranslate();
  if (!list) return <CircularProgress size={24} />;
  if (!list.totalCount) return <Typography variant="body2">{translate('lantoa.media_dashboard.todo_none')}</Typography>;
  return (
    <>
      <List dense data-testid="media-todo-list">
        {list.nodes.map((n) => (
          <ListItem key={n.exemplar.id} disableGutters>
            <ListItemText
              primary={
                <MuiLink component={Link} to={`/exemplars/${n.exemplar.id}/show`}>
                  {n.exemplar.name}
                </MuiLink>
              }
              secondary={`${n.exemplar.organization?.name ?? ''} · ${translate('lantoa.media_dashboard.honoured_on', { day: formatDate(n.honouredOn) })}`}
            />
          </ListItem>
        ))}
      </List>
      {list.totalCount > list.nodes.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('lantoa.media_dashboard.todo_more', { count: list.totalCount - list.nodes.length })}
        </Typography>
      )}
    </>
  );
}

/** Published items by month (bands) and outlet (stacked series). */
function CoverageChart({ rows }: { rows: StatsRow[] | null }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!rows) return <CircularProgress size={24} />;
  if (!rows.length) return <Typography variant="body2">{translate('lantoa.media_dashboard.coverage_none')}</Typography>;
  const monthLabel = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '—');
  const outletName = (r: StatsRow) => r.outlet?.shortName ?? r.outlet?.name ?? '—';
  const months = [...new Set(rows.map((r) => r.month ?? ''))].sort().map(monthLabel);
  const outlets = [...new Set(rows.map(outletName))].sort((a, b) => a.localeCompare(b, 'vi'));
  const value = (month: string, outlet: string) =>
    rows.filter((r) => monthLabel(r.month) === month && outletName(r) === outlet).reduce((s, r) => s + r.count, 0);
  return (
    <Suspense fallback={<CircularProgress size={24} />}>
      <StackedChart bands={months} series={outlets} value={value} locale={locale} />
    </Suspense>
  );
}

/**
 * The dashboard's media cards, over the caller's province and a period the
 * user picks (this year by default): coverage by outlet and month, and the
 * honoured exemplars that no published item has covered yet.
 */
export function MediaDashboard() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LanToaDataProvider>();
  const province = useProvince();
  const [period, setPeriod] = useState('this_year');
  const [todo, setTodo] = useState<Uncovered | null>(null);
  const [rows, setRows] = useState<StatsRow[] | null>(null);
  useEffect(() => {
    if (!province) return;
    const { from, to } = periodOf(period);
    setTodo(null);
    setRows(null);
    void dataProvider
      .query<{ list: Uncovered }>(UNCOVERED_DOCUMENT, { from, to, organizationId: province, first: TODO_SHOWN })
      .then((d) => setTodo(d.list))
      .catch(() => setTodo({ totalCount: 0, nodes: [] }));
    void dataProvider
      .query<{ rows: StatsRow[] }>(COVERAGE_STATS_DOCUMENT, { input: { groupBy: ['OUTLET', 'MONTH'], publishedFrom: from, publishedTo: to } })
      .then((d) => setRows(d.rows))
      .catch(() => setRows([]));
  }, [dataProvider, province, period]);

  return (
    <>
      <Grid size={12}>
        <Stack direction="row" justifyContent="flex-end">
          <TextField
            select
            size="small"
            label={translate('lantoa.media_dashboard.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            sx={{ minWidth: 320 }}
            slotProps={{ htmlInput: { 'data-testid': 'media-period' } }}
          >
            {PERIODS.map((p) => (
              <MenuItem key={p} value={p}>
                {translate(`lantoa.media_dashboard.${p}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card sx={{ height: '100%' }} data-testid="media-todo">
          <CardContent>
            <Typography variant="h6">{translate('lantoa.media_dashboard.todo')}</Typography>
            <TodoList list={todo} />
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card sx={{ height: '100%' }} data-testid="media-coverage-chart">
          <CardContent>
            <Typography variant="h6">{translate('lantoa.media_dashboard.coverage_chart')}</Typography>
            <CoverageChart rows={rows} />
          </CardContent>
        </Card>
      </Grid>
    </>
  );
}
