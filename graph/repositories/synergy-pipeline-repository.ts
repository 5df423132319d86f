import { Record as Neo4jRecord } from 'neo4j-driver';
import { Confidentiality, FlowDirection, ResourceFamilyName } from '../../server/domain/model';
import { StatusChange } from '../../server/domain/synergy/funnel';
import { ImpactFlow } from '../../server/domain/synergy/impacts';
import {
  AbandonReason, SynergyEventRecord, SynergyKind, SynergyStatus, TrackedSynergyRecord,
} from '../../server/domain/synergy/pipeline';
import { Tx } from '../database';
import { intParam, stringOrNull, toGeoPoint, toIsoString, toNumber } from '../convert';

/**
 * Tracked synergies: `(:Synergy)-[:INVOLVES_FLOW]->(:Flow)`, `(:Synergy)-[:INVOLVES]->(:Actor)`
 * for the flows' owners, and the history `(:Synergy)-[:HAS_EVENT]->(:SynergyEvent)` whose events
 * are also chained in order by `(:SynergyEvent)-[:NEXT]->(:SynergyEvent)` and numbered by `seq`.
 */

/** Fields of a new tracked synergy (already validated). */
export interface SynergyCreate {
  id: string;
  eventId: string;
  kind: SynergyKind;
  status: SynergyStatus;
  title: string;
  /** Identifies the set of flows: one tracked synergy per set. */
  flowKey: string;
  flowIds: string[];
  by: string;
  comment: string | null;
}

/** A status change to record. */
export interface SynergyMove {
  eventId: string;
  to: SynergyStatus;
  reason: AbandonReason | null;
  comment: string | null;
  by: string;
}

/** Filters of {@link listTrackedSynergies}; all optional. */
export interface TrackedSynergySearch {
  territoryKey?: string | null;
  status?: SynergyStatus | null;
  kind?: SynergyKind | null;
  actorId?: string | null;
}

/** Keyset cursor: newest first, then by id. */
export interface TrackedSynergyCursor {
  createdAt: string;
  id: string;
}

/** A flow of a synergy as the impact estimate needs it, with who may see it. */
export interface ImpactFlowRow extends ImpactFlow {
  confidentiality: Confidentiality;
}

/** What the impact estimate of one synergy needs. */
export interface ImpactInputRow {
  id: string;
  kind: SynergyKind;
  status: SynergyStatus;
  flows: ImpactFlowRow[];
}

// Milliseconds: instants make the keyset cursor, and they round-trip exactly through ISO strings.
const NOW = "datetime.truncate('millisecond', datetime())";

const SYNERGY_PROJECTION = `s {
  .id, .kind, .status, .title, .createdAt, .updatedAt, .createdBy, .statusChangedAt, .abandonReason,
  flowIds: COLLECT { MATCH (s)-[:INVOLVES_FLOW]->(f:Flow) RETURN f.id ORDER BY f.direction DESC, f.id },
  actorIds: COLLECT { MATCH (s)-[:INVOLVES]->(a:Actor) RETURN a.id ORDER BY a.id }
} AS synergy`;

function synergyFrom(record: Neo4jRecord): TrackedSynergyRecord {
  const s = record.get('synergy') as Record<string, unknown>;
  return {
    id: String(s.id),
    kind: s.kind as SynergyKind,
    status: s.status as SynergyStatus,
    title: String(s.title),
    createdAt: toIsoString(s.createdAt),
    updatedAt: toIsoString(s.updatedAt),
    createdBy: String(s.createdBy),
    statusChangedAt: toIsoString(s.statusChangedAt),
    abandonReason: (stringOrNull(s.abandonReason) as AbandonReason | null),
    flowIds: (s.flowIds as unknown[]).map(String),
    actorIds: (s.actorIds as unknown[]).map(String),
  };
}

function eventFrom(e: Record<string, unknown>): SynergyEventRecord {
  return {
    id: String(e.id),
    seq: toNumber(e.seq) ?? 0,
    at: toIsoString(e.at),
    by: String(e.by),
    fromStatus: stringOrNull(e.fromStatus) as SynergyStatus | null,
    toStatus: e.toStatus as SynergyStatus,
    reason: stringOrNull(e.reason) as AbandonReason | null,
    comment: stringOrNull(e.comment),
  };
}

/** The tracked synergy with this flow key, if any. */
export async function findSynergyIdByFlowKey(tx: Tx, flowKey: string): Promise<{ id: string; status: SynergyStatus } | null> {
  const result = await tx.run('MATCH (s:Synergy {flowKey: $flowKey}) RETURN s.id AS id, s.status AS status', { flowKey });
  return result.records.length ? { id: String(result.records[0].get('id')), status: result.records[0].get('status') as SynergyStatus } : null;
}

