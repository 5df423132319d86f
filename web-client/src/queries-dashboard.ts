/**
 * The GraphQL operations of the "Tableau de bord" screen (plain strings: the tests validate them
 * against the schema), with the types of their answers that the browser tests also import (so no
 * DOM-bound module here).
 */
export type TerritoryLevel = 'COMMUNE' | 'CUSTOM' | 'DEPARTEMENT' | 'EPCI' | 'EPT' | 'REGION';
export type SynergyStatus = 'IDENTIFIED' | 'CONTACTED' | 'IN_STUDY' | 'IMPLEMENTED' | 'ABANDONED';

export interface TerritoryRef { code: string; name: string; level: TerritoryLevel }

export interface ImpactTotals {
  synergyCount: number;
  tonnesDiverted: number;
  mwhRecovered: number;
  tco2eAvoided: number;
  transportKm: number;
}

export interface FunnelStage {
  status: SynergyStatus;
  reached: number;
  current: number;
  medianDays: number | null;
  currentMedianDays: number | null;
}


// One list per level: the API lists territories by key, so a single list for "Marne" would be
// filled with communes before reaching the départements.
const LEVEL_SEARCH = (alias: string, level: string, first: number) =>
  `${alias}: territories(filter: { name: $name, level: ${level} }, first: ${first}) { totalCount nodes { code name level } }`;
export const TERRITORY_SEARCH_QUERY = `query TerritorySearch($name: String!) {
  ${LEVEL_SEARCH('regions', 'REGION', 5)}
  ${LEVEL_SEARCH('departements', 'DEPARTEMENT', 5)}
  ${LEVEL_SEARCH('epts', 'EPT', 5)}
  ${LEVEL_SEARCH('epcis', 'EPCI', 8)}
  ${LEVEL_SEARCH('customs', 'CUSTOM', 5)}
  ${LEVEL_SEARCH('communes', 'COMMUNE', 30)}
}`;

const IMPACTS = 'synergyCount tonnesDiverted mwhRecovered tco2eAvoided transportKm';

export const DASHBOARD_QUERY = `query TerritoryDashboard($code: String!) {
  territoryDashboard(code: $code) {
    territory { code name level }
    actorCount actorsByKind { kind count } actorsByEconomy { economy count }
    flowCount flowsByFamily { family offers needs total }
    synergyCount synergiesByStatus { status count }
    implementedImpacts { ${IMPACTS} }
    inStudyImpacts { ${IMPACTS} }
  }
  synergyFunnel(territoryCode: $code) { total stages { status reached current medianDays currentMedianDays } }
}`;
