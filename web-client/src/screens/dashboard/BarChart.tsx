import { int } from './labels';
import { NARROW, useWidth } from './chart-frame';

export interface BarRow {
  label: string;
  /** One value per series, stacked left to right. */
  values: number[];
  /** Colours this row's bar instead of the series' (e.g. one colour per economy). */
  className?: string;
}
export interface BarSeries { name: string; className: string }

const VALUE_WIDTH = 56;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Horizontal bars, stacked when there are several series, each row labelled and ending with its
 * total. Counts only (integers): what the dashboard's bar charts show.
 */
export function BarChart({ rows, series, label }: { rows: BarRow[]; series: BarSeries[]; label: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const narrow = width < NARROW;
  const labelWidth = narrow ? 0 : Math.min(210, Math.round(width * 0.36));
  const x0 = narrow ? 0 : labelWidth + 8;
  const span = Math.max(10, width - x0 - VALUE_WIDTH);
  const rowHeight = narrow ? 44 : 30;
  const barHeight = 20;
  const max = Math.max(1, ...rows.map((r) => sum(r.values)));
  const height = rows.length * rowHeight + 2;
  return (
    <div ref={ref} class="chart-canvas">
      {series.length > 1 && (
        <ul class="chart-legend" aria-hidden="true">
          {series.map((s) => <li key={s.name}><span class={`swatch ${s.className}`} /> {s.name}</li>)}
        </ul>
      )}
      <svg class="bar-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label}>
        {rows.map((row, i) => {
          const top = i * rowHeight;
          const barY = narrow ? top + 20 : top + (rowHeight - barHeight) / 2;
          let x = x0;
          const segments = row.values.map((v, s) => {
            const w = (v / max) * span;
            const seg = { x, w, v, className: row.className ?? series[s].className };
            x += w;
            return seg;
          });
          return (
            <g key={row.label}>
              <text class="bar-label" x={0} y={narrow ? top + 14 : barY + barHeight / 2} dy={narrow ? 0 : '0.35em'}>{row.label}</text>
              {segments.map((s, k) => s.v > 0 && (
                <g key={k}>
                  <rect class={`bar ${s.className}`} x={s.x} y={barY} width={Math.max(1, s.w)} height={barHeight} />
                  {series.length > 1 && s.w >= 22 && <text class="bar-inner" x={s.x + s.w / 2} y={barY + barHeight / 2} dy="0.35em" text-anchor="middle">{int(s.v)}</text>}
                </g>
              ))}
              <text class="bar-value" x={x + 6} y={barY + barHeight / 2} dy="0.35em">{int(sum(row.values))}</text>
            </g>
          );
        })}
        <line class="axis" x1={x0} x2={x0} y1={0} y2={height} />
      </svg>
    </div>
  );
}
