import { Record as Neo4jRecord } from 'neo4j-driver';
import { TerritoryLevel, TerritoryRecord } from '../../server/domain/model';
import { foldText } from '../../server/domain/text/fold';
import { Tx } from '../database';
import { intParam, toNumber } from '../convert';

/** A territory row to write, with the keys of the territories it is part of. */
export interface TerritoryRow {
  key: string;
  code: string;
  name: string;
  level: TerritoryLevel;
  parentKeys: string[];
  /** GeoJSON geometry as text, for custom territories. */
  geometry?: string | null;
  /** Bounding box [minLon, minLat, maxLon, maxLat] of the geometry. */
  bbox?: number[] | null;
}

/** Filters of {@link listTerritories}. */
export interface TerritorySearch {
  level?: TerritoryLevel | null;
  parentKey?: string | null;
  /** Folded name prefix or part. */
  nameContains?: string | null;
}

const PROJECTION = 't { .key, .code, .name, .level, .geometry } AS territory';

function territoryFrom(record: Neo4jRecord, key = 'territory'): TerritoryRecord {
  const t = record.get(key) as Record<string, unknown>;
  return {
    key: String(t.key),
    code: String(t.code),
    name: String(t.name),
    level: t.level as TerritoryLevel,
    geometry: t.geometry ? JSON.parse(String(t.geometry)) : null,
  };
}

