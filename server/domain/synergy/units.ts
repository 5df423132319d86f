/**
 * Quantities in comparable form: a unit string such as "t/yr", "kg/month", "MWh/an" or "m2"
 * is split into a base unit and a factor, so that two quantities can be compared when they
 * measure the same thing.
 */

/** A quantity expressed in a base unit (per year for rates). */
export interface NormalQuantity {
  value: number;
  /** Base unit and, for rates, "/yr": "t/yr", "MWh/yr", "m3/yr", "m2", ... */
  unit: string;
}

// Amount units → [base unit, factor to the base].
const AMOUNTS: Record<string, [string, number]> = {
  t: ['t', 1], tonne: ['t', 1], tonnes: ['t', 1], kg: ['t', 0.001],
  mwh: ['MWh', 1], kwh: ['MWh', 0.001], gwh: ['MWh', 1000],
  m3: ['m3', 1], 'm³': ['m3', 1], l: ['m3', 0.001], litres: ['m3', 0.001],
  units: ['units', 1], unit: ['units', 1], 'unités': ['units', 1], pieces: ['units', 1],
  h: ['h', 1], hours: ['h', 1], heures: ['h', 1],
  days: ['days', 1], day: ['days', 1], jours: ['days', 1],
  trips: ['trips', 1], trip: ['trips', 1],
  m2: ['m2', 1], 'm²': ['m2', 1],
  kw: ['kW', 1], mw: ['kW', 1000],
};

// Periods → how many fit in a year.
const PER_YEAR: Record<string, number> = {
  yr: 1, year: 1, an: 1, a: 1, y: 1,
  month: 12, mois: 12, mo: 12,
  week: 52, semaine: 52, wk: 52,
  day: 365, jour: 365, d: 365,
};

/**
 * Normalises a quantity: "2 kg/month" → 0.024 t/yr; "5 m2" stays 5 m2.
 *
 * @returns null when the unit is not understood
 * @example normalizeQuantity(500, 'kWh/month') // { value: 6, unit: 'MWh/yr' }
 */
export function normalizeQuantity(value: number, unit: string): NormalQuantity | null {
  const [amountText, periodText] = unit.trim().toLowerCase().split('/').map((s) => s.trim());
  const amount = AMOUNTS[amountText];
  if (!amount) return null;
  if (periodText === undefined) return { value: value * amount[1], unit: amount[0] };
  const perYear = PER_YEAR[periodText];
  if (!perYear) return null;
  return { value: value * amount[1] * perYear, unit: `${amount[0]}/yr` };
}
