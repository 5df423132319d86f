import { Record as Neo4jRecord } from 'neo4j-driver';
import { CandidatePair, CategoryRelation, SynergyFlow } from '../../server/domain/synergy/substitution';
import { Confidentiality, ResourceFamilyName } from '../../server/domain/model';
import { Tx } from '../database';
import { pointParam, toGeoPoint, toNumber } from '../convert';
import { GeoPoint } from '../../server/domain/model';

/** Where both actors of a synergy must be; at least one of the three is set. */
export interface SynergyScope {
  center: GeoPoint | null;
  radiusMeters: number | null;
  territoryKey: string | null;
  actorId: string | null;
  families: ResourceFamilyName[] | null;
  /** Maximum exchange distance (km) by offered category code. */
  maxKmByCategory: Record<string, number>;
}

// Both actors must satisfy the scope; the text is fixed, only parameters vary.
const IN_SCOPE = (actor: string) => `
  ($center IS NULL OR point.distance(${actor}.location, $center) <= $radius)
  AND ($territoryKey IS NULL OR EXISTS { (${actor})-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })`;

// Categories a need may have for an offer of category `oc` to serve it: the same, a broader
// one below the family root, a narrower one, or a target of a CAN_FEED edge from the offer's
// category or an ancestor (and the target's sub-categories).
const NEED_CATEGORIES = `
  CALL (oc) {
    MATCH (oc)-[:CHILD_OF*0..4]->(nc:ResourceCategory) WHERE nc = oc OR EXISTS { (nc)-[:CHILD_OF]->() }
    RETURN nc, CASE WHEN nc = oc THEN 'SAME' ELSE 'NEED_BROADER' END AS relation, 1.0 AS grade
    UNION
    MATCH (nc:ResourceCategory)-[:CHILD_OF*1..4]->(oc)
    RETURN nc, 'NEED_NARROWER' AS relation, 1.0 AS grade
    UNION
    MATCH (oc)-[:CHILD_OF*0..4]->(:ResourceCategory)-[e:CAN_FEED]->(:ResourceCategory)<-[:CHILD_OF*0..4]-(nc:ResourceCategory)
    RETURN nc, 'COMPATIBLE' AS relation, e.grade AS grade
  }`;

// The mirror of NEED_CATEGORIES, from a need's category `nc` to the offer categories that serve it.
const OFFER_CATEGORIES = `
  CALL (nc) {
    MATCH (oc:ResourceCategory)-[:CHILD_OF*0..4]->(nc) WHERE oc = nc OR EXISTS { (nc)-[:CHILD_OF]->() }
    RETURN oc, CASE WHEN oc = nc THEN 'SAME' ELSE 'NEED_BROADER' END AS relation, 1.0 AS grade
    UNION
    MATCH (nc)-[:CHILD_OF*1..4]->(oc:ResourceCategory)
    RETURN oc, 'NEED_NARROWER' AS relation, 1.0 AS grade
    UNION
    MATCH (oc:ResourceCategory)-[:CHILD_OF*0..4]->(:ResourceCategory)-[e:CAN_FEED]->(:ResourceCategory)<-[:CHILD_OF*0..4]-(nc)
    RETURN oc, 'COMPATIBLE' AS relation, e.grade AS grade
  }`;

const FLOW_FIELDS = (flow: string, actor: string, category: string) =>
  `{ id: ${flow}.id, actorId: ${actor}.id, location: ${actor}.location, categoryCode: ${category}.code, categoryName: ${category}.nameFr,
     family: ${category}.family, ewcCode: ${category}.ewcCode, quantity: ${flow}.quantity, unit: ${flow}.unit, temperatureC: ${flow}.temperatureC,
     availableMonths: ${flow}.availableMonths, confidentiality: ${flow}.confidentiality }`;

// Pairs come back as ids only: a wide search yields tens of thousands of pairs over a few
// thousand flows, whose details are then read once each (see FLOW_DETAILS).
const RETURN_PAIR = `RETURN o.id AS offerId, n.id AS needId, relation, grade, $maxKm[oc.code] AS maxKm`;

