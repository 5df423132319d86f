import data from '../../../seeds/reference/emission-factors.json';
import { distanceKm } from '../geo/geo';
import { FlowDirection, GeoPoint, ResourceFamilyName } from '../model';
import { SynergyKind } from './pipeline';
import { formatNumberFr, unitFr } from '../text/format-fr';
import { normalizeQuantity } from './units';

/**
 * Estimated yearly impacts of a tracked synergy: tonnes diverted from waste, MWh recovered,
 * tCO2e avoided and truck km, from the flows' quantities and the documented factors of
 * `seeds/reference/emission-factors.json`. Pure. Every figure comes with the assumptions that
 * produced it (in French, the users' language), because these are orders of magnitude for a
 * facilitator's report, not a carbon assessment.
 */

/** One emission factor of the data file. */
export interface EmissionFactor {
  value: number;
  /** "tCO2e/MWh", "tCO2e/t" or "tCO2e/t.km". */
  unit: string;
  precision: 'published' | 'order-of-magnitude';
  range?: number[];
  labelFr: string;
  label: string;
  /** Short name of the source, quoted in the assumptions. */
  cite: string;
  source: string;
  /** Reference year of the value; a text when it is a span or an order of magnitude. */
  year: number | string;
  note?: string;
}

/** How a resource's impacts are estimated; every field optional, merged down the code path. */
export interface ImpactModel {
  /** Factor of the energy that a recovered MWh replaces; null: not estimated. */
  replaces?: string | null;
  /** Tonnes of this resource count as diverted from waste. */
  diverted?: boolean;
  /** Factor of the waste treatment the tonnes escape; null: not estimated. */
  disposal?: string | null;
  /** How it moves: by truck ("road", counted in km), by pipe or grid, or not at all. */
  transport?: 'road' | 'pipe' | 'grid' | 'none';
  /** Tonnes per truck trip. */
  payloadT?: number;
  /** Tonnes per unit, for resources counted in units ("units/yr"). */
  unitMassT?: number;
  why?: string;
}

export interface EmissionFactorTable {
  factors: Record<string, EmissionFactor>;
  /** Key of the factor applied to road t.km. */
  roadFreightFactor: string;
  /** By family ("MATERIAL") or category code ("material.wood.pallets"). */
  categories: Record<string, ImpactModel>;
}

/** The documented defaults of `seeds/reference/emission-factors.json`. */
export function loadEmissionFactors(): EmissionFactorTable {
  return data as unknown as EmissionFactorTable;
}

/** What the estimate needs to know of a flow of the synergy. */
export interface ImpactFlow {
  direction: FlowDirection;
  quantity: number | null;
  unit: string | null;
  categoryCode: string | null;
  family: ResourceFamilyName | null;
  /** Where its actor is. */
  location: GeoPoint;
}

export interface ImpactInput {
  kind: SynergyKind;
  flows: ImpactFlow[];
}

export interface SynergyImpacts {
  tonnesDiverted: number;
  mwhRecovered: number;
  /** Net of the emissions of road transport; negative when the trucks emit more than is saved. */
  tco2eAvoided: number;
  /** Loaded truck km per year: straight-line distance × trips. */
  transportKm: number;
  assumptions: string[];
}

/** Impacts of several synergies added up. */
export interface ImpactTotals {
  synergyCount: number;
  tonnesDiverted: number;
  mwhRecovered: number;
  tco2eAvoided: number;
  transportKm: number;
}

const DEFAULT_TABLE = loadEmissionFactors();

const fmt = (n: number) => formatNumberFr(n, 2);

/**
 * The impact model of a category: the family's entry, overridden field by field by each more
 * specific entry on the code path ("material" → "material.wood" → "material.wood.pallets").
 *
 * @example modelFor(table, 'material.wood.pallets', 'MATERIAL') // { diverted: true, disposal: 'landfill-…', unitMassT: 0.025, … }
 */
export function modelFor(table: EmissionFactorTable, categoryCode: string | null, family: ResourceFamilyName | null): ImpactModel {
  const layers: ImpactModel[] = [];
  if (family && table.categories[family]) layers.push(table.categories[family]);
  if (categoryCode) {
    const parts = categoryCode.split('.');
    for (let length = 1; length <= parts.length; length += 1) {
      const entry = table.categories[parts.slice(0, length).join('.')];
      if (entry) layers.push(entry);
    }
  }
  const merged: ImpactModel = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

// Factors are quoted exactly as the file gives them; per t.km they read better in kg.
const exact = new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 6 });

