/**
 * French formatting of figures for reasons shown to users: "1,5", "38 t/an", "2 400".
 */

// The units of the API ("t/yr") as a French reader writes them ("t/an").
const UNIT_FR: Record<string, string> = { 't/yr': 't/an', 'MWh/yr': 'MWh/an', 'm3/yr': 'm³/an', 'units/yr': 'unités/an', 'h/yr': 'h/an', 'days/yr': 'jours/an', 'trips/yr': 'trajets/an', m2: 'm²', m3: 'm³', kW: 'kW', t: 't', MWh: 'MWh', units: 'unités', h: 'h', days: 'jours', trips: 'trajets' };

// One formatter per precision: building an Intl.NumberFormat is far slower than using one.
const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * A number with at most `decimals` decimals (one by default), French style, with ordinary
 * spaces as thousands separators.
 *
 * @example formatNumberFr(1234.56) // "1 234,6"
 * @example formatNumberFr(0.125, 2) // "0,13"
 */
export function formatNumberFr(n: number, decimals = 1): string {
  let format = FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals });
    FORMATS.set(decimals, format);
  }
  return format.format(n).replace(/\u202f|\u00a0/g, ' ');
}

/** A ratio as a French percentage: 0.67 → "67 %". */
export function percentFr(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/**
 * A unit as French readers write it; unknown units are returned unchanged.
 *
 * @example unitFr('t/yr') // "t/an"
 */
export function unitFr(unit: string): string {
  return UNIT_FR[unit] ?? unit;
}
