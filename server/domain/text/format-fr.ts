/**
 * French formatting of figures for reasons shown to users: "1,5", "38 t/an", "2 400".
 * (substitution.ts has the same helpers privately; they could move here.)
 */

// The units of the API ("t/yr") as a French reader writes them ("t/an").
const UNIT_FR: Record<string, string> = { 't/yr': 't/an', 'MWh/yr': 'MWh/an', 'm3/yr': 'm³/an', 'units/yr': 'unités/an', 'h/yr': 'h/an', 'days/yr': 'jours/an', 'trips/yr': 'trajets/an', m2: 'm²', m3: 'm³', kW: 'kW', t: 't', MWh: 'MWh', units: 'unités', h: 'h', days: 'jours', trips: 'trajets' };

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/**
 * A number with at most one decimal, French style, with ordinary spaces as thousands separators.
 *
 * @example formatNumberFr(1234.56) // "1 234,6"
 */
export function formatNumberFr(n: number): string {
  return NUMBER.format(n).replace(/\u202f|\u00a0/g, ' ');
}

/**
 * A unit as French readers write it; unknown units are returned unchanged.
 *
 * @example unitFr('t/yr') // "t/an"
 */
export function unitFr(unit: string): string {
  return UNIT_FR[unit] ?? unit;
}
