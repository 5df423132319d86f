import data from '../../../seeds/reference/unit-prices.json';
import { ResourceFamilyName } from '../model';
import { normalizeQuantity } from './units';

/** An estimate as a range: companies never give their costs, so we never pretend to precision. */
export interface Range {
  min: number;
  max: number;
}

interface PriceEntry {
  unit: string;
  avoidedDisposal: number[];
  avoidedPurchase: number[];
  transportPerUnitKm: number[];
  transportFixedPerKmYear: number[];
}

/** Yearly economics of one exchange, in euros. */
export interface SynergyEconomics {
  /** Quantity exchanged per year (the smaller of offer and need), in `unit` ("t", "MWh", ...). */
  quantity: number;
  unit: string;
  transportCost: Range;
  avoidedDisposalCost: Range;
  avoidedPurchaseCost: Range;
  netGain: Range;
}

export type PriceTable = Record<string, PriceEntry>;

/** The documented defaults of `seeds/reference/unit-prices.json`. */
export function loadPriceTable(): PriceTable {
  return data.entries as PriceTable;
}

/**
 * The price entry of the most specific category on the code path (then the family) that is
 * counted in `baseUnit`: pallets counted in units use the pallet prices, pallets counted in
 * tonnes fall back to the wood prices.
 */
function entryFor(prices: PriceTable, code: string, family: ResourceFamilyName, baseUnit: string): PriceEntry | null {
  const parts = code.split('.');
  const path = parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
  for (const key of [...path, family]) {
    const entry = prices[key];
    if (entry && `${entry.unit}/yr` === baseUnit) return entry;
  }
  return null;
}

const range = (pair: number[], factor: number): Range => ({ min: pair[0] * factor, max: pair[1] * factor });

/**
 * Estimates the yearly economics of moving `quantity` of a resource over `distanceKm`:
 * transport cost, the supplier's avoided disposal cost, the receiver's avoided purchase
 * cost, and the net gain range (the worst case pairs the lowest savings with the highest cost).
 *
 * @returns null when the quantities are unknown or not comparable, or no price entry on the
 *   category's path is counted in their unit
 * @example estimateEconomics(prices, 'material.wood.pallets', 'MATERIAL', 2000, 'units/yr', 3000, 'units/yr', 4)
 */
export function estimateEconomics(
  prices: PriceTable,
  categoryCode: string,
  family: ResourceFamilyName,
  offerQuantity: number | null,
  offerUnit: string | null,
  needQuantity: number | null,
  needUnit: string | null,
  distanceKm: number,
): SynergyEconomics | null {
  if (offerQuantity === null || needQuantity === null || !offerUnit || !needUnit) return null;
  const offer = normalizeQuantity(offerQuantity, offerUnit);
  const need = normalizeQuantity(needQuantity, needUnit);
  if (!offer || !need || offer.unit !== need.unit) return null;
  const entry = entryFor(prices, categoryCode, family, offer.unit);
  if (!entry) return null;
  const quantity = Math.min(offer.value, need.value);
  const perUnit = range(entry.transportPerUnitKm, quantity * distanceKm);
  const fixed = range(entry.transportFixedPerKmYear, distanceKm);
  const transportCost = { min: perUnit.min + fixed.min, max: perUnit.max + fixed.max };
  const avoidedDisposalCost = range(entry.avoidedDisposal, quantity);
  const avoidedPurchaseCost = range(entry.avoidedPurchase, quantity);
  const netGain = {
    min: avoidedDisposalCost.min + avoidedPurchaseCost.min - transportCost.max,
    max: avoidedDisposalCost.max + avoidedPurchaseCost.max - transportCost.min,
  };
  return { quantity, unit: entry.unit, transportCost, avoidedDisposalCost, avoidedPurchaseCost, netGain };
}