/**
 * Creates a tracked synergy linked to its flows and their actors, with its first event
 * (fromStatus null). The flows must exist (checked by the caller in the same transaction).
 */
export async function createSynergy(tx: Tx, input: SynergyCreate): Promise<void> {
  await tx.run(
    `WITH ${NOW} AS now
     CREATE (s:Synergy {id: $id, kind: $kind, status: $status, title: $title, flowKey: $flowKey, createdBy: $by,
       createdAt: now, updatedAt: now, statusChangedAt: now})
     CREATE (s)-[:HAS_EVENT]->(:SynergyEvent {id: $eventId, seq: 1, at: now, by: $by, toStatus: $status, comment: $comment})
     WITH s
     UNWIND $flowIds AS flowId
     MATCH (owner:Actor)-[:OFFERS|NEEDS]->(f:Flow {id: flowId})
     MERGE (s)-[:INVOLVES_FLOW]->(f)
     MERGE (s)-[:INVOLVES]->(owner)`,
    {
      id: input.id, kind: input.kind, status: input.status, title: input.title, flowKey: input.flowKey,
      by: input.by, eventId: input.eventId, comment: input.comment, flowIds: input.flowIds,
    },
  );
}

/**
 * Takes the write lock on a synergy before its status is read, so that two concurrent moves
 * cannot both start from the same status (read committed would let both pass the check).
 *
 * @returns false when no synergy has this id
 */
export async function lockSynergy(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.run(`MATCH (s:Synergy {id: $id}) SET s.updatedAt = ${NOW} RETURN count(s) AS n`, { id });
  return (toNumber(result.records[0].get('n')) ?? 0) > 0;
}

/** Records a status change: a new event after the last one, and the synergy's new status. */
export async function appendSynergyEvent(tx: Tx, id: string, move: SynergyMove): Promise<void> {
  await tx.run(
    `MATCH (s:Synergy {id: $id})
     OPTIONAL MATCH (s)-[:HAS_EVENT]->(last:SynergyEvent) WHERE NOT (last)-[:NEXT]->(:SynergyEvent)
     WITH s, last, ${NOW} AS now
     CREATE (s)-[:HAS_EVENT]->(e:SynergyEvent {id: $eventId, seq: coalesce(last.seq, 0) + 1, at: now, by: $by,
       fromStatus: s.status, toStatus: $to, reason: $reason, comment: $comment})
     FOREACH (_ IN CASE WHEN last IS NULL THEN [] ELSE [1] END | CREATE (last)-[:NEXT]->(e))
     SET s.status = $to, s.updatedAt = now, s.statusChangedAt = now, s.abandonReason = $reason`,
    { id, eventId: move.eventId, to: move.to, reason: move.reason, comment: move.comment, by: move.by },
  );
}

