import { Record as Neo4jRecord } from 'neo4j-driver';
import { Confidentiality, FlowDirection, FlowRecord } from '../../server/domain/model';
import { Tx } from '../database';
import { intParam, stringOrNull, toIsoString, toNumber } from '../convert';
import { REFRESH_FLOW_SEARCH_KEYS } from './flow-search-keys';

/** Fields written when adding or updating a flow (already validated). */
export interface FlowWrite {
  externalId?: string | null;
  direction: FlowDirection;
  description: string;
  categoryCode: string | null;
  /** Whether `categoryCode` was inferred from the description rather than chosen by a person. */
  categoryInferred: boolean;
  /** Confidence (0..1) of an inferred category, null otherwise. */
  categoryConfidence: number | null;
  quantity: number | null;
  unit: string | null;
  temperatureC: number | null;
  availableMonths: number[];
  confidentiality: Confidentiality;
  searchText: string;
}

/** Filters of {@link listFlows}. */
export interface FlowSearch {
  /** Only flows of these confidentiality levels (what the caller may see). */
  confidentialities: Confidentiality[];
  actorId?: string | null;
  direction?: FlowDirection | null;
  categoryCode?: string | null;
  families?: string[] | null;
  territoryKey?: string | null;
  textQuery?: string | null;
}

const FLOW_PROJECTION = `f { .*, actorId: owner.id, categoryCode: c.code } AS flow`;

function flowFromRecord(record: Neo4jRecord): FlowRecord {
  const f = record.get('flow') as Record<string, unknown>;
  return {
    id: String(f.id),
    externalId: stringOrNull(f.externalId),
    actorId: String(f.actorId),
    direction: f.direction as FlowDirection,
    description: String(f.description),
    categoryCode: stringOrNull(f.categoryCode),
    // Flows stored before inference was recorded have neither property: read as chosen.
    categoryInferred: f.categoryInferred === true,
    categoryConfidence: toNumber(f.categoryConfidence),
    quantity: toNumber(f.quantity),
    unit: stringOrNull(f.unit),
    temperatureC: toNumber(f.temperatureC),
    availableMonths: ((f.availableMonths as unknown[] | null) ?? []).map((m) => toNumber(m) ?? 0),
    confidentiality: (f.confidentiality as Confidentiality) ?? 'PUBLIC',
    createdAt: toIsoString(f.createdAt),
    updatedAt: toIsoString(f.updatedAt),
  };
}

function writeProps(input: FlowWrite): Record<string, unknown> {
  return {
    direction: input.direction,
    description: input.description,
    categoryInferred: input.categoryInferred,
    categoryConfidence: input.categoryConfidence,
    quantity: input.quantity,
    unit: input.unit,
    temperatureC: input.temperatureC,
    availableMonths: input.availableMonths.map((m) => intParam(m)),
    confidentiality: input.confidentiality,
    searchText: input.searchText,
  };
}

// A flow's edge type follows its direction: OFFERS for an offer, NEEDS for a need.
const MATCH_FLOW = `MATCH (owner:Actor)-[:OFFERS|NEEDS]->(f:Flow) OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)`;

