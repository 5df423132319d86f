/**
 * Plain data types shared by the domain, the repositories and the GraphQL layer.
 * Nothing here knows about Neo4j or GraphQL.
 */

export const ACTOR_KINDS = ['COMPANY', 'ESS_STRUCTURE', 'LOCAL_AUTHORITY', 'RESEARCH_EDUCATION', 'SUPPORT_NETWORK', 'CITIZEN_GROUP'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ECONOMIES = ['CLASSIC', 'ESS', 'PUBLIC'] as const;
export type Economy = (typeof ECONOMIES)[number];

export const PUBLICS = [
  'GENERAL_PUBLIC', 'COMPANIES', 'LOCAL_AUTHORITIES', 'PEOPLE_IN_INSERTION', 'PEOPLE_IN_PRECARITY',
  'YOUNG_PEOPLE', 'SENIORS', 'DISABLED_PEOPLE',
] as const;
export type Public = (typeof PUBLICS)[number];

export const FLOW_DIRECTIONS = ['OFFER', 'NEED'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

export const RESOURCE_FAMILIES = ['ENERGY', 'WATER', 'MATERIAL', 'EQUIPMENT', 'SERVICE', 'EXPERTISE', 'LOGISTICS'] as const;
export type ResourceFamilyName = (typeof RESOURCE_FAMILIES)[number];

export const CONFIDENTIALITIES = ['PUBLIC', 'MEMBERS', 'FACILITATORS', 'PRIVATE'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

export const TERRITORY_LEVELS = ['COMMUNE', 'EPCI', 'EPT', 'DEPARTEMENT', 'REGION', 'CUSTOM'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** WGS-84 decimal degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** The fields a caller writes on an actor (optional ones may be absent or null). */
export interface ActorFields {
  externalId?: string | null;
  name: string;
  kind: ActorKind;
  economy: Economy;
  legalForm?: string | null;
  nafCode?: string | null;
  location: GeoPoint;
  address?: string | null;
  description?: string | null;
  employees?: number | null;
  activities?: string | null;
  publics?: Public[] | null;
}

export interface ActorRecord {
  id: string;
  externalId: string | null;
  name: string;
  kind: ActorKind;
  economy: Economy;
  legalForm: string | null;
  nafCode: string | null;
  location: GeoPoint;
  address: string | null;
  description: string | null;
  employees: number | null;
  activities: string | null;
  publics: Public[];
  createdAt: string;
  updatedAt: string;
}

export interface FlowRecord {
  id: string;
  externalId: string | null;
  actorId: string;
  direction: FlowDirection;
  description: string;
  categoryCode: string | null;
  /**
   * The category was inferred from the description (by `categorize`) and no person has chosen
   * or confirmed it yet. False for flows stored before inference was recorded.
   */
  categoryInferred: boolean;
  /** Confidence (0..1) of an inferred category; null when a person chose it or there is none. */
  categoryConfidence: number | null;
  quantity: number | null;
  unit: string | null;
  temperatureC: number | null;
  availableMonths: number[];
  confidentiality: Confidentiality;
  createdAt: string;
  updatedAt: string;
}

export interface TerritoryRecord {
  key: string;
  code: string;
  name: string;
  level: TerritoryLevel;
  /** GeoJSON Polygon or MultiPolygon (RFC 7946), for custom territories. */
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
}

export interface ResourceCategoryData {
  code: string;
  nameFr: string;
  nameEn: string;
  family: ResourceFamilyName;
  parentCode: string | null;
  ewcCode: string | null;
  units: string[];
  synonyms: string[];
}

/** A page of results in a stable order, with the total before paging. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}
