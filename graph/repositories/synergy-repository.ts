import { SynergyFlow } from '../../server/domain/synergy/substitution';
import { SearchGrid } from '../../server/domain/geo/search-grid';
import { Confidentiality, GeoPoint } from '../../server/domain/model';
import { Tx } from '../database';
import { intParam, pointParam, toNumber } from '../convert';

/** Which flows to read for a synergy search. */
export interface SynergyFlowQuery {
  direction: 'OFFER' | 'NEED';
  /** With radiusMeters: flows within the circle (point indexes `offer_location`, `need_location`). */
  center: GeoPoint | null;
  radiusMeters: number | null;
  /** Flows of actors located in this territory or any territory inside it. */
  territoryKey: string | null;
  /** Only this actor's flows. */
  actorId: string | null;
  /** Only flows of these categories. */
  categoryCodes: string[] | null;
}

/** One category to read around a point: as far as `meters`, in these cells of one grid. */
export interface CategoryReach {
  code: string;
  meters: number;
  grid: SearchGrid['property'];
  cells: number[];
}

/** What the taxonomy says of a category, as a flow of the search carries it. */
export type CategoryFacts = Pick<SynergyFlow, 'categoryName' | 'family' | 'ewcCode'>;

/** The taxonomy's facts of a category; undefined for a category the graph has and the data file lost. */
export type DescribeCategory = (code: string) => CategoryFacts | undefined;

// Flows carry their search keys (./flow-search-keys.ts): rows are read from the flow alone,
// as flat lists (cheaper to decode than maps), with only what scoring needs.
const RETURN_FLOW = `RETURN [f.id, f.actorId, f.location.y, f.location.x, f.categoryCode, f.quantity, f.unit, f.temperatureC,
  f.availableMonths, f.confidentiality] AS row`;

// The direction is a label from a closed set, so each direction has its own indexes.
const LABEL = { OFFER: 'Offer', NEED: 'Need' } as const;
const EDGE = { OFFER: 'OFFERS', NEED: 'NEEDS' } as const;

const IN_TERRITORY = `($territoryKey IS NULL OR EXISTS {
  (:Actor {id: f.actorId})-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })`;
const OF_CATEGORIES = '($categoryCodes IS NULL OR f.categoryCode IN $categoryCodes) AND f.categoryCode IS NOT NULL';

// Where the flows come from: one actor (unique index), a circle (point index), or the actors
// of a territory. A closed set of fixed texts; only parameter values vary. Every confidentiality
// level is read: confidential flows take part in matching, and the caller hides what the
// viewer may not see.
const flowsQuery = (source: 'actor' | 'circle' | 'territory', direction: 'OFFER' | 'NEED') => {
  switch (source) {
    case 'actor':
      return `MATCH (:Actor {id: $actorId})-[:${EDGE[direction]}]->(f:${LABEL[direction]}) WHERE ${OF_CATEGORIES} ${RETURN_FLOW}`;
    case 'circle':
      return `MATCH (f:${LABEL[direction]}) WHERE point.distance(f.location, $center) <= $radius AND ${OF_CATEGORIES} AND ${IN_TERRITORY}
        ${RETURN_FLOW}`;
    case 'territory':
      return `MATCH (:Territory {key: $territoryKey})<-[:PART_OF*0..6]-(:Territory)<-[:LOCATED_IN]-(a:Actor)
        WITH DISTINCT a MATCH (a)-[:${EDGE[direction]}]->(f:${LABEL[direction]}) WHERE ${OF_CATEGORIES}
        ${RETURN_FLOW}`;
  }
};

// Around one actor, few categories matter but some travel far (150 km for IT equipment): each
// is read by exact seeks on (category, grid cell) over the cells its reach covers, then by
// distance. Fine cells for short reaches, coarse ones for long reaches.
const flowsOfCategoriesAround = (direction: 'OFFER' | 'NEED') => `
  UNWIND $search.targets AS t
  UNWIND t.cells AS cell
  CALL (t, cell) {
    WITH t, cell WHERE NOT t.coarse
    MATCH (f:${LABEL[direction]} {categoryCode: t.code, cell: cell}) RETURN f
    UNION ALL
    WITH t, cell WHERE t.coarse
    MATCH (f:${LABEL[direction]} {categoryCode: t.code, coarseCell: cell}) RETURN f
  }
  WITH f, t.meters AS reach, point.distance(f.location, $center) AS meters
  WHERE meters <= reach AND meters > $inner
  ${RETURN_FLOW}`;

