import { Confidentiality, FlowDirection, GeoPoint, ResourceFamilyName } from '../../server/domain/model';
import { GeoActor, GeoFlow, GeoTrackedSynergy } from '../../server/domain/geo/geojson';
import { AbandonReason, SynergyKind, SynergyStatus } from '../../server/domain/synergy/pipeline';
import { Tx } from '../database';
import { intParam, pointParam, stringOrNull, toGeoPoint, toIsoString, toNumber } from '../convert';

/**
 * Reads for the GeoJSON export: the actors of an area with the flows a viewer may see, and the
 * tracked synergies involving them.
 */

/** The area to export: a circle (by Neo4j's own distance) or a territory and everything inside it. */
export type ExportArea =
  | { kind: 'CIRCLE'; center: GeoPoint; radiusMeters: number }
  | { kind: 'TERRITORY'; territoryKey: string };

/** An actor of the area with its flows of the requested confidentiality levels. */
export interface ExportActorRow {
  actor: GeoActor;
  flows: GeoFlow[];
}

// Two fixed sources, chosen by the kind of area (only parameter values vary): the circle is served
// by the point index `actor_location`; a territory is walked down from its node, so the work grows
// with the actors inside it, not with the whole graph.
const AREA_SOURCE = {
  CIRCLE: 'MATCH (a:Actor) WHERE point.distance(a.location, $center) <= $radius',
  TERRITORY: `MATCH (:Territory {key: $territoryKey})<-[:PART_OF*0..6]-(:Territory)<-[:LOCATED_IN]-(a:Actor)
    WITH DISTINCT a`,
} as const;

// Hidden flows are filtered here, in the query: they never leave the database.
const ACTORS_WITH_FLOWS = `
  WITH a ORDER BY a.name, a.id LIMIT $limit
  RETURN a { .id, .name, .kind, .economy, .legalForm, .nafCode, .address, location: a.location } AS actor,
    COLLECT {
      MATCH (a)-[:OFFERS|NEEDS]->(f:Flow) WHERE f.confidentiality IN $confidentialities
      OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
      RETURN f { .id, .direction, .description, .quantity, .unit, .confidentiality, categoryCode: c.code, family: c.family }
      ORDER BY f.direction DESC, f.id
    } AS flows`;

/**
 * The actors of an area, by name then id, at most `limit`, each with its flows of the given
 * confidentiality levels (offers first).
 */
export async function findActorsWithFlowsInArea(tx: Tx, area: ExportArea, confidentialities: Confidentiality[], limit: number): Promise<ExportActorRow[]> {
  const params = area.kind === 'CIRCLE'
    ? { center: pointParam(area.center), radius: area.radiusMeters }
    : { territoryKey: area.territoryKey };
  const result = await tx.run(`${AREA_SOURCE[area.kind]} ${ACTORS_WITH_FLOWS}`, { ...params, confidentialities, limit: intParam(limit) });
  return result.records.map((record) => {
    const a = record.get('actor') as Record<string, unknown>;
    const actor: GeoActor = {
      id: String(a.id),
      name: String(a.name),
      kind: a.kind as GeoActor['kind'],
      economy: a.economy as GeoActor['economy'],
      legalForm: stringOrNull(a.legalForm),
      nafCode: stringOrNull(a.nafCode),
      address: stringOrNull(a.address),
      location: toGeoPoint(a.location),
    };
    const flows = (record.get('flows') as Record<string, unknown>[]).map((f): GeoFlow => ({
      id: String(f.id),
      actorId: actor.id,
      direction: f.direction as FlowDirection,
      description: String(f.description),
      categoryCode: stringOrNull(f.categoryCode),
      family: stringOrNull(f.family) as ResourceFamilyName | null,
      quantity: toNumber(f.quantity),
      unit: stringOrNull(f.unit),
      confidentiality: (f.confidentiality as Confidentiality) ?? 'PUBLIC',
    }));
    return { actor, flows };
  });
}

/**
 * The tracked synergies involving at least one of the given actors, oldest first, each with
 * every actor it involves (not only those given) and, for a substitution, the owners of its
 * offer and need.
 */
export async function findTrackedSynergiesOfActors(tx: Tx, actorIds: readonly string[]): Promise<GeoTrackedSynergy[]> {
  const result = await tx.run(
    `UNWIND $actorIds AS actorId
     MATCH (:Actor {id: actorId})<-[:INVOLVES]-(s:Synergy)
     WITH DISTINCT s
     ORDER BY s.createdAt, s.id
     RETURN s {
       .id, .kind, .status, .title, .statusChangedAt, .abandonReason,
       actors: COLLECT { MATCH (s)-[:INVOLVES]->(a:Actor) RETURN a { .id, location: a.location } ORDER BY a.id },
       offerActorIds: COLLECT { MATCH (s)-[:INVOLVES_FLOW]->(:Flow {direction: 'OFFER'})<-[:OFFERS|NEEDS]-(a:Actor) RETURN a.id ORDER BY a.id },
       needActorIds: COLLECT { MATCH (s)-[:INVOLVES_FLOW]->(:Flow {direction: 'NEED'})<-[:OFFERS|NEEDS]-(a:Actor) RETURN a.id ORDER BY a.id }
     } AS synergy`,
    { actorIds },
  );
  return result.records.map((record) => {
    const s = record.get('synergy') as Record<string, unknown>;
    return {
      id: String(s.id),
      kind: s.kind as SynergyKind,
      status: s.status as SynergyStatus,
      title: String(s.title),
      statusChangedAt: toIsoString(s.statusChangedAt),
      abandonReason: stringOrNull(s.abandonReason) as AbandonReason | null,
      offerActorId: stringOrNull((s.offerActorIds as unknown[])[0]),
      needActorId: stringOrNull((s.needActorIds as unknown[])[0]),
      actors: (s.actors as Record<string, unknown>[]).map((a) => ({ id: String(a.id), location: toGeoPoint(a.location) })),
    };
  });
}
