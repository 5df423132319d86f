import { SynergyFlow } from '../../server/domain/synergy/substitution';
import { Confidentiality, GeoPoint, ResourceFamilyName } from '../../server/domain/model';
import { Tx } from '../database';
import { pointParam, toGeoPoint, toNumber } from '../convert';

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
}

const FLOW_FIELDS = (flow: string, actor: string, category: string) =>
  `{ id: ${flow}.id, actorId: ${actor}.id, location: ${actor}.location, categoryCode: ${category}.code, categoryName: ${category}.nameFr,
     family: ${category}.family, ewcCode: ${category}.ewcCode, quantity: ${flow}.quantity, unit: ${flow}.unit, temperatureC: ${flow}.temperatureC,
     availableMonths: ${flow}.availableMonths, confidentiality: ${flow}.confidentiality }`;

// Pairs come back as ids only: a wide search yields tens of thousands of pairs over a few
// thousand flows, whose details are then read once each (see FLOW_DETAILS).
// The filter text is fixed; only parameter values vary. Every confidentiality level is read:
// confidential flows take part in matching, and the caller hides what the viewer may not see.
const SYNERGY_FLOWS = `
  MATCH (a:Actor)
  WHERE ($center IS NULL OR point.distance(a.location, $center) <= $radius)
    AND ($actorId IS NULL OR a.id = $actorId)
    AND ($territoryKey IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })
  MATCH (a)-[:OFFERS|NEEDS]->(f:Flow {direction: $direction})-[:OF_CATEGORY]->(c:ResourceCategory)
  WHERE ($categoryCodes IS NULL OR c.code IN $categoryCodes) AND ($families IS NULL OR c.family IN $families)
  RETURN ${FLOW_FIELDS('f', 'a', 'c')} AS flow`;

function toFlow(value: Record<string, unknown>): SynergyFlow {
  return {
    id: String(value.id),
    actorId: String(value.actorId),
    location: toGeoPoint(value.location),
    categoryCode: String(value.categoryCode),
    categoryName: String(value.categoryName),
    family: value.family as ResourceFamilyName,
    ewcCode: value.ewcCode === null || value.ewcCode === undefined ? null : String(value.ewcCode),
    quantity: toNumber(value.quantity),
    unit: value.unit === null || value.unit === undefined ? null : String(value.unit),
    temperatureC: toNumber(value.temperatureC),
    availableMonths: ((value.availableMonths as unknown[] | null) ?? []).map((m) => toNumber(m) ?? 0),
    confidentiality: (value.confidentiality as Confidentiality) ?? 'PUBLIC',
  };
}

/**
 * The offer or need flows of the actors in scope, with what synergy scoring needs. The search
 * pairs them in memory (server/domain/synergy/candidates.ts): Cypher cannot hash-join flows on
 * a computed category relation, and expanding from each compatible category to all its flows
 * made the work grow with the whole region instead of the flows nearby.
 */
export async function findSynergyFlows(tx: Tx, query: SynergyFlowQuery): Promise<SynergyFlow[]> {
  const result = await tx.run(SYNERGY_FLOWS, {
    direction: query.direction,
    center: query.center ? pointParam(query.center) : null,
    radius: query.radiusMeters,
    actorId: query.actorId,
    territoryKey: query.territoryKey,
    categoryCodes: query.categoryCodes,
    families: query.families?.length ? query.families : null,
  });
  return result.records.map((r) => toFlow(r.get('flow')));
}
