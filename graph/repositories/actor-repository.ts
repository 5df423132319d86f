import { Record as Neo4jRecord } from 'neo4j-driver';
import { ActorFields, ActorKind, ActorRecord, Confidentiality, Economy, GeoPoint, Public } from '../../server/domain/model';
import { Tx } from '../database';
import { intParam, pointParam, stringOrNull, toGeoPoint, toIsoString, toNumber } from '../convert';
import { REFRESH_FLOW_SEARCH_KEYS } from './flow-search-keys';

/** Fields written when creating or updating an actor (already validated). */
export interface ActorWrite extends ActorFields {
  /** Folded name, description and activities, for the full-text index. */
  searchText: string;
}

/** Filters of {@link searchActors}; every field optional. */
export interface ActorSearch {
  kinds?: ActorKind[] | null;
  economies?: Economy[] | null;
  territoryKey?: string | null;
  nafPrefix?: string | null;
  categoryCode?: string | null;
  /** Lucene query over the folded text (see `fullTextQuery`). */
  textQuery?: string | null;
  /** Flows of these confidentiality levels count for `categoryCode` (what the caller may see). */
  confidentialities: Confidentiality[];
}

/** Keyset cursor: actors are listed by name, then id. */
export interface ActorCursor {
  name: string;
  id: string;
}

/** Returns the actor bound to `a` as `actor`, read by {@link actorFromRecord}. */
export const ACTOR_PROJECTION = 'a { .*, location: a.location } AS actor';

export function actorFromRecord(record: Neo4jRecord, key = 'actor'): ActorRecord {
  const a = record.get(key) as Record<string, unknown>;
  return {
    id: String(a.id),
    externalId: stringOrNull(a.externalId),
    name: String(a.name),
    kind: a.kind as ActorKind,
    economy: a.economy as Economy,
    legalForm: stringOrNull(a.legalForm),
    nafCode: stringOrNull(a.nafCode),
    location: toGeoPoint(a.location),
    address: stringOrNull(a.address),
    description: stringOrNull(a.description),
    employees: toNumber(a.employees),
    activities: stringOrNull(a.activities),
    publics: ((a.publics as string[] | null) ?? []) as Public[],
    createdAt: toIsoString(a.createdAt),
    updatedAt: toIsoString(a.updatedAt),
  };
}

function writeParams(input: ActorWrite): Record<string, unknown> {
  return {
    name: input.name,
    kind: input.kind,
    economy: input.economy,
    legalForm: input.legalForm ?? null,
    nafCode: input.nafCode ?? null,
    location: pointParam(input.location),
    address: input.address ?? null,
    description: input.description ?? null,
    employees: input.employees === null || input.employees === undefined ? null : intParam(input.employees),
    activities: input.activities ?? null,
    publics: input.publics ?? [],
    searchText: input.searchText,
  };
}