// Wide searches turn tens of thousands of rows into flows: each is built as one object
// literal (spreading a partial object into another costs about as much as the read itself).
function toFlows(rows: unknown[][], describe: DescribeCategory): SynergyFlow[] {
  const flows: SynergyFlow[] = [];
  for (const [id, actorId, lat, lon, categoryCode, quantity, unit, temperatureC, months, confidentiality] of rows) {
    const facts = describe(String(categoryCode));
    // A category the taxonomy no longer has cannot be scored: its flows are skipped.
    if (!facts) continue;
    flows.push({
      id: String(id),
      actorId: String(actorId),
      location: { lat: Number(lat), lon: Number(lon) },
      categoryCode: String(categoryCode),
      categoryName: facts.categoryName,
      family: facts.family,
      ewcCode: facts.ewcCode,
      quantity: toNumber(quantity),
      unit: unit === null || unit === undefined ? null : String(unit),
      temperatureC: toNumber(temperatureC),
      availableMonths: ((months as unknown[] | null) ?? []).map((m) => toNumber(m) ?? 0),
      confidentiality: (confidentiality as Confidentiality) ?? 'PUBLIC',
    });
  }
  return flows;
}

/**
 * The offer or need flows in scope, with what synergy scoring needs. The search pairs them in
 * memory (server/domain/synergy/candidates.ts): Cypher cannot hash-join flows on a computed
 * category relation, and expanding from each compatible category to all its flows made the
 * work grow with the whole region instead of the flows nearby.
 */
export async function findSynergyFlows(tx: Tx, query: SynergyFlowQuery, describe: DescribeCategory): Promise<SynergyFlow[]> {
  const source = query.actorId ? 'actor' : query.center ? 'circle' : 'territory';
  const result = await tx.run(flowsQuery(source, query.direction), {
    center: query.center ? pointParam(query.center) : null,
    radius: query.radiusMeters,
    actorId: query.actorId,
    territoryKey: query.territoryKey,
    categoryCodes: query.categoryCodes,
  });
  return toFlows(result.records.map((r) => r.get('row') as unknown[]), describe);
}

/**
 * The offer or need flows of the given categories around `center`, each category as far as
 * its reach, skipping those within `innerMeters` (already read by a smaller ring).
 */
export async function findFlowsOfCategoriesAround(
  tx: Tx, direction: 'OFFER' | 'NEED', center: GeoPoint, reaches: CategoryReach[], innerMeters: number | null, describe: DescribeCategory,
): Promise<SynergyFlow[]> {
  // Neo4j caches a plan per parameter shape, and the length of a list parameter is part of the
  // shape (1, 2 to 10, ...): a shape seen for the first time costs a new plan (a few hundred
  // ms). The targets travel inside a map and the inner radius is never null, so one plan serves.
  const result = await tx.run(flowsOfCategoriesAround(direction), {
    center: pointParam(center),
    search: { targets: reaches.map(({ code, meters, grid, cells }) => ({ code, meters, coarse: grid === 'coarseCell', cells: cells.map(intParam) })) },
    inner: innerMeters ?? -1,
  });
  return toFlows(result.records.map((r) => r.get('row') as unknown[]), describe);
}

/**
 * The offer or need flows of these actors (a session's participants), with a category. Every
 * confidentiality level is read, like every synergy read; the caller decides what to show.
 */
export async function findFlowsOfActors(tx: Tx, actorIds: readonly string[], direction: 'OFFER' | 'NEED', describe: DescribeCategory): Promise<SynergyFlow[]> {
  const result = await tx.run(
    `UNWIND $actorIds AS actorId
     MATCH (:Actor {id: actorId})-[:${EDGE[direction]}]->(f:${LABEL[direction]}) WHERE f.categoryCode IS NOT NULL
     ${RETURN_FLOW}`,
    { actorIds: [...new Set(actorIds)] },
  );
  return toFlows(result.records.map((r) => r.get('row') as unknown[]), describe);
}
