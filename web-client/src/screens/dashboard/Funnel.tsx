import type { FunnelStage } from '../../queries-dashboard';
import { ChartFigure, NARROW, useWidth } from './chart-frame';
import { days, int, plural, STATUS_LABELS } from './labels';

/**
 * How far the tracked synergies went: one centred bar per stage (identified → implemented), as
 * wide as the synergies that reached it, joined by a band that shows the loss between stages.
 * Abandoned synergies leave the funnel: they get their own bar below it.
 */
export function Funnel({ total, stages }: { total: number; stages: FunnelStage[] }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const narrow = width < NARROW;
  const path = stages.filter((s) => s.status !== 'ABANDONED');
  const abandoned = stages.find((s) => s.status === 'ABANDONED');
  const labelWidth = narrow ? 0 : Math.min(170, Math.round(width * 0.3));
  const x0 = narrow ? 0 : labelWidth + 8;
  const span = Math.max(10, width - x0);
  const rowHeight = narrow ? 48 : 36;
  const barHeight = 24;
  const max = Math.max(1, total, ...path.map((s) => s.reached));
  const rows = [...path, ...(abandoned ? [abandoned] : [])];
  const height = rows.length * rowHeight + (abandoned ? 12 : 0);

  const geometry = rows.map((s, i) => {
    const top = i * rowHeight + (s.status === 'ABANDONED' ? 12 : 0);
    const w = s.reached > 0 ? Math.max(2, (s.reached / max) * span) : 0;
    return { s, top, barY: narrow ? top + 20 : top + (rowHeight - barHeight) / 2, x: x0 + (span - w) / 2, w };
  });
  const label = `Parcours des ${plural(total, 'synergie suivie', 'synergies suivies')}, nombre ayant atteint chaque étape : `
    + rows.map((s) => `${STATUS_LABELS[s.status].toLowerCase()} ${int(s.reached)}`).join(', ') + '.';

  return (
    <ChartFigure
      id="funnel"
      title="Parcours des synergies : combien ont atteint chaque étape"
      rowHeader="Étape"
      rows={rows.map((s) => STATUS_LABELS[s.status])}
      columns={[
        { header: 'Ont atteint l’étape', cells: rows.map((s) => int(s.reached)) },
        { header: 'Y sont aujourd’hui', cells: rows.map((s) => int(s.current)) },
        { header: 'Durée médiane des passages terminés', cells: rows.map((s) => days(s.medianDays)) },
        { header: 'Durée médiane en cours', cells: rows.map((s) => days(s.currentMedianDays)) },
      ]}
      note="Une étape sautée compte comme atteinte. Les durées sont des médianes, en jours."
    >
      <div ref={ref} class="chart-canvas">
        <svg class="funnel-chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label}>
          {geometry.slice(0, path.length - 1).map((g, i) => {
            const next = geometry[i + 1];
            if (!g.w || !next.w) return null;
            const y1 = g.barY + barHeight, y2 = next.barY;
            return <polygon key={`band-${g.s.status}`} class="funnel-band" points={`${g.x},${y1} ${g.x + g.w},${y1} ${next.x + next.w},${y2} ${next.x},${y2}`} />;
          })}
          {geometry.map(({ s, top, barY, x, w }) => {
            const inside = w >= 44;
            return (
              <g key={s.status}>
                <text class="bar-label" x={0} y={narrow ? top + 14 : barY + barHeight / 2} dy={narrow ? 0 : '0.35em'}>{STATUS_LABELS[s.status]}</text>
                {w > 0 && <rect class={`bar stage-${s.status}`} x={x} y={barY} width={w} height={barHeight} />}
                <text class={inside ? 'bar-inner' : 'bar-value'} x={inside ? x + w / 2 : x + w + 6} y={barY + barHeight / 2} dy="0.35em" text-anchor={inside ? 'middle' : 'start'}>
                  {int(s.reached)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}
