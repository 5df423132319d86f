import type { DashboardData } from './types';
import { amount, int, plural } from './labels';

/** The figures a report quotes first, large. */
export function KeyFigures({ d }: { d: DashboardData['territoryDashboard'] }) {
  const offers = d.flowsByFamily.reduce((n, f) => n + f.offers, 0);
  const ess = d.actorsByEconomy.find((e) => e.economy === 'ESS')?.count ?? 0;
  const implemented = d.synergiesByStatus.find((s) => s.status === 'IMPLEMENTED')?.count ?? 0;
  const done = d.implementedImpacts, study = d.inStudyImpacts;
  const figures = [
    { id: 'actors', label: 'Acteurs', value: int(d.actorCount), unit: '', detail: `dont ${int(ess)} de l’économie sociale et solidaire` },
    { id: 'flows', label: 'Offres et besoins déposés', value: int(d.flowCount), unit: '', detail: `${plural(offers, 'offre', 'offres')}, ${plural(d.flowCount - offers, 'besoin', 'besoins')}` },
    { id: 'synergies', label: 'Synergies suivies', value: int(d.synergyCount), unit: '', detail: `dont ${int(implemented)} mise${implemented > 1 ? 's' : ''} en œuvre` },
    { id: 'tonnes', label: 'Déchets détournés', value: amount(done.tonnesDiverted), unit: 't/an', detail: `+ ${amount(study.tonnesDiverted)} t/an à l’étude` },
    { id: 'mwh', label: 'Énergie récupérée', value: amount(done.mwhRecovered), unit: 'MWh/an', detail: `+ ${amount(study.mwhRecovered)} MWh/an à l’étude` },
    { id: 'co2', label: 'Émissions évitées', value: amount(done.tco2eAvoided), unit: 't CO₂e/an', detail: study.tco2eAvoided < 0
      ? `${amount(study.tco2eAvoided)} t CO₂e/an à l’étude : le transport y émet plus qu’il n’évite`
      : `+ ${amount(study.tco2eAvoided)} t CO₂e/an à l’étude` },
  ];
  return (
    <dl class="key-figures" data-testid="key-figures">
      {figures.map((f) => (
        <div key={f.id} class="key-figure" data-testid={`figure-${f.id}`}>
          <dt>{f.label}</dt>
          <dd class="figure-value">{f.value}{f.unit && <span class="figure-unit"> {f.unit}</span>}</dd>
          <dd class="figure-detail">{f.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
