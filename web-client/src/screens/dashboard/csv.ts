import { ECONOMY_LABELS, FAMILY_LABELS, KIND_LABELS } from '../../format';
import type { DashboardData } from './types';
import { IMPACTS, LEVEL_LABELS, STATUS_LABELS } from './labels';

type Cell = string | number | null;

// French Excel reads ';'-separated files with decimal commas; no thousands separator, so a
// number stays a number once opened.
const number = new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 2 });

function cell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? number.format(value) : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The dashboard's figures as one table: section, item, value, unit. `today` is the ISO date
 * of the extraction, written in the file so a copy in a report says when it was taken.
 */
export function dashboardCsv(data: DashboardData, today: string): string {
  const d = data.territoryDashboard;
  const t = d.territory;
  const rows: Cell[][] = [
    ['Rubrique', 'Élément', 'Valeur', 'Unité'],
    ['Territoire', `${t.name} (${LEVEL_LABELS[t.level].toLowerCase()} ${t.code})`, null, null],
    ['Date d’extraction', today, null, null],
    ['Acteurs', 'Total', d.actorCount, 'acteurs'],
    ...d.actorsByKind.map((k) => ['Acteurs par type', KIND_LABELS[k.kind], k.count, 'acteurs']),
    ...d.actorsByEconomy.map((e) => ['Acteurs par économie', ECONOMY_LABELS[e.economy], e.count, 'acteurs']),
    ['Offres et besoins', 'Total', d.flowCount, 'flux'],
    ...d.flowsByFamily.flatMap((f) => {
      const family = f.family ? FAMILY_LABELS[f.family] : 'Sans catégorie';
      return [['Offres par famille', family, f.offers, 'flux'], ['Besoins par famille', family, f.needs, 'flux']];
    }),
    ['Synergies suivies', 'Total', d.synergyCount, 'synergies'],
    ...d.synergiesByStatus.map((s) => ['Synergies par statut actuel', STATUS_LABELS[s.status], s.count, 'synergies']),
    ...data.synergyFunnel.stages.map((s) => ['Synergies ayant atteint l’étape', STATUS_LABELS[s.status], s.reached, 'synergies']),
    ...data.synergyFunnel.stages.map((s) => ['Durée médiane des passages terminés', STATUS_LABELS[s.status], s.medianDays, 'jours']),
    ['Impacts des synergies mises en œuvre', 'Synergies comptées', d.implementedImpacts.synergyCount, 'synergies'],
    ...IMPACTS.map((m) => ['Impacts des synergies mises en œuvre', m.label, d.implementedImpacts[m.key], m.unit]),
    ['Impacts des synergies à l’étude', 'Synergies comptées', d.inStudyImpacts.synergyCount, 'synergies'],
    ...IMPACTS.map((m) => ['Impacts des synergies à l’étude', m.label, d.inStudyImpacts[m.key], m.unit]),
  ];
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
