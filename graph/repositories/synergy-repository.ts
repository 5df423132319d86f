import { SynergyFlow } from '../../server/domain/synergy/substitution';
import { Confidentiality, GeoPoint, ResourceFamilyName } from '../../server/domain/model';
import { Tx } from '../database';
import { pointParam, toNumber } from '../convert';

/** Which flows to read for a synergy search. */
export interface SynergyFlowQuery {
  direction: 'OFFER' | 'NEED';
  /** With radiusMeters: actors within the circle (served by the point index `actor_location`). */
  center: GeoPoint | null;
  radiusMeters: number | null;
  /** Actors located in this territory or any territory inside it. */
  territoryKey: string | null;
  /** Only this actor's flows. */
  actorId: string | null;
  /** Only flows of these categories. */
  categoryCodes: string[] | null;
  /** Only flows whose category is of these families. */
  families: ResourceFamilyName[] | null;
  /**
   * With `categoryCodes` and `center`: how far (m) each category may be from the centre. The
   * search then starts from the categories, not from every actor in the widest circle.
   */
  reachByCategory?: Record<string, number> | null;
  /** With `reachByCategory`: skip flows within this distance (m) of the centre, already read. */
  innerMeters?: number | null;
}

/** A flow as the search reads it; the service adds what the taxonomy says of its category. */
export type SynergyFlowRow = Omit<SynergyFlow, 'categoryName' | 'family' | 'ewcCode'>;

// Wide searches read tens of thousands of flows: rows are flat lists (cheaper to decode than
// maps) and carry only what varies per flow.
const RETURN_FLOW = `RETURN [f.id, a.id, a.location.y, a.location.x, c.code, f.quantity, f.unit, f.temperatureC,
  f.availableMonths, f.confidentiality] AS row`;

// The actor side of the search: by id (unique index), in a circle (point index), or all actors
// (then narrowed by territory). A closed set of fixed texts; only parameter values vary.
const ACTOR_SOURCES = {
  actor: 'MATCH (a:Actor {id: $actorId})',
  circle: 'MATCH (a:Actor) WHERE point.distance(a.location, $center) <= $radius',
  all: 'MATCH (a:Actor)',
} as const;

// Every confidentiality level is read: confidential flows take part in matching, and the
// caller hides what the viewer may not see.
// The relationship type follows the direction (OFFERS or NEEDS), from a closed set: expanding
// one type reads half the relationships of expanding both and filtering on the flow.
const EDGE = { OFFER: 'OFFERS', NEED: 'NEEDS' } as const;

const flowsQuery = (source: keyof typeof ACTOR_SOURCES, direction: 'OFFER' | 'NEED') => `
  ${ACTOR_SOURCES[source]}
  WITH a WHERE $territoryKey IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) }
  MATCH (a)-[:${EDGE[direction]}]->(f:Flow)-[:OF_CATEGORY]->(c:ResourceCategory)
  WHERE ($categoryCodes IS NULL OR c.code IN $categoryCodes) AND ($families IS NULL OR c.family IN $families)
  ${RETURN_FLOW}`;

// Around one actor, few categories matter but some travel far (150 km for IT equipment):
// starting from those categories' flows reads far less than every actor in the widest circle.
const flowsOfCategoriesAround = (direction: 'OFFER' | 'NEED') => `
  UNWIND $categoryCodes AS code
  MATCH (c:ResourceCategory {code: code})<-[:OF_CATEGORY]-(f:Flow)<-[:${EDGE[direction]}]-(a:Actor)
  WHERE point.distance(a.location, $center) <= $reach[code] AND ($inner IS NULL OR point.distance(a.location, $center) > $inner)
    AND ($families IS NULL OR c.family IN $families)
  ${RETURN_FLOW}`;

function toRow(row: unknown[]): SynergyFlowRow {
  const [id, actorId, lat, lon, categoryCode, quantity, unit, temperatureC, months, confidentiality] = row;
  return {
    id: String(id),
    actorId: String(actorId),
    location: { lat: Number(lat), lon: Number(lon) },
    categoryCode: String(categoryCode),
    quantity: toNumber(quantity),
    unit: unit === null || unit === undefined ? null : String(unit),
    temperatureC: toNumber(temperatureC),
    availableMonths: ((months as unknown[] | null) ?? []).map((m) => toNumber(m) ?? 0),
    confidentiality: (confidentiality as Confidentiality) ?? 'PUBLIC',
  };
}

/**
 * The offer or need flows of the actors in scope, with what synergy scoring needs. The search
 * pairs them in memory (server/domain/synergy/candidates.ts): Cypher cannot hash-join flows on
 * a computed category relation, and expanding from each compatible category to all its flows
 * made the work grow with the whole region instead of the flows nearby.
 */
export async function findSynergyFlows(tx: Tx, query: SynergyFlowQuery): Promise<SynergyFlowRow[]> {
  const source = query.actorId ? 'actor' : query.center ? 'circle' : 'all';
  const byCategory = query.reachByCategory && query.categoryCodes && query.center && !query.actorId;
  const result = await tx.run(byCategory ? flowsOfCategoriesAround(query.direction) : flowsQuery(source, query.direction), {
    reach: query.reachByCategory ?? null,
    inner: query.innerMeters ?? null,
    center: query.center ? pointParam(query.center) : null,
    radius: query.radiusMeters,
    actorId: query.actorId,
    territoryKey: query.territoryKey,
    categoryCodes: query.categoryCodes,
    families: query.families?.length ? query.families : null,
  });
  return result.records.map((r) => toRow(r.get('row') as unknown[]));
}