/** Flows by id, in key order, `null` for misses. */
export async function findFlowsByIds(tx: Tx, ids: readonly string[]): Promise<(FlowRecord | null)[]> {
  const result = await tx.run(
    `UNWIND $ids AS id MATCH (owner:Actor)-[:OFFERS|NEEDS]->(f:Flow {id: id})
     OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN ${FLOW_PROJECTION}`,
    { ids },
  );
  const byId = new Map(result.records.map((r) => {
    const flow = flowFromRecord(r);
    return [flow.id, flow];
  }));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The flows of each actor, in key order (empty arrays for actors without flows). */
export async function findFlowsByActorIds(tx: Tx, actorIds: readonly string[]): Promise<FlowRecord[][]> {
  const result = await tx.run(
    `UNWIND $ids AS actorId
     MATCH (owner:Actor {id: actorId})-[:OFFERS|NEEDS]->(f:Flow)
     OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN ${FLOW_PROJECTION}
     ORDER BY f.direction DESC, f.createdAt, f.id`,
    { ids: actorIds },
  );
  const byActor = new Map<string, FlowRecord[]>();
  for (const record of result.records) {
    const flow = flowFromRecord(record);
    const list = byActor.get(flow.actorId) ?? [];
    list.push(flow);
    byActor.set(flow.actorId, list);
  }
  return actorIds.map((id) => byActor.get(id) ?? []);
}

/**
 * Adds a flow to an actor. With an externalId already known, returns the stored flow unchanged.
 * @returns null when the actor does not exist
 */
export async function addFlow(tx: Tx, actorId: string, id: string, input: FlowWrite): Promise<FlowRecord | null> {
  const relationship = input.direction === 'OFFER' ? 'OFFERS' : 'NEEDS';
  const create = input.externalId
    ? `MERGE (f:Flow {externalId: $externalId})
       ON CREATE SET f += $props, f.id = $id, f.createdAt = datetime(), f.updatedAt = f.createdAt`
    : `CREATE (f:Flow {id: $id}) SET f += $props, f.createdAt = datetime(), f.updatedAt = f.createdAt`;
  const result = await tx.run(
    `MATCH (newOwner:Actor {id: $actorId})
     ${create}
     WITH newOwner, f
     // Only a flow created by this call gets its owner edge and category: a flow found by its
     // externalId stays as stored (one owner, one direction), whatever this call asked for.
     CALL (newOwner, f) {
       WITH newOwner, f WHERE f.id = $id
       MERGE (newOwner)-[:${relationship}]->(f)
       WITH f
       OPTIONAL MATCH (cat:ResourceCategory {code: $categoryCode})
       FOREACH (_ IN CASE WHEN cat IS NULL THEN [] ELSE [1] END | MERGE (f)-[:OF_CATEGORY]->(cat))
       WITH f
       ${REFRESH_FLOW_SEARCH_KEYS}
     }
     WITH f
     MATCH (owner:Actor)-[:OFFERS|NEEDS]->(f)
     OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN ${FLOW_PROJECTION}`,
    { actorId, id, externalId: input.externalId ?? null, props: writeProps(input), categoryCode: input.categoryCode },
  );
  return result.records.length ? flowFromRecord(result.records[0]) : null;
}

/** Replaces a flow's fields and category; the edge type follows a change of direction. */
export async function updateFlow(tx: Tx, id: string, input: FlowWrite): Promise<FlowRecord | null> {
  const relationship = input.direction === 'OFFER' ? 'OFFERS' : 'NEEDS';
  const result = await tx.run(
    `MATCH (owner:Actor)-[old:OFFERS|NEEDS]->(f:Flow {id: $id})
     SET f += $props, f.updatedAt = datetime()
     WITH owner, old, f
     CALL (owner, old, f) {
       WITH owner, old, f WHERE type(old) <> $relationship
       DELETE old
       MERGE (owner)-[:${relationship}]->(f)
     }
     WITH owner, f
     OPTIONAL MATCH (f)-[oldCat:OF_CATEGORY]->()
     DELETE oldCat
     WITH DISTINCT owner, f
     CALL (f) {
       OPTIONAL MATCH (cat:ResourceCategory {code: $categoryCode})
       FOREACH (_ IN CASE WHEN cat IS NULL THEN [] ELSE [1] END | MERGE (f)-[:OF_CATEGORY]->(cat))
     }
     ${REFRESH_FLOW_SEARCH_KEYS}
     WITH owner, f
     OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN ${FLOW_PROJECTION}`,
    { id, props: writeProps(input), categoryCode: input.categoryCode, relationship },
  );
  return result.records.length ? flowFromRecord(result.records[0]) : null;
}

/**
 * Files a flow under a category as chosen by a person (not inferred): replaces its category
 * edge and clears the inference marks.
 * @returns null when the flow does not exist
 */
export async function confirmFlowCategory(tx: Tx, id: string, categoryCode: string): Promise<FlowRecord | null> {
  const result = await tx.run(
    `MATCH (owner:Actor)-[:OFFERS|NEEDS]->(f:Flow {id: $id})
     MATCH (cat:ResourceCategory {code: $categoryCode})
     OPTIONAL MATCH (f)-[oldCat:OF_CATEGORY]->()
     DELETE oldCat
     WITH DISTINCT owner, f, cat
     MERGE (f)-[:OF_CATEGORY]->(cat)
     SET f.categoryInferred = false, f.categoryConfidence = null, f.updatedAt = datetime()
     WITH owner, f
     ${REFRESH_FLOW_SEARCH_KEYS}
     MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN ${FLOW_PROJECTION}`,
    { id, categoryCode },
  );
  return result.records.length ? flowFromRecord(result.records[0]) : null;
}

/** Deletes a flow; false when it did not exist. */
export async function removeFlow(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.run('MATCH (f:Flow {id: $id}) DETACH DELETE f RETURN count(*) AS deleted', { id });
  return (toNumber(result.records[0]?.get('deleted')) ?? 0) > 0;
}

const FLOW_SEARCH_WHERE = `
  f.confidentiality IN $confidentialities
  AND ($actorId IS NULL OR owner.id = $actorId)
  AND ($direction IS NULL OR f.direction = $direction)
  AND ($categoryCode IS NULL OR EXISTS { (f)-[:OF_CATEGORY]->(:ResourceCategory)-[:CHILD_OF*0..6]->(:ResourceCategory {code: $categoryCode}) })
  AND ($families IS NULL OR c.family IN $families)
  AND ($territoryKey IS NULL OR EXISTS { (owner)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })`;

function flowSource(search: FlowSearch): string {
  return search.textQuery
    ? `CALL db.index.fulltext.queryNodes('flow_search_text', $textQuery) YIELD node AS f
       MATCH (owner:Actor)-[:OFFERS|NEEDS]->(f) OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)`
    : MATCH_FLOW;
}

function flowSearchParams(search: FlowSearch): Record<string, unknown> {
  return {
    confidentialities: search.confidentialities,
    actorId: search.actorId ?? null,
    direction: search.direction ?? null,
    categoryCode: search.categoryCode ?? null,
    families: search.families?.length ? search.families : null,
    territoryKey: search.territoryKey ?? null,
    textQuery: search.textQuery ?? null,
  };
}

export async function countFlows(tx: Tx, search: FlowSearch): Promise<number> {
  const result = await tx.run(`${flowSource(search)} WITH owner, f, c WHERE ${FLOW_SEARCH_WHERE} RETURN count(f) AS total`, flowSearchParams(search));
  return toNumber(result.records[0].get('total')) ?? 0;
}

/** One page of matching flows ordered by id (creation-independent, stable), after `afterId`. */
export async function listFlows(tx: Tx, search: FlowSearch, limit: number, afterId: string | null): Promise<FlowRecord[]> {
  const result = await tx.run(
    `${flowSource(search)}
     WITH owner, f, c WHERE ${FLOW_SEARCH_WHERE} AND ($afterId IS NULL OR f.id > $afterId)
     RETURN ${FLOW_PROJECTION}
     ORDER BY f.id
     LIMIT $limit`,
    { ...flowSearchParams(search), afterId, limit: intParam(limit) },
  );
  return result.records.map(flowFromRecord);
}
