import { Record as Neo4jRecord } from 'neo4j-driver';
import { ActorKind, Confidentiality, FlowDirection, GeoPoint, ResourceFamilyName } from '../../server/domain/model';
import { MutualisationFlow } from '../../server/domain/synergy/mutualisation';
import { pointParam, stringOrNull, toGeoPoint, toNumber } from '../convert';
import { Tx } from '../database';

/** Where the members of a mutualisation group must be, and which flows may take part. */
export interface MutualisationScope {
  /** With radiusMeters: actors within the circle (the point index finds them). */
  center: GeoPoint | null;
  radiusMeters: number | null;
  /** Actors located in this territory or one of its parts. */
  territoryKey: string | null;
  /** At least one. */
  directions: FlowDirection[];
  families: ResourceFamilyName[] | null;
  /** Only flows of these categories (null: any). */
  categoryCodes: string[] | null;
}

// Two fixed texts rather than `$center IS NULL OR ...`, so that the planner always sees a plain
// distance predicate it can answer with the actor_location point index.
const IN_CIRCLE = 'point.distance(a.location, $center) <= $radius';
const ANYWHERE = 'true';

const FLOWS_IN_SCOPE = (where: string) => `
  MATCH (a:Actor)
  WHERE ${where}
    AND ($territoryKey IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })
  MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)-[:OF_CATEGORY]->(c:ResourceCategory)
  WHERE f.direction IN $directions
    AND ($families IS NULL OR c.family IN $families)
    AND ($categoryCodes IS NULL OR c.code IN $categoryCodes)
  RETURN f.id AS id, a.id AS actorId, a.kind AS actorKind, a.location AS location, f.direction AS direction,
         c.code AS categoryCode, f.quantity AS quantity, f.unit AS unit, f.confidentiality AS confidentiality
  ORDER BY f.id`;

function toFlow(record: Neo4jRecord): MutualisationFlow {
  return {
    id: String(record.get('id')),
    actorId: String(record.get('actorId')),
    actorKind: record.get('actorKind') as ActorKind,
    location: toGeoPoint(record.get('location')),
    direction: record.get('direction') as FlowDirection,
    categoryCode: String(record.get('categoryCode')),
    quantity: toNumber(record.get('quantity')),
    unit: stringOrNull(record.get('unit')),
    confidentiality: (record.get('confidentiality') as Confidentiality | null) ?? 'PUBLIC',
  };
}

/**
 * The categorised flows of the actors in scope, of the given directions, families and
 * categories; every confidentiality level (hiding figures is the caller's job). A scope needs a
 * circle or a territory: without one the query would read every flow of the graph.
 *
 * @returns plain flows with their owner's kind and position, ordered by id
 */
export async function findMutualisationFlows(tx: Tx, scope: MutualisationScope): Promise<MutualisationFlow[]> {
  const circle = scope.center !== null && scope.radiusMeters !== null;
  if (!circle && scope.territoryKey === null) throw new Error('findMutualisationFlows needs a circle or a territory');
  const result = await tx.run(FLOWS_IN_SCOPE(circle ? IN_CIRCLE : ANYWHERE), {
    center: circle ? pointParam(scope.center!) : null,
    radius: scope.radiusMeters,
    territoryKey: scope.territoryKey,
    directions: scope.directions,
    families: scope.families?.length ? scope.families : null,
    categoryCodes: scope.categoryCodes,
  });
  return result.records.map(toFlow);
}