/** Actors by id, in the order of `ids`, with `null` where none exists. */
export async function findActorsByIds(tx: Tx, ids: readonly string[]): Promise<(ActorRecord | null)[]> {
  const result = await tx.run(`UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN ${ACTOR_PROJECTION}`, { ids });
  const byId = new Map(result.records.map((r) => {
    const actor = actorFromRecord(r);
    return [actor.id, actor];
  }));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function findActorByExternalId(tx: Tx, externalId: string): Promise<ActorRecord | null> {
  const result = await tx.run(`MATCH (a:Actor {externalId: $externalId}) RETURN ${ACTOR_PROJECTION}`, { externalId });
  return result.records.length ? actorFromRecord(result.records[0]) : null;
}

/**
 * Creates an actor; with an externalId already known, returns the stored actor unchanged
 * (`created` false), which makes imports and seeds idempotent.
 */
export async function createActor(tx: Tx, id: string, input: ActorWrite): Promise<{ actor: ActorRecord; created: boolean }> {
  const cypher = input.externalId
    ? `MERGE (a:Actor {externalId: $externalId})
       ON CREATE SET a += $props, a.id = $id, a.createdAt = datetime(), a.updatedAt = a.createdAt
       RETURN ${ACTOR_PROJECTION}, a.id = $id AS created`
    : `CREATE (a:Actor {id: $id})
       SET a += $props, a.createdAt = datetime(), a.updatedAt = a.createdAt
       RETURN ${ACTOR_PROJECTION}, true AS created`;
  const result = await tx.run(cypher, { id, externalId: input.externalId ?? null, props: writeParams(input) });
  const record = result.records[0];
  return { actor: actorFromRecord(record), created: Boolean(record.get('created')) };
}

/** Replaces the given fields of an actor; `null` when it does not exist. */
export async function updateActor(tx: Tx, id: string, input: ActorWrite): Promise<ActorRecord | null> {
  const result = await tx.run(
    `MATCH (a:Actor {id: $id}) SET a += $props, a.updatedAt = datetime()
     // Its flows carry a copy of its location for the synergy search.
     WITH a
     CALL (a) {
       MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)
       ${REFRESH_FLOW_SEARCH_KEYS}
       RETURN count(f) AS flowsMoved
     }
     RETURN ${ACTOR_PROJECTION}`,
    { id, props: writeParams(input) },
  );
  return result.records.length ? actorFromRecord(result.records[0]) : null;
}

/** Deletes an actor and its flows, nothing else; false when it did not exist. */
export async function deleteActor(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.run(
    `MATCH (a:Actor {id: $id})
     OPTIONAL MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)
     DETACH DELETE f
     WITH DISTINCT a
     DETACH DELETE a
     RETURN count(*) AS deleted`,
    { id },
  );
  return Number(toNumber(result.records[0]?.get('deleted')) ?? 0) > 0;
}

/** Replaces the actor's LOCATED_IN edges with the given territories. */
export async function setActorTerritories(tx: Tx, actorId: string, territoryKeys: string[]): Promise<void> {
  await tx.run(
    `MATCH (a:Actor {id: $actorId})
     OPTIONAL MATCH (a)-[old:LOCATED_IN]->(:Territory)
     DELETE old
     WITH DISTINCT a
     UNWIND $keys AS key
     MATCH (t:Territory {key: key})
     MERGE (a)-[:LOCATED_IN]->(t)`,
    { actorId, keys: territoryKeys },
  );
}

// The filter text is fixed; only parameter values vary.
const SEARCH_WHERE = `
  ($kinds IS NULL OR a.kind IN $kinds)
  AND ($economies IS NULL OR a.economy IN $economies)
  AND ($nafPrefix IS NULL OR a.nafCode STARTS WITH $nafPrefix)
  AND ($territoryKey IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })
  AND ($categoryCode IS NULL OR EXISTS { (a)-[:OFFERS|NEEDS]->(f:Flow WHERE f.confidentiality IN $confidentialities)-[:OF_CATEGORY]->(:ResourceCategory)-[:CHILD_OF*0..6]->(:ResourceCategory {code: $categoryCode}) })`;

function searchSource(search: ActorSearch): string {
  return search.textQuery
    ? `CALL db.index.fulltext.queryNodes('actor_search_text', $textQuery) YIELD node AS a`
    : 'MATCH (a:Actor)';
}

function searchParams(search: ActorSearch): Record<string, unknown> {
  return {
    kinds: search.kinds?.length ? search.kinds : null,
    economies: search.economies?.length ? search.economies : null,
    territoryKey: search.territoryKey ?? null,
    nafPrefix: search.nafPrefix ?? null,
    categoryCode: search.categoryCode ?? null,
    textQuery: search.textQuery ?? null,
    confidentialities: search.confidentialities,
  };
}

/** Counts the actors matching a search. */
export async function countActors(tx: Tx, search: ActorSearch): Promise<number> {
  const result = await tx.run(`${searchSource(search)} WHERE ${SEARCH_WHERE} RETURN count(a) AS total`, searchParams(search));
  return toNumber(result.records[0].get('total')) ?? 0;
}

/** One page of matching actors ordered by name then id, starting after `after`. */
export async function listActors(tx: Tx, search: ActorSearch, limit: number, after: ActorCursor | null): Promise<ActorRecord[]> {
  const result = await tx.run(
    `${searchSource(search)}
     WHERE ${SEARCH_WHERE}
       AND ($afterName IS NULL OR a.name > $afterName OR (a.name = $afterName AND a.id > $afterId))
     RETURN ${ACTOR_PROJECTION}
     ORDER BY a.name, a.id
     LIMIT $limit`,
    { ...searchParams(search), afterName: after?.name ?? null, afterId: after?.id ?? null, limit: intParam(limit) },
  );
  return result.records.map((r) => actorFromRecord(r));
}

/**
 * Actors whose location lies within `radiusMeters` of `center` by Neo4j's own distance, nearest
 * first (served by the point index `actor_location`).
 */
export async function findActorsWithin(tx: Tx, center: GeoPoint, radiusMeters: number, limit: number): Promise<ActorRecord[]> {
  const result = await tx.run(
    `MATCH (a:Actor)
     WHERE point.distance(a.location, $center) <= $radius
     WITH a, point.distance(a.location, $center) AS meters
     ORDER BY meters, a.id
     LIMIT $limit
     RETURN ${ACTOR_PROJECTION}`,
    { center: pointParam(center), radius: radiusMeters, limit: intParam(limit) },
  );
  return result.records.map((r) => actorFromRecord(r));
}

/** Number of actors stored (used to decide whether to load the demo territory). */
export async function countAllActors(tx: Tx): Promise<number> {
  const result = await tx.run('MATCH (a:Actor) RETURN count(a) AS n');
  return toNumber(result.records[0].get('n')) ?? 0;
}
