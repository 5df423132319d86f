import {
  ACTOR_RELATION_TYPES, ActorRelationRecord, ActorRelationType, isActorRelationType,
} from '../../server/domain/relations/actor-relation';
import { Tx } from '../database';
import { stringOrNull, toIsoString, toNumber } from '../convert';

/**
 * Known relations between actors: relationships `(:Actor)-[:SUPPLIES|CLIENT_OF|COOPERATES_WITH|
 * BOARD_MEMBER_OF]->(:Actor)` with `since`, `description`, `createdAt`, `updatedAt` and
 * `recordedBy`. At most one per (from, to, type); COOPERATES_WITH is one per pair, whatever its
 * stored direction.
 */

/** A relation to write (already validated, both actors checked to exist). */
export interface ActorRelationWrite {
  type: ActorRelationType;
  fromActorId: string;
  toActorId: string;
  /** Undefined: kept as stored when the relation exists; null clears. */
  since: string | null | undefined;
  /** Undefined: kept as stored when the relation exists; null clears. */
  description: string | null | undefined;
  recordedBy: string;
}

// Relationship types cannot be parameters: each type maps to a fixed pattern, the only text
// that varies between the queries below. COOPERATES_WITH is matched in both directions, so
// recording (b, a) finds the (a)->(b) stored before.
const PATTERN: { readonly [T in ActorRelationType]: string } = {
  SUPPLIES: '(a)-[r:SUPPLIES]->(b)',
  CLIENT_OF: '(a)-[r:CLIENT_OF]->(b)',
  COOPERATES_WITH: '(a)-[r:COOPERATES_WITH]-(b)',
  BOARD_MEMBER_OF: '(a)-[r:BOARD_MEMBER_OF]->(b)',
};

// Every relation type, in one fixed alternation for reading all the relations of an actor.
const ANY_RELATION = ACTOR_RELATION_TYPES.join('|');

// Milliseconds: instants round-trip exactly through ISO strings.
const NOW = "datetime.truncate('millisecond', datetime())";

const RELATION_PROJECTION = `{
  type: type(r), fromActorId: startNode(r).id, toActorId: endNode(r).id, since: r.since, description: r.description,
  createdAt: r.createdAt, updatedAt: r.updatedAt, recordedBy: r.recordedBy
}`;

function patternOf(type: ActorRelationType): string {
  // The GraphQL enum and the service already refuse other values; this keeps any other caller
  // from putting text of its own into a query.
  if (!isActorRelationType(type)) throw new Error(`Unknown actor relation type: ${String(type)}`);
  return PATTERN[type];
}

function relationFrom(value: unknown): ActorRelationRecord {
  const r = value as Record<string, unknown>;
  return {
    type: r.type as ActorRelationType,
    fromActorId: String(r.fromActorId),
    toActorId: String(r.toActorId),
    since: stringOrNull(r.since),
    description: stringOrNull(r.description),
    createdAt: toIsoString(r.createdAt),
    updatedAt: toIsoString(r.updatedAt),
    recordedBy: String(r.recordedBy ?? ''),
  };
}

/**
 * Creates the relation, or updates the one already recorded for (from, to, type) — for
 * COOPERATES_WITH, for the pair in either direction, keeping its stored direction.
 *
 * MERGE between two bound nodes runs as Neo4j's LockingMerge: when the relationship is not
 * found it locks both actors and looks again before creating, so two concurrent recordings of
 * the same relation (even (a, b) and (b, a) of a cooperation) cannot create two.
 *
 * @returns the stored relation, or null when either actor does not exist
 */
export async function recordActorRelation(tx: Tx, write: ActorRelationWrite): Promise<ActorRelationRecord | null> {
  // Only the fields given are written: an absent one keeps its stored value; a null removes it.
  const props: Record<string, string | null> = {};
  if (write.since !== undefined) props.since = write.since;
  if (write.description !== undefined) props.description = write.description;
  const result = await tx.run(
    `MATCH (a:Actor {id: $fromActorId}), (b:Actor {id: $toActorId})
     WITH a, b, ${NOW} AS now
     MERGE ${patternOf(write.type)}
       ON CREATE SET r.createdAt = now
     SET r += $props, r.updatedAt = now, r.recordedBy = $recordedBy
     RETURN ${RELATION_PROJECTION} AS relation
     LIMIT 1`,
    { fromActorId: write.fromActorId, toActorId: write.toActorId, props, recordedBy: write.recordedBy },
  );
  return result.records.length ? relationFrom(result.records[0].get('relation')) : null;
}

/**
 * Removes the relation of this type from one actor to the other (for COOPERATES_WITH, in
 * either direction).
 *
 * @returns whether a relation was removed
 */
export async function removeActorRelation(tx: Tx, fromActorId: string, toActorId: string, type: ActorRelationType): Promise<boolean> {
  const result = await tx.run(
    `MATCH (a:Actor {id: $fromActorId}), (b:Actor {id: $toActorId})
     MATCH ${patternOf(type)}
     DELETE r
     RETURN count(*) AS removed`,
    { fromActorId, toActorId },
  );
  return (toNumber(result.records[0]?.get('removed')) ?? 0) > 0;
}

/**
 * The relations of each actor, on either side, newest first (then by type and ids, so that the
 * order is stable), in the order of `ids`; an unknown actor has none. One query per batch.
 */
export async function findRelationsOfActors(tx: Tx, ids: readonly string[]): Promise<ActorRelationRecord[][]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Actor {id: id})
     RETURN id, COLLECT {
       MATCH (a)-[r:${ANY_RELATION}]-(:Actor)
       RETURN ${RELATION_PROJECTION}
       ORDER BY r.createdAt DESC, type(r), startNode(r).id, endNode(r).id
     } AS relations`,
    { ids },
  );
  const byId = new Map(result.records.map((record) => [
    String(record.get('id')),
    (record.get('relations') as unknown[]).map(relationFrom),
  ]));
  return ids.map((id) => byId.get(id) ?? []);
}