/** Creates or refreshes territories and their PART_OF edges, in one batch. */
export async function upsertTerritories(tx: Tx, rows: TerritoryRow[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MERGE (t:Territory {key: row.key})
     SET t.code = row.code, t.name = row.name, t.level = row.level, t.searchName = row.searchName,
         t.geometry = row.geometry, t.bbox = row.bbox`,
    {
      rows: rows.map((r) => ({
        ...r,
        searchName: foldText(r.name),
        geometry: r.geometry ?? null,
        bbox: r.bbox ?? null,
      })),
    },
  );
  await tx.run(
    `UNWIND $rows AS row
     MATCH (t:Territory {key: row.key})
     UNWIND row.parentKeys AS parentKey
     MATCH (p:Territory {key: parentKey})
     MERGE (t)-[:PART_OF]->(p)`,
    { rows: rows.filter((r) => r.parentKeys.length > 0).map((r) => ({ key: r.key, parentKeys: r.parentKeys })) },
  );
}

/** Territories whose code or key is `code`, in no particular order. */
export async function findTerritoriesByCode(tx: Tx, code: string): Promise<TerritoryRecord[]> {
  const result = await tx.run(
    `MATCH (t:Territory) WHERE t.code = $code OR t.key = $code RETURN ${PROJECTION}`,
    { code },
  );
  return result.records.map((r) => territoryFrom(r));
}

/** Territories by key, in the order asked (unknown keys left out). */
export async function findTerritoriesByKeys(tx: Tx, keys: readonly string[]): Promise<TerritoryRecord[]> {
  const result = await tx.run(
    `UNWIND range(0, size($keys) - 1) AS i MATCH (t:Territory {key: $keys[i]}) RETURN ${PROJECTION} ORDER BY i`,
    { keys },
  );
  return result.records.map((r) => territoryFrom(r));
}

/**
 * For each actor, the territories it is located in and every territory those are part of,
 * smallest first (commune, then EPT/EPCI, département, région), customs last.
 */
export async function findTerritoriesByActorIds(tx: Tx, actorIds: readonly string[]): Promise<TerritoryRecord[][]> {
  const result = await tx.run(
    `UNWIND $ids AS actorId
     MATCH (a:Actor {id: actorId})-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(t:Territory)
     WITH actorId, collect(DISTINCT t) AS territories
     RETURN actorId, [t IN territories | t { .key, .code, .name, .level, .geometry }] AS territories`,
    { ids: actorIds },
  );
  const order: Record<TerritoryLevel, number> = { COMMUNE: 0, EPT: 1, EPCI: 2, DEPARTEMENT: 3, REGION: 4, CUSTOM: 5 };
  const byActor = new Map<string, TerritoryRecord[]>();
  for (const record of result.records) {
    const list = (record.get('territories') as Record<string, unknown>[]).map((t) => territoryFrom({ get: () => t } as unknown as Neo4jRecord));
    list.sort((x, y) => order[x.level] - order[y.level] || x.code.localeCompare(y.code));
    byActor.set(String(record.get('actorId')), list);
  }
  return actorIds.map((id) => byActor.get(id) ?? []);
}

const SEARCH_WHERE = `($level IS NULL OR t.level = $level)
  AND ($nameContains IS NULL OR t.searchName CONTAINS $nameContains)
  AND ($parentKey IS NULL OR EXISTS { (t)-[:PART_OF*1..6]->(:Territory {key: $parentKey}) })`;

export async function countTerritories(tx: Tx, search: TerritorySearch): Promise<number> {
  const result = await tx.run(`MATCH (t:Territory) WHERE ${SEARCH_WHERE} RETURN count(t) AS total`, searchParams(search));
  return toNumber(result.records[0].get('total')) ?? 0;
}

/** A page of territories ordered by key, after `afterKey`. */
export async function listTerritories(tx: Tx, search: TerritorySearch, limit: number, afterKey: string | null): Promise<TerritoryRecord[]> {
  const result = await tx.run(
    `MATCH (t:Territory) WHERE ${SEARCH_WHERE} AND ($afterKey IS NULL OR t.key > $afterKey)
     RETURN ${PROJECTION} ORDER BY t.key LIMIT $limit`,
    { ...searchParams(search), afterKey, limit: intParam(limit) },
  );
  return result.records.map((r) => territoryFrom(r));
}

function searchParams(search: TerritorySearch): Record<string, unknown> {
  return { level: search.level ?? null, parentKey: search.parentKey ?? null, nameContains: search.nameContains ?? null };
}

/** Custom territories whose bounding box contains the point (candidates for point-in-polygon). */
export async function findCustomTerritoriesAround(tx: Tx, lat: number, lon: number): Promise<TerritoryRecord[]> {
  const result = await tx.run(
    `MATCH (t:Territory {level: 'CUSTOM'})
     WHERE t.bbox[0] <= $lon AND $lon <= t.bbox[2] AND t.bbox[1] <= $lat AND $lat <= t.bbox[3]
     RETURN ${PROJECTION}`,
    { lat, lon },
  );
  return result.records.map((r) => territoryFrom(r));
}

/** Adds LOCATED_IN edges from the given actors to a territory. */
export async function locateActorsIn(tx: Tx, territoryKey: string, actorIds: string[]): Promise<void> {
  await tx.run(
    `MATCH (t:Territory {key: $key}) UNWIND $ids AS id MATCH (a:Actor {id: id}) MERGE (a)-[:LOCATED_IN]->(t)`,
    { key: territoryKey, ids: actorIds },
  );
}

/** Actors (id and location) inside a bounding box [minLon, minLat, maxLon, maxLat]. */
export async function findActorLocationsInBox(tx: Tx, bbox: number[]): Promise<{ id: string; lat: number; lon: number }[]> {
  const result = await tx.run(
    `MATCH (a:Actor)
     WHERE point.withinBBox(a.location, point({longitude: $minLon, latitude: $minLat}), point({longitude: $maxLon, latitude: $maxLat}))
     RETURN a.id AS id, a.location.y AS lat, a.location.x AS lon`,
    { minLon: bbox[0], minLat: bbox[1], maxLon: bbox[2], maxLat: bbox[3] },
  );
  return result.records.map((r) => ({ id: String(r.get('id')), lat: Number(r.get('lat')), lon: Number(r.get('lon')) }));
}

/** Reference-data marker: which version of a data set was loaded last. */
export async function getReferenceVersion(tx: Tx, name: string): Promise<string | null> {
  const result = await tx.run('MATCH (s:AppSetting {name: $name}) RETURN s.value AS value', { name });
  return result.records.length ? String(result.records[0].get('value')) : null;
}

export async function setReferenceVersion(tx: Tx, name: string, value: string): Promise<void> {
  await tx.run('MERGE (s:AppSetting {name: $name}) SET s.value = $value', { name, value });
}

/** The INSEE code of the commune an actor is located in, if any. */
export async function findActorCommuneCode(tx: Tx, actorId: string): Promise<string | null> {
  const result = await tx.run(
    "MATCH (:Actor {id: $actorId})-[:LOCATED_IN]->(t:Territory {level: 'COMMUNE'}) RETURN t.code AS code LIMIT 1",
    { actorId },
  );
  return result.records.length ? String(result.records[0].get('code')) : null;
}
