import type { ImpactTotals, SynergyStatus, TerritoryLevel, TerritoryRef } from '../../queries-dashboard';

export const LEVEL_LABELS: Record<TerritoryLevel, string> = {
  COMMUNE: 'Commune',
  EPCI: 'Intercommunalité (EPCI)',
  EPT: 'Établissement public territorial',
  DEPARTEMENT: 'Département',
  REGION: 'Région',
  CUSTOM: 'Territoire personnalisé',
};

/** Plural: the charts count synergies ("3 identifiées"). */
export const STATUS_LABELS: Record<SynergyStatus, string> = {
  IDENTIFIED: 'Identifiées',
  CONTACTED: 'Contactées',
  IN_STUDY: 'À l’étude',
  IMPLEMENTED: 'Mises en œuvre',
  ABANDONED: 'Abandonnées',
};

export type ImpactKey = Exclude<keyof ImpactTotals, 'synergyCount'>;

/** The yearly impacts the API estimates, with their French units. */
export const IMPACTS: { key: ImpactKey; label: string; unit: string }[] = [
  { key: 'tonnesDiverted', label: 'Déchets détournés', unit: 't/an' },
  { key: 'mwhRecovered', label: 'Énergie récupérée', unit: 'MWh/an' },
  { key: 'tco2eAvoided', label: 'Émissions évitées', unit: 't CO₂e/an' },
  { key: 'transportKm', label: 'Transport par camion', unit: 'km/an' },
];

const formatters = [0, 1, 2].map((digits) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }));

/** A count: "1 234". */
export const int = (n: number): string => formatters[0].format(n);

/** An estimate, with fewer decimals as it grows: "113,5", "1 250", "0,04". */
export function amount(v: number): string {
  const a = Math.abs(v);
  return formatters[a >= 100 ? 0 : a >= 1 ? 1 : 2].format(v);
}

export const withUnit = (v: number, unit: string): string => `${amount(v)} ${unit}`;

/** "1 synergie", "3 synergies". */
export const plural = (n: number, one: string, many: string): string => `${int(n)} ${n > 1 ? many : one}`;

/** A median stay in days; null when no stay ended. */
export function days(d: number | null): string {
  if (d === null) return '—';
  if (d < 1) return 'moins d’un jour';
  return plural(Math.round(d), 'jour', 'jours');
}

/** How a territory is passed to the API: a bare code, except régions whose codes overlap départements'. */
export const apiCode = (code: string, level: TerritoryLevel | null): string => (level === 'REGION' ? `REGION:${code}` : code);

export const territoryTitle = (t: TerritoryRef): string => `${t.name} (${LEVEL_LABELS[t.level].toLowerCase()} ${t.code})`;

export const isLevel = (s: string | null): s is TerritoryLevel => !!s && s in LEVEL_LABELS;
