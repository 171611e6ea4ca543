import { BarChart } from '@mui/x-charts/BarChart';

const COLORS = ['#b71c1c', '#e65100', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#4e342e'];

/** Honoured exemplars per district (bands) and year (one series each), loaded lazily with @mui/x-charts. */
export default function HonouredChart({
  districts,
  years,
  counts,
  locale,
}: {
  districts: string[];
  years: number[];
  counts: (district: string, year: number) => number;
  locale: string;
}) {
  const fmt = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN');
  const format = (v: number | null) => (v == null ? '' : fmt.format(v));
  return (
    <BarChart
      height={Math.max(220, districts.length * 44 + 80)}
      layout="horizontal"
      skipAnimation
      colors={COLORS}
      yAxis={[{ scaleType: 'band', data: districts, width: 200 }]}
      xAxis={[{ valueFormatter: format, tickNumber: 5 }]}
      series={years.map((y) => ({ data: districts.map((d) => counts(d, y)), label: String(y), stack: 'years', valueFormatter: format }))}
      margin={{ left: 8, right: 24 }}
    />
  );
}
