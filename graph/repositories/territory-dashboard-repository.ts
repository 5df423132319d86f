import { ActorKind, Economy, FlowDirection, ResourceFamilyName } from '../../server/domain/model';
import { SynergyStatus } from '../../server/domain/synergy/pipeline';
import { Tx } from '../database';
import { toNumber } from '../convert';

/**
 * Counts for a territory's dashboard. The scope is the actors located in the territory or in
 * any territory part of it (LOCATED_IN / PART_OF, as the actor search), walked down from the
 * territory so that the work grows with the territory, not with the whole graph.
 */

// The territory and everything inside it, each once, then their actors, each once.
const ACTORS_IN = `
  MATCH (:Territory {key: $key})<-[:PART_OF*0..6]-(inside:Territory)
  WITH DISTINCT inside
  MATCH (inside)<-[:LOCATED_IN]-(a:Actor)
  WITH DISTINCT a`;

export interface ActorCountRow {
  kind: ActorKind;
  economy: Economy;
  count: number;
}

export interface FlowCountRow {
  /** null: flows without a category. */
  family: ResourceFamilyName | null;
  direction: FlowDirection;
  count: number;
}

export interface SynergyCountRow {
  status: SynergyStatus;
  count: number;
}

/** Actors of the territory, counted by kind and economy. */
export async function countActorsByKindAndEconomy(tx: Tx, key: string): Promise<ActorCountRow[]> {
  const result = await tx.run(`${ACTORS_IN} RETURN a.kind AS kind, a.economy AS economy, count(a) AS count`, { key });
  return result.records.map((r) => ({
    kind: r.get('kind') as ActorKind,
    economy: r.get('economy') as Economy,
    count: toNumber(r.get('count')) ?? 0,
  }));
}

/** Flows of the territory's actors, counted by family of their category and direction. */
export async function countFlowsByFamilyAndDirection(tx: Tx, key: string): Promise<FlowCountRow[]> {
  const result = await tx.run(
    `${ACTORS_IN}
     MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)
     OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN c.family AS family, f.direction AS direction, count(f) AS count`,
    { key },
  );
  return result.records.map((r) => ({
    family: (r.get('family') as ResourceFamilyName | null) ?? null,
    direction: r.get('direction') as FlowDirection,
    count: toNumber(r.get('count')) ?? 0,
  }));
}

/** Tracked synergies involving at least one actor of the territory, counted by status. */
export async function countSynergiesByStatus(tx: Tx, key: string): Promise<SynergyCountRow[]> {
  const result = await tx.run(
    `${ACTORS_IN}
     MATCH (a)<-[:INVOLVES]-(s:Synergy)
     WITH DISTINCT s
     RETURN s.status AS status, count(s) AS count`,
    { key },
  );
  return result.records.map((r) => ({ status: r.get('status') as SynergyStatus, count: toNumber(r.get('count')) ?? 0 }));
}
