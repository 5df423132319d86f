import { Db } from '../graph/database';
import { backfillFlowSearchKeys } from '../graph/repositories/flow-search-keys';
import { GeoPoint } from '../server/domain/model';
import { SynergyFlow } from '../server/domain/synergy/substitution';
import { loadTransportLimits, maxDistanceKm } from '../server/domain/synergy/transport';
import { loadTaxonomy } from '../server/domain/taxonomy/taxonomy';
import { ActorService } from '../server/services/actor-service';
import { SynergyService } from '../server/services/synergy-service';
import { TerritoryService } from '../server/services/territory-service';
import { InMemorySynergies } from './in-memory-synergies';
import { buildRelationTable } from '../server/domain/synergy/category-relations';
import { loadCompatibilities } from '../server/domain/taxonomy/taxonomy';
import { generateTerritory, rng, SyntheticActor } from './synthetic';

const BATCH = 2000;

/** Percentiles of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function removeSynthetic(db: Db): Promise<void> {
  // In chunks, so one transaction never holds the whole territory.
  for (;;) {
    const result = await db.write((tx) => tx.run(
      `MATCH (a:Actor) WHERE a.id STARTS WITH 'syn-' WITH a LIMIT 5000
       OPTIONAL MATCH (a)-->(f:Flow) DETACH DELETE a, f RETURN count(DISTINCT a) AS n`,
    ));
    if (Number(result.records[0].get('n')) === 0) return;
  }
}

async function loadSynthetic(db: Db, actors: SyntheticActor[], log: (m: string) => void): Promise<void> {
  for (let start = 0; start < actors.length; start += BATCH) {
    const rows = actors.slice(start, start + BATCH);
    await db.write((tx) => tx.run(
      `UNWIND $rows AS row
       CREATE (a:Actor {id: row.id, externalId: row.id, name: row.name, kind: 'COMPANY', economy: 'CLASSIC', publics: [],
                        location: point({latitude: row.lat, longitude: row.lon}), searchText: toLower(row.name),
                        createdAt: datetime(), updatedAt: datetime()})
       WITH a, row UNWIND row.flows AS fr
       MATCH (c:ResourceCategory {code: fr.categoryCode})
       CREATE (f:Flow {id: fr.id, direction: fr.direction, description: 'synthetic', quantity: fr.quantity, unit: fr.unit,
                       temperatureC: fr.temperatureC, availableMonths: [], confidentiality: 'PUBLIC', createdAt: datetime(), updatedAt: datetime()})
       CREATE (f)-[:OF_CATEGORY]->(c)
       FOREACH (_ IN CASE WHEN fr.direction = 'OFFER' THEN [1] ELSE [] END | CREATE (a)-[:OFFERS]->(f))
       FOREACH (_ IN CASE WHEN fr.direction = 'NEED' THEN [1] ELSE [] END | CREATE (a)-[:NEEDS]->(f))`,
      { rows },
    ));
    if ((start / BATCH) % 10 === 9 || start + BATCH >= actors.length) log(`  loaded ${Math.min(start + BATCH, actors.length)}/${actors.length} actors`);
  }
}

export interface SizeResult {
  actors: number;
  flows: number;
  nearbyP50: number;
  nearbyP95: number;
  actorSynergiesP50: number;
  actorSynergiesP95: number;
  circleP50: number;
  circleP95: number;
  inMemoryCircleP50: number;
  inMemoryCircleP95: number;
  circleResults: number;
}

/**
 * Loads a synthetic territory of `size` actors and measures, through the service layer,
 * nearbyActors (5 km), synergies of one actor and synergies in a 20 km circle, then the same
 * circle query over the same flows in memory.
 */
export async function benchSize(db: Db, size: number, rounds: number, log: (m: string) => void): Promise<SizeResult> {
  const taxonomy = loadTaxonomy();
  const actors = generateTerritory(size, taxonomy);
  await removeSynthetic(db);
  log(`synthetic territory of ${size} actors`);
  await loadSynthetic(db, actors, log);
  await backfillFlowSearchKeys(db, log);
  const territories = new TerritoryService(db);
  const actorService = new ActorService(db, territories);
  const synergies = new SynergyService(db, territories, taxonomy);
  const random = rng(7);
  const pick = () => actors[Math.floor(random() * actors.length)];
  const centers: GeoPoint[] = Array.from({ length: rounds }, () => {
    const a = pick();
    return { lat: a.lat, lon: a.lon };
  });
  const actorIds = Array.from({ length: rounds }, () => pick().id);

  const nearby: number[] = [];
  const actorSyn: number[] = [];
  const circle: number[] = [];
  for (const c of centers.slice(0, 3)) await actorService.nearby(c, 5, 50); // warm-up
  for (const c of centers) nearby.push(await timed(() => actorService.nearby(c, 5, 50)));
  for (const id of actorIds.slice(0, 3)) await synergies.substitutions({ actorId: id }, null, 20);
  for (const id of actorIds) actorSyn.push(await timed(() => synergies.substitutions({ actorId: id }, null, 20)));
  let circleResults = 0;
  for (const c of centers) {
    circle.push(await timed(async () => {
      circleResults += (await synergies.substitutions({ near: c, radiusKm: 20 }, null, 20)).length;
    }));
  }

  // The same rules in memory: flows preloaded (not timed), one kd-tree per need category.
  const limits = loadTransportLimits();
  const family = new Map(taxonomy.map((c) => [c.code, c.family]));
  const names = new Map(taxonomy.map((c) => [c.code, c.nameFr]));
  const flows = actors.flatMap((a) => a.flows.map((f) => ({
    direction: f.direction,
    flow: {
      id: f.id, actorId: a.id, location: { lat: a.lat, lon: a.lon }, categoryCode: f.categoryCode, categoryName: names.get(f.categoryCode)!,
      family: family.get(f.categoryCode)!, ewcCode: null, quantity: f.quantity, unit: f.unit, temperatureC: f.temperatureC,
      availableMonths: [], confidentiality: 'PUBLIC',
    } as SynergyFlow,
  })));
  const memory = await InMemorySynergies.build(flows, buildRelationTable(taxonomy, loadCompatibilities()), (code) => maxDistanceKm(limits, code, family.get(code)!));
  const inMemory: number[] = [];
  for (const c of centers) inMemory.push(await timed(() => memory.inCircle(c, 20, 20)));

  return {
    actors: size,
    flows: flows.length,
    nearbyP50: percentile(nearby, 50), nearbyP95: percentile(nearby, 95),
    actorSynergiesP50: percentile(actorSyn, 50), actorSynergiesP95: percentile(actorSyn, 95),
    circleP50: percentile(circle, 50), circleP95: percentile(circle, 95),
    inMemoryCircleP50: percentile(inMemory, 50), inMemoryCircleP95: percentile(inMemory, 95),
    circleResults: circleResults / rounds,
  };
}
