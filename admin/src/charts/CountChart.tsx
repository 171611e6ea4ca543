import { BarChart } from '@mui/x-charts/BarChart';

/** A horizontal bar chart of counts (loaded lazily with @mui/x-charts). */
export default function CountChart({ data, seriesLabel }: { data: { label: string; value: number }[]; seriesLabel: string }) {
  return (
    <BarChart
      height={Math.max(160, data.length * 34 + 40)}
      layout="horizontal"
      yAxis={[{ scaleType: 'band', data: data.map((d) => d.label), width: 190 }]}
      series={[{ data: data.map((d) => d.value), label: seriesLabel }]}
      hideLegend
      margin={{ left: 8, right: 16 }}
    />
  );
}
