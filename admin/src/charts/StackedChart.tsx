import { BarChart } from '@mui/x-charts/BarChart';

const COLORS = ['#b71c1c', '#e65100', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#4e342e'];

/**
 * Horizontal stacked bars, loaded lazily with @mui/x-charts: one band per
 * row (a district, an outlet) and one stacked series per column (a year, a
 * month); numbers grouped as the language groups them.
 */
export default function StackedChart({
  bands,
  series,
  value,
  locale,
}: {
  bands: string[];
  series: string[];
  value: (band: string, series: string) => number;
  locale: string;
}) {
  const fmt = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN');
  const format = (v: number | null) => (v == null ? '' : fmt.format(v));
  return (
    <BarChart
      height={Math.max(220, bands.length * 44 + 80)}
      layout="horizontal"
      skipAnimation
      colors={COLORS}
      yAxis={[{ scaleType: 'band', data: bands, width: 200 }]}
      xAxis={[{ valueFormatter: format, tickNumber: 5, tickMinStep: 1 }]}
      series={series.map((s) => ({ data: bands.map((b) => value(b, s)), label: s, stack: 'total', valueFormatter: format }))}
      margin={{ left: 8, right: 24 }}
    />
  );
}
