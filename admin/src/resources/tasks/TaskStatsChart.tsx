import { BarChart } from '@mui/x-charts/BarChart';
import { DEADLINE_COLOURS } from '../directives/common';

export interface StatsRow {
  label: string;
  doneOnTime: number;
  doneLate: number;
  openWithinDeadline: number;
  openOverdue: number;
}

const SERIES = [
  ['openOverdue', 'OPEN_OVERDUE'],
  ['openWithinDeadline', 'OPEN_WITHIN_DEADLINE'],
  ['doneLate', 'DONE_LATE'],
  ['doneOnTime', 'DONE_ON_TIME'],
] as const;

/** Tasks per unit as stacked bars, one colour per deadline status (loaded lazily with @mui/x-charts). */
export default function TaskStatsChart({ rows, labels, locale }: { rows: StatsRow[]; labels: Record<string, string>; locale: string }) {
  const fmt = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN');
  const format = (v: number | null) => (v ? fmt.format(v) : '');
  return (
    <BarChart
      height={Math.max(180, rows.length * 34 + 90)}
      layout="horizontal"
      skipAnimation
      yAxis={[{ scaleType: 'band', data: rows.map((r) => r.label), width: 240 }]}
      xAxis={[{ valueFormatter: format, tickNumber: 4 }]}
      series={SERIES.map(([key, status]) => ({
        data: rows.map((r) => r[key]),
        label: labels[status],
        stack: 'tasks',
        color: DEADLINE_COLOURS[status],
        valueFormatter: format,
      }))}
      margin={{ left: 8, right: 24 }}
    />
  );
}
