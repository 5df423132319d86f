import type { ImpactTotals } from '../../queries-dashboard';
import { ChartFigure, NARROW, useWidth } from './chart-frame';
import { IMPACTS, int, plural, withUnit } from './labels';

const PAIR = [
  { key: 'implemented', label: 'Mises en œuvre', className: 'impact-done' },
  { key: 'inStudy', label: 'À l’étude', className: 'impact-study' },
] as const;

/**
 * For each impact, what the implemented synergies achieve next to what the synergies in study
 * would add. Each pair has its own scale (tonnes and MWh do not compare) and a zero line, since
 * CO₂e avoided turns negative when trucks emit more than the exchange saves.
 */
export function ImpactChart({ implemented, inStudy }: { implemented: ImpactTotals; inStudy: ImpactTotals }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const narrow = width < NARROW;
  const valueWidth = 150;
  const labelWidth = narrow ? 0 : Math.min(150, Math.round(width * 0.26));
  const x0 = narrow ? 0 : labelWidth + 8;
  const span = Math.max(10, width - x0 - valueWidth);
  const titleHeight = 22;
  const rowHeight = narrow ? 40 : 26;
  const barHeight = 16;
  const groupHeight = titleHeight + 2 * rowHeight + 12;
  const totals = { implemented, inStudy };

  const label = 'Impacts annuels estimés, mises en œuvre puis à l’étude : '
    + IMPACTS.map((m) => `${m.label.toLowerCase()} ${withUnit(implemented[m.key], m.unit)} et ${withUnit(inStudy[m.key], m.unit)}`).join(' ; ') + '.';

  return (
    <ChartFigure
      id="impacts"
      title="Impacts annuels estimés : réalisés et à portée"
      rowHeader="Impact"
      rows={[...IMPACTS.map((m) => `${m.label} (${m.unit})`), 'Synergies comptées']}
      columns={PAIR.map((p) => ({
        header: p.label,
        cells: [...IMPACTS.map((m) => withUnit(totals[p.key][m.key], m.unit)), int(totals[p.key].synergyCount)],
      }))}
      note={<>
        {plural(implemented.synergyCount, 'synergie mise en œuvre', 'synergies mises en œuvre')} et {plural(inStudy.synergyCount, 'synergie à l’étude', 'synergies à l’étude')}.
        Ordres de grandeur calculés avec les facteurs d’émission de l’ADEME (Base Empreinte), pas un bilan carbone certifié ;
        le transport routier induit est déjà déduit des émissions évitées.
      </>}
    >
      <div ref={ref} class="chart-canvas">
        <ul class="chart-legend" aria-hidden="true">
          {PAIR.map((p) => <li key={p.key}><span class={`swatch ${p.className}`} /> {p.label}</li>)}
        </ul>
        <svg class="impact-chart" viewBox={`0 0 ${width} ${IMPACTS.length * groupHeight}`} width="100%" role="img" aria-label={label}>
          {IMPACTS.map((m, g) => {
            const values = PAIR.map((p) => totals[p.key][m.key]);
            const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
            const scale = (v: number) => x0 + ((v - lo) / (hi - lo || 1)) * span;
            const zero = scale(0);
            const top = g * groupHeight;
            return (
              <g key={m.key}>
                <text class="group-title" x={0} y={top + 15}>{m.label}</text>
                {PAIR.map((p, i) => {
                  const v = values[i];
                  const rowTop = top + titleHeight + i * rowHeight;
                  const barY = narrow ? rowTop + 18 : rowTop + (rowHeight - barHeight) / 2;
                  const left = Math.min(zero, scale(v)), w = Math.abs(scale(v) - zero);
                  return (
                    <g key={p.key}>
                      <text class="bar-label" x={narrow ? 0 : 12} y={narrow ? rowTop + 13 : barY + barHeight / 2} dy={narrow ? 0 : '0.35em'}>{p.label}</text>
                      {v !== 0 && <rect class={`bar ${p.className}`} x={left} y={barY} width={Math.max(1.5, w)} height={barHeight} />}
                      <text class="bar-value" x={Math.max(zero, scale(v)) + 6} y={barY + barHeight / 2} dy="0.35em">{withUnit(v, m.unit)}</text>
                    </g>
                  );
                })}
                <line class="axis" x1={zero} x2={zero} y1={top + titleHeight} y2={top + titleHeight + 2 * rowHeight} />
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}
