import { ComplementarityActor } from '../../server/domain/complementarity/trades';
import { KnownRelation } from '../../server/domain/complementarity/engine';
import { Confidentiality, FlowDirection, GeoPoint } from '../../server/domain/model';
import { ActorRelationType } from '../../server/domain/relations/actor-relation';
import { Tx } from '../database';
import { pointParam, toGeoPoint } from '../convert';
import { ACTOR_PROJECTION, actorFromRecord } from './actor-repository';

/** Which actors a complementarity search considers. */
export interface ComplementarityScope {
  /** With radiusMeters: actors within the circle (point index `actor_location`). */
  center: GeoPoint | null;
  radiusMeters: number | null;
  /** Actors located in this territory or a territory inside it. */
  territoryKey: string | null;
  /** Flows of these confidentiality levels are read; the others stay out of the rules. */
  confidentialities: Confidentiality[];
  /** When given, exactly these actors (a session's participants), whatever the other fields say. */
  actorIds?: readonly string[] | null;
}

// Where the actors come from: a circle (point index) or a territory. Fixed texts; only
// parameter values vary.
const SOURCES = {
  circle: `MATCH (a:Actor) WHERE point.distance(a.location, $center) <= $radius
    AND ($territoryKey IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })`,
  territory: `MATCH (:Territory {key: $territoryKey})<-[:PART_OF*0..6]-(:Territory)<-[:LOCATED_IN]-(a:Actor) WITH DISTINCT a`,
  actors: 'UNWIND $actorIds AS actorId MATCH (a:Actor {id: actorId})',
} as const;

/**
 * The actors in scope with what the complementarity rules read: identity, trade words,
 * publics, location, and the direction and category of each flow the viewer may see.
 */
export async function findComplementarityActors(tx: Tx, scope: ComplementarityScope): Promise<ComplementarityActor[]> {
  const result = await tx.run(
    `${scope.actorIds ? SOURCES.actors : scope.center ? SOURCES.circle : SOURCES.territory}
     RETURN ${ACTOR_PROJECTION},
            COLLECT { MATCH (a)-[:OFFERS|NEEDS]->(f:Flow) WHERE f.confidentiality IN $confidentialities AND f.categoryCode IS NOT NULL
                      RETURN [f.direction, f.categoryCode] } AS flows`,
    {
      center: scope.center ? pointParam(scope.center) : null,
      radius: scope.radiusMeters,
      territoryKey: scope.territoryKey,
      confidentialities: scope.confidentialities,
      actorIds: scope.actorIds ? [...new Set(scope.actorIds)] : null,
    },
  );
  return result.records.map((record) => ({
    ...actorFromRecord(record),
    flows: (record.get('flows') as [FlowDirection, string][]).map(([direction, categoryCode]) => ({ direction, categoryCode })),
  }));
}

/** The location of one actor; null when it does not exist. */
export async function findActorLocation(tx: Tx, actorId: string): Promise<GeoPoint | null> {
  const result = await tx.run('MATCH (a:Actor {id: $actorId}) RETURN a.location AS location', { actorId });
  return result.records.length ? toGeoPoint(result.records[0].get('location')) : null;
}

/** The relations recorded between any two of these actors. */
export async function findRelationsAmong(tx: Tx, actorIds: string[]): Promise<KnownRelation[]> {
  const result = await tx.run(
    `MATCH (a:Actor)-[r:SUPPLIES|CLIENT_OF|COOPERATES_WITH|BOARD_MEMBER_OF]->(b:Actor)
     WHERE a.id IN $ids AND b.id IN $ids
     RETURN a.id AS fromActorId, b.id AS toActorId, type(r) AS type`,
    { ids: actorIds },
  );
  return result.records.map((r) => ({ fromActorId: r.get('fromActorId'), toActorId: r.get('toActorId'), type: r.get('type') as ActorRelationType }));
}