const FLOW_DETAILS = `
  UNWIND $ids AS id
  MATCH (a:Actor)-[:OFFERS|NEEDS]->(f:Flow {id: id})-[:OF_CATEGORY]->(c:ResourceCategory)
  RETURN ${FLOW_FIELDS('f', 'a', 'c')} AS flow`;

// Starting from offers in scope (the point index finds them when a circle is given), then the
// needs of compatible categories within the offer's maximum distance. Neo4j's sphere is 0.11 %
// larger than turf's, hence the small margin; the exact limit is applied when scoring.
const FROM_OFFERS = `
  MATCH (oa:Actor)
  WHERE ${IN_SCOPE('oa')} AND ($actorId IS NULL OR oa.id = $actorId)
  MATCH (oa)-[:OFFERS]->(o:Flow)-[:OF_CATEGORY]->(oc:ResourceCategory)
  WHERE $families IS NULL OR oc.family IN $families
  ${NEED_CATEGORIES}
  MATCH (nc)<-[:OF_CATEGORY]-(n:Flow)<-[:NEEDS]-(na:Actor)
  WHERE na <> oa AND point.distance(na.location, oa.location) <= $maxKm[oc.code] * 1001.2 AND ${IN_SCOPE('na')}
  ${RETURN_PAIR}`;

// For one actor's needs: the offers that could serve them.
const FROM_NEEDS = `
  MATCH (na:Actor {id: $actorId})
  WHERE ${IN_SCOPE('na')}
  MATCH (na)-[:NEEDS]->(n:Flow)-[:OF_CATEGORY]->(nc:ResourceCategory)
  ${OFFER_CATEGORIES}
  WITH na, n, nc, oc, relation, grade
  WHERE $families IS NULL OR oc.family IN $families
  MATCH (oc)<-[:OF_CATEGORY]-(o:Flow)<-[:OFFERS]-(oa:Actor)
  WHERE oa <> na AND point.distance(na.location, oa.location) <= $maxKm[oc.code] * 1001.2 AND ${IN_SCOPE('oa')}
  ${RETURN_PAIR}`;

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

interface PairRow {
  offerId: string;
  needId: string;
  relation: CategoryRelation;
  maxKm: number;
}

function toPairRow(record: Neo4jRecord): PairRow {
  const kind = String(record.get('relation')) as CategoryRelation['kind'];
  const relation: CategoryRelation = kind === 'COMPATIBLE' ? { kind, grade: Number(record.get('grade')) } : { kind };
  return { offerId: String(record.get('offerId')), needId: String(record.get('needId')), relation, maxKm: Number(record.get('maxKm')) };
}

/**
 * Offer–need pairs of two different actors whose categories are compatible and whose distance
 * is within the offered resource's limit, both actors in scope. With an actor, both its offers
 * and its needs are searched. Every confidentiality level takes part: hiding is the caller's job.
 */
export async function findSubstitutionCandidates(tx: Tx, scope: SynergyScope): Promise<CandidatePair[]> {
  const params = {
    center: scope.center ? pointParam(scope.center) : null,
    radius: scope.radiusMeters,
    territoryKey: scope.territoryKey,
    actorId: scope.actorId,
    families: scope.families?.length ? scope.families : null,
    maxKm: scope.maxKmByCategory,
  };
  const rows = (await tx.run(FROM_OFFERS, params)).records.map(toPairRow);
  if (scope.actorId) rows.push(...(await tx.run(FROM_NEEDS, params)).records.map(toPairRow));
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.offerId, r.needId]))];
  const details = await tx.run(FLOW_DETAILS, { ids });
  const flows = new Map(details.records.map((r) => {
    const flow = toFlow(r.get('flow'));
    return [flow.id, flow];
  }));
  return rows.map((r) => ({ offer: flows.get(r.offerId)!, need: flows.get(r.needId)!, relation: r.relation, maxKm: r.maxKm }));
}