/** Tracked synergies by id, in key order, `null` for misses. */
export async function findSynergiesByIds(tx: Tx, ids: readonly string[]): Promise<(TrackedSynergyRecord | null)[]> {
  const result = await tx.run(`UNWIND $ids AS id MATCH (s:Synergy {id: id}) RETURN ${SYNERGY_PROJECTION}`, { ids });
  const byId = new Map(result.records.map((r) => {
    const synergy = synergyFrom(r);
    return [synergy.id, synergy];
  }));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The history of each synergy, oldest first, in key order (empty for unknown ids). */
export async function findEventsBySynergyIds(tx: Tx, ids: readonly string[]): Promise<SynergyEventRecord[][]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (:Synergy {id: id})-[:HAS_EVENT]->(e:SynergyEvent)
     WITH id, e ORDER BY e.seq
     RETURN id, collect(e {.*}) AS events`,
    { ids },
  );
  const byId = new Map(result.records.map((r) => [String(r.get('id')), (r.get('events') as Record<string, unknown>[]).map(eventFrom)]));
  return ids.map((id) => byId.get(id) ?? []);
}

// A synergy is in a territory when one of its actors is: a territory reports every synergy its
// actors take part in (so a synergy across a border shows in both territories).
const SEARCH_WHERE = `($status IS NULL OR s.status = $status)
  AND ($kind IS NULL OR s.kind = $kind)
  AND ($actorId IS NULL OR EXISTS { (s)-[:INVOLVES]->(:Actor {id: $actorId}) })
  AND ($territoryKey IS NULL OR EXISTS { (s)-[:INVOLVES]->(:Actor)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) })`;

function searchParams(search: TrackedSynergySearch): Record<string, unknown> {
  return {
    status: search.status ?? null,
    kind: search.kind ?? null,
    actorId: search.actorId ?? null,
    territoryKey: search.territoryKey ?? null,
  };
}

export async function countTrackedSynergies(tx: Tx, search: TrackedSynergySearch): Promise<number> {
  const result = await tx.run(`MATCH (s:Synergy) WHERE ${SEARCH_WHERE} RETURN count(s) AS total`, searchParams(search));
  return toNumber(result.records[0].get('total')) ?? 0;
}

/** One page of tracked synergies, newest first, after `after`. */
export async function listTrackedSynergies(
  tx: Tx, search: TrackedSynergySearch, limit: number, after: TrackedSynergyCursor | null,
): Promise<TrackedSynergyRecord[]> {
  const result = await tx.run(
    `MATCH (s:Synergy)
     WHERE ${SEARCH_WHERE}
       AND ($afterAt IS NULL OR s.createdAt < datetime($afterAt) OR (s.createdAt = datetime($afterAt) AND s.id < $afterId))
     WITH s ORDER BY s.createdAt DESC, s.id DESC LIMIT $limit
     RETURN ${SYNERGY_PROJECTION}`,
    { ...searchParams(search), afterAt: after?.createdAt ?? null, afterId: after?.id ?? null, limit: intParam(limit) },
  );
  return result.records.map(synergyFrom);
}

/** The status history (instants and statuses, oldest first) of every synergy matching the search. */
export async function findStatusHistories(tx: Tx, search: TrackedSynergySearch): Promise<StatusChange[][]> {
  const result = await tx.run(
    `MATCH (s:Synergy) WHERE ${SEARCH_WHERE}
     MATCH (s)-[:HAS_EVENT]->(e:SynergyEvent)
     WITH s, e ORDER BY e.seq
     RETURN s.id AS id, collect({at: e.at, toStatus: e.toStatus}) AS changes`,
    searchParams(search),
  );
  return result.records.map((r) =>
    (r.get('changes') as { at: unknown; toStatus: string }[]).map((c) => ({ at: toIsoString(c.at), toStatus: c.toStatus as SynergyStatus })));
}

const IMPACT_FLOWS = `
  OPTIONAL MATCH (s)-[:INVOLVES_FLOW]->(f:Flow)<-[:OFFERS|NEEDS]-(owner:Actor)
  OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
  WITH s, collect(CASE WHEN f IS NULL THEN null ELSE {
    direction: f.direction, quantity: f.quantity, unit: f.unit, categoryCode: c.code, family: c.family,
    location: owner.location, confidentiality: f.confidentiality } END) AS flows
  RETURN s.id AS id, s.kind AS kind, s.status AS status, flows`;

function impactInputFrom(record: Neo4jRecord): ImpactInputRow {
  return {
    id: String(record.get('id')),
    kind: record.get('kind') as SynergyKind,
    status: record.get('status') as SynergyStatus,
    flows: (record.get('flows') as Record<string, unknown>[]).map((f) => ({
      direction: f.direction as FlowDirection,
      quantity: toNumber(f.quantity),
      unit: stringOrNull(f.unit),
      categoryCode: stringOrNull(f.categoryCode),
      family: stringOrNull(f.family) as ResourceFamilyName | null,
      location: toGeoPoint(f.location),
      confidentiality: (f.confidentiality as Confidentiality) ?? 'PUBLIC',
    })),
  };
}

/** What the impact estimates of these synergies need, in key order, `null` for misses. */
export async function findImpactInputsByIds(tx: Tx, ids: readonly string[]): Promise<(ImpactInputRow | null)[]> {
  const result = await tx.run(`UNWIND $ids AS id MATCH (s:Synergy {id: id}) ${IMPACT_FLOWS}`, { ids });
  const byId = new Map(result.records.map((r) => {
    const row = impactInputFrom(r);
    return [row.id, row];
  }));
  return ids.map((id) => byId.get(id) ?? null);
}

/** What the impact estimates need for the synergies of a territory in the given statuses. */
export async function findImpactInputsInTerritory(tx: Tx, territoryKey: string, statuses: SynergyStatus[]): Promise<ImpactInputRow[]> {
  const result = await tx.run(
    `MATCH (s:Synergy) WHERE s.status IN $statuses
       AND EXISTS { (s)-[:INVOLVES]->(:Actor)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(:Territory {key: $territoryKey}) }
     ${IMPACT_FLOWS}`,
    { territoryKey, statuses },
  );
  return result.records.map(impactInputFrom);
}
