import { ECONOMY_LABELS, FAMILY_LABELS, KIND_LABELS } from '../../format';
import type { DashboardData } from './types';
import { BarChart, BarRow, BarSeries } from './BarChart';
import { ChartFigure } from './chart-frame';
import { Funnel } from './Funnel';
import { ImpactChart } from './ImpactChart';
import { int, plural, STATUS_LABELS } from './labels';

/** A bar chart of counts in its figure, the aria-label listing every row. */
function CountChart({ id, title, rowHeader, rows, series }: { id: string; title: string; rowHeader: string; rows: BarRow[]; series: BarSeries[] }) {
  const several = series.length > 1;
  const label = `${title} : ` + rows.map((r) => several
    ? `${r.label} ${series.map((s, i) => `${int(r.values[i])} ${s.name.toLowerCase()}`).join(' et ')}`
    : `${r.label} ${int(r.values[0])}`).join(', ') + '.';
  const columns = several
    ? [...series.map((s, i) => ({ header: s.name, cells: rows.map((r) => int(r.values[i])) })), { header: 'Total', cells: rows.map((r) => int(r.values.reduce((a, b) => a + b, 0))) }]
    : [{ header: series[0].name, cells: rows.map((r) => int(r.values[0])) }];
  return (
    <ChartFigure id={id} title={title} rowHeader={rowHeader} rows={rows.map((r) => r.label)} columns={columns}>
      <BarChart rows={rows} series={series} label={label} />
    </ChartFigure>
  );
}

/** The charts of the dashboard, by theme, each with an empty state. */
export function DashboardCharts({ data }: { data: DashboardData }) {
  const d = data.territoryDashboard;
  const funnel = data.synergyFunnel;
  const actors: BarSeries[] = [{ name: 'Acteurs', className: 'series-accent' }];
  const noImpact = d.implementedImpacts.synergyCount + d.inStudyImpacts.synergyCount === 0;
  return (
    <>
      <section aria-labelledby="dash-actors">
        <h2 id="dash-actors">Acteurs du territoire ({int(d.actorCount)})</h2>
        {d.actorCount === 0 ? <p class="empty">Aucun acteur n’est encore localisé dans ce territoire.</p> : (
          <div class="chart-grid">
            <CountChart id="kinds" title="Acteurs par type" rowHeader="Type d’acteur" series={actors}
              rows={d.actorsByKind.map((k) => ({ label: KIND_LABELS[k.kind], values: [k.count] }))} />
            <CountChart id="economies" title="Acteurs par économie" rowHeader="Économie" series={actors}
              rows={d.actorsByEconomy.map((e) => ({ label: ECONOMY_LABELS[e.economy], values: [e.count], className: `series-${e.economy}` }))} />
          </div>
        )}
      </section>
      <section aria-labelledby="dash-flows">
        <h2 id="dash-flows">Offres et besoins ({int(d.flowCount)})</h2>
        {d.flowCount === 0 ? <p class="empty">Aucune offre ni aucun besoin déposé par les acteurs de ce territoire.</p> : (
          <div class="chart-grid">
            <CountChart id="families" title="Offres et besoins par famille de ressources" rowHeader="Famille"
              series={[{ name: 'Offres', className: 'series-offer' }, { name: 'Besoins', className: 'series-need' }]}
              rows={d.flowsByFamily.map((f) => ({ label: f.family ? FAMILY_LABELS[f.family] : 'Sans catégorie', values: [f.offers, f.needs] }))} />
          </div>
        )}
      </section>
      <section aria-labelledby="dash-synergies">
        <h2 id="dash-synergies">Synergies suivies ({int(d.synergyCount)})</h2>
        {d.synergyCount === 0 ? <p class="empty">Aucune synergie suivie dans ce territoire.</p> : (
          <div class="chart-grid">
            <Funnel total={funnel.total} stages={funnel.stages} />
            <CountChart id="statuses" title="Synergies par statut actuel" rowHeader="Statut" series={[{ name: 'Synergies', className: 'series-accent' }]}
              rows={d.synergiesByStatus.map((s) => ({ label: STATUS_LABELS[s.status], values: [s.count], className: `stage-${s.status}` }))} />
          </div>
        )}
      </section>
      <section aria-labelledby="dash-impacts">
        <h2 id="dash-impacts">Impacts estimés</h2>
        {noImpact
          ? <p class="empty">Aucune synergie à l’étude ni mise en œuvre : pas encore d’impact à estimer.</p>
          : (
            <div class="chart-grid single">
              <ImpactChart implemented={d.implementedImpacts} inStudy={d.inStudyImpacts} />
            </div>
          )}
        {!noImpact && d.synergyCount > d.implementedImpacts.synergyCount + d.inStudyImpacts.synergyCount && (
          <p class="hint">Non comptées ici : {plural(d.synergyCount - d.implementedImpacts.synergyCount - d.inStudyImpacts.synergyCount, 'synergie identifiée, contactée ou abandonnée', 'synergies identifiées, contactées ou abandonnées')}.</p>
        )}
      </section>
    </>
  );
}
