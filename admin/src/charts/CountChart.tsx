import { BarChart } from '@mui/x-charts/BarChart';

/** A horizontal bar chart of counts (loaded lazily with @mui/x-charts); numbers grouped as the language groups them. */
export default function CountChart({ data, seriesLabel, locale }: { data: { label: string; value: number }[]; seriesLabel: string; locale: string }) {
  const fmt = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN');
  const format = (v: number | null) => (v == null ? '' : fmt.format(v));
  return (
    <BarChart
      height={Math.max(140, data.length * 34 + 50)}
      layout="horizontal"
      skipAnimation
      colors={['#b71c1c']}
      yAxis={[{ scaleType: 'band', data: data.map((d) => d.label), width: 200 }]}
      xAxis={[{ valueFormatter: format, tickNumber: 4 }]}
      series={[
        { data: data.map((d) => d.value), label: seriesLabel, valueFormatter: format, barLabel: (item) => format(item.value), barLabelPlacement: 'outside' },
      ]}
      hideLegend
      margin={{ left: 8, right: 72 }}
    />
  );
}