function describeFactor(factor: EmissionFactor): string {
  const quality = factor.precision === 'published' ? 'valeur publiée' : 'ordre de grandeur';
  const [value, unit] = factor.unit === 'tCO2e/t.km' ? [factor.value * 1000, 'kgCO2e/t.km'] : [factor.value, factor.unit];
  return `${exact.format(value).replace(/[\u202f\u00a0]/g, ' ')} ${unit} (${quality} ; ${factor.cite}${typeof factor.year === 'number' ? `, ${factor.year}` : ''})`;
}

interface YearlyQuantity {
  value: number;
  unit: string;
  /** How a count of units became tonnes, when it did. */
  conversion?: string;
}

/** A flow's quantity per year in a base unit, counts of units turned into tonnes when the mass is known. */
function yearly(flow: ImpactFlow, model: ImpactModel): YearlyQuantity | null {
  if (flow.quantity === null || !flow.unit) return null;
  const normal = normalizeQuantity(flow.quantity, flow.unit);
  if (!normal) return null;
  if (normal.unit === 'units/yr' && model.unitMassT) {
    const tonnes = normal.value * model.unitMassT;
    return { value: tonnes, unit: 't/yr', conversion: `${fmt(normal.value)} unités/an × ${fmt(model.unitMassT * 1000)} kg = ${fmt(tonnes)} t/an` };
  }
  return normal;
}

/** The yearly quantity exchanged between an offer and a need, and how it was chosen. */
function exchanged(offer: ImpactFlow, need: ImpactFlow, model: ImpactModel, notes: string[]): YearlyQuantity | null {
  const o = yearly(offer, model);
  const n = yearly(need, model);
  let chosen: YearlyQuantity | null;
  if (o && n && o.unit === n.unit) {
    chosen = o.value <= n.value ? o : n;
    notes.push(o.value === n.value
      ? `Quantité échangée : ${fmt(o.value)} ${unitFr(o.unit)} (offre et besoin égaux)`
      : `Quantité échangée : ${fmt(chosen.value)} ${unitFr(chosen.unit)}, le plus petit de l'offre (${fmt(o.value)}) et du besoin (${fmt(n.value)})`);
  } else if (o) {
    chosen = o;
    notes.push(n
      ? `Quantités de l'offre (${unitFr(o.unit)}) et du besoin (${unitFr(n.unit)}) non comparables : toute l'offre est comptée, ${fmt(o.value)} ${unitFr(o.unit)}`
      : `Quantité du besoin inconnue : toute l'offre est comptée, ${fmt(o.value)} ${unitFr(o.unit)}`);
  } else if (n) {
    chosen = n;
    notes.push(`Quantité de l'offre inconnue : le besoin est compté, ${fmt(n.value)} ${unitFr(n.unit)}`);
  } else {
    return null;
  }
  if (chosen.conversion) notes.push(`Conversion en masse : ${chosen.conversion}`);
  return chosen;
}

const NONE: Omit<SynergyImpacts, 'assumptions'> = { tonnesDiverted: 0, mwhRecovered: 0, tco2eAvoided: 0, transportKm: 0 };

/**
 * Estimates the yearly impacts of a tracked synergy.
 *
 * For a SUBSTITUTION, the quantity exchanged is the smaller of offer and need (or the one that
 * is known); the offer's category (else the need's) picks the impact model. Tonnes of a diverted
 * resource count as diverted from waste and avoid the emissions of the waste treatment they
 * escape; MWh of energy count as recovered and avoid the emissions of the energy they replace;
 * road transport is counted as straight-line km × loaded trips (quantity / payload, rounded up)
 * and its t.km emissions are deducted. Avoided production of virgin material is not counted, so
 * the figures lean low.
 *
 * A MUTUALISATION moves nothing between its members: its impacts are zero, with the reason.
 *
 * @example estimateImpacts({ kind: 'SUBSTITUTION', flows: [heatOffer, heatNeed] }) // { mwhRecovered: 500, tco2eAvoided: 113.5, … }
 */
export function estimateImpacts(input: ImpactInput, table: EmissionFactorTable = DEFAULT_TABLE): SynergyImpacts {
  const notes: string[] = [];
  if (input.kind === 'MUTUALISATION') {
    notes.push("Mutualisation : aucun flux n'est échangé entre les membres, les impacts ne sont pas estimés (gains de collecte, d'achat ou de logistique à qualifier par l'animateur)");
    return { ...NONE, assumptions: notes };
  }
  const offer = input.flows.find((f) => f.direction === 'OFFER');
  const need = input.flows.find((f) => f.direction === 'NEED');
  if (!offer || !need) {
    notes.push("Un des flux de la synergie n'existe plus : impacts non estimés");
    return { ...NONE, assumptions: notes };
  }
  const categoryCode = offer.categoryCode ?? need.categoryCode;
  const family = offer.family ?? need.family;
  if (!family) {
    notes.push("Ressource sans catégorie : impacts non estimés (classer l'offre dans la taxonomie)");
    return { ...NONE, assumptions: notes };
  }
  const model = modelFor(table, categoryCode, family);
  const quantity = exchanged(offer, need, model, notes);
  if (!quantity) {
    notes.push('Aucune quantité annuelle exploitable (ex. « 100 t/an », « 500 MWh/an ») : impacts non estimés');
    return { ...NONE, assumptions: notes };
  }

  const impacts = { ...NONE };
  if (quantity.unit === 't/yr') {
    if (model.diverted) {
      impacts.tonnesDiverted = quantity.value;
      const disposal = model.disposal ? table.factors[model.disposal] : null;
      if (disposal) {
        impacts.tco2eAvoided += quantity.value * disposal.value;
        notes.push(`Sans la synergie : ${disposal.labelFr}, ${describeFactor(disposal)}`);
      } else {
        notes.push('Émissions du traitement évité non chiffrées pour cette ressource');
      }
      notes.push('Production évitée de matière neuve non comptée : estimation basse');
    } else {
      notes.push(`Tonnage non compté comme déchet détourné pour cette ressource (${categoryCode ?? family})`);
    }
    if (model.transport === 'road') {
      const km = distanceKm(offer.location, need.location);
      const payload = model.payloadT ?? 10;
      const trips = Math.ceil(quantity.value / payload);
      impacts.transportKm = km * trips;
      const road = table.factors[table.roadFreightFactor];
      const emitted = quantity.value * km * road.value;
      impacts.tco2eAvoided -= emitted;
      notes.push(`Transport routier : ${fmt(km)} km à vol d'oiseau × ${trips} trajet(s) chargé(s) de ${fmt(payload)} t au plus (retours à vide non comptés)`);
      notes.push(`Émissions du transport déduites : ${fmt(emitted)} tCO2e/an à ${describeFactor(road)}`);
    }
  } else if (quantity.unit === 'MWh/yr' && family === 'ENERGY') {
    impacts.mwhRecovered = quantity.value;
    const replaced = model.replaces ? table.factors[model.replaces] : null;
    if (replaced) {
      impacts.tco2eAvoided += quantity.value * replaced.value;
      notes.push(`L'énergie récupérée remplace la ${replaced.labelFr} : ${describeFactor(replaced)}, rendement de chaudière pris à 100 % (prudent)`);
    } else {
      notes.push('Émissions évitées non chiffrées pour cette forme d\'énergie');
    }
    if (model.transport === 'pipe') notes.push("Acheminement par réseau : pas de transport routier ; énergie de pompage non déduite");
  } else {
    notes.push(`Quantité en ${unitFr(quantity.unit)} : pas d'indicateur d'impact pour cette unité`);
  }
  return { ...impacts, assumptions: notes };
}

/**
 * Adds up the impacts of several synergies.
 *
 * @example sumImpacts([a, b]).tco2eAvoided // a.tco2eAvoided + b.tco2eAvoided
 */
export function sumImpacts(list: SynergyImpacts[]): ImpactTotals {
  return list.reduce<ImpactTotals>(
    (total, i) => ({
      synergyCount: total.synergyCount + 1,
      tonnesDiverted: total.tonnesDiverted + i.tonnesDiverted,
      mwhRecovered: total.mwhRecovered + i.mwhRecovered,
      tco2eAvoided: total.tco2eAvoided + i.tco2eAvoided,
      transportKm: total.transportKm + i.transportKm,
    }),
    { synergyCount: 0, tonnesDiverted: 0, mwhRecovered: 0, tco2eAvoided: 0, transportKm: 0 },
  );
}
