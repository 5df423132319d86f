import * as fs from 'node:fs';
import * as path from 'node:path';
import { Db } from '../graph/database';
import { PROJECT_ROOT } from '../graph/project-root';
import { findRelationsOfActors } from '../graph/repositories/actor-relation-repository';
import { AuthUser } from '../server/domain/access/viewer';
import { ActorRelationType } from '../server/domain/relations/actor-relation';
import { ActorData, ActorService } from '../server/services/actor-service';
import { ActorRelationService } from '../server/services/actor-relation-service';
import { CategoryService } from '../server/services/category-service';
import { FlowData, FlowService } from '../server/services/flow-service';
import { TerritoryService } from '../server/services/territory-service';
import { loadDemoSessions } from './load-demo-sessions';
import { loadDemoWorkingGroups } from './load-demo-working-groups';

export const DEMO_FILE = path.join(PROJECT_ROOT, 'seeds', 'demo', 'grand-orly-seine-bievre.json');

interface DemoFlow extends Omit<FlowData, 'actorId'> { externalId: string }
interface DemoActor extends ActorData { externalId: string; flows: DemoFlow[] }
interface DemoRelation { from: string; to: string; type: ActorRelationType; since: string | null; description: string | null }

// Who the demo's relations, sessions and groups are recorded by (not an account).
const SEED_USER: AuthUser = {
  id: 'demo-seed', email: 'demo-seed@maillage.local', displayName: 'Jeu de démonstration', role: 'ADMIN', actorIds: [], territoryKeys: [], sessionId: 'demo-seed', sessionExpiresAt: '',
};

/** Outcome of a demo load, row by row. */
export interface SeedReport {
  actorsCreated: number;
  actorsExisting: number;
  flowsWritten: number;
  relationsWritten: number;
  sessionsCreated: number;
  groupsCreated: number;
  errors: { row: string; message: string }[];
}

/**
 * Loads the demo territory through the same services as the API (same validation, same
 * territory placement). Idempotent: actors and flows carry externalIds, so a second run finds
 * them and changes nothing. A bad row is reported and skipped; the others still load.
 */
export async function loadDemoTerritory(db: Db, log: (m: string) => void = () => undefined, file = DEMO_FILE): Promise<SeedReport> {
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as { actors: DemoActor[]; relations?: DemoRelation[] };
  const territories = new TerritoryService(db);
  const actors = new ActorService(db, territories);
  const flows = new FlowService(db, new CategoryService(db), territories);
  const relations = new ActorRelationService(db);
  const report: SeedReport = { actorsCreated: 0, actorsExisting: 0, flowsWritten: 0, relationsWritten: 0, sessionsCreated: 0, groupsCreated: 0, errors: [] };
  const idOf = new Map<string, string>();
  let done = 0;
  for (const { flows: actorFlows, ...data } of demo.actors) {
    try {
      const { actor, created } = await actors.createOrFind(data);
      idOf.set(data.externalId, actor.id);
      if (created) report.actorsCreated += 1;
      else report.actorsExisting += 1;
      for (const flow of actorFlows) {
        try {
          await flows.add({ ...flow, actorId: actor.id });
          report.flowsWritten += 1;
        } catch (error) {
          report.errors.push({ row: flow.externalId, message: (error as Error).message });
        }
      }
    } catch (error) {
      report.errors.push({ row: data.externalId, message: (error as Error).message });
    }
    done += 1;
    if (done % 25 === 0 || done === demo.actors.length) log(`Demo territory: ${done}/${demo.actors.length} actors`);
  }
  // A relation already recorded as the file says is left alone, so a second run changes nothing.
  const stored = await db.read((tx) => findRelationsOfActors(tx, [...idOf.values()]));
  const known = new Set(stored.flat().map((r) => `${r.fromActorId}|${r.type}|${r.toActorId}|${r.since}|${r.description}`));
  for (const relation of demo.relations ?? []) {
    const row = `${relation.from} ${relation.type} ${relation.to}`;
    const fromActorId = idOf.get(relation.from);
    const toActorId = idOf.get(relation.to);
    if (!fromActorId || !toActorId) {
      report.errors.push({ row, message: 'unknown actor externalId' });
      continue;
    }
    if (known.has(`${fromActorId}|${relation.type}|${toActorId}|${relation.since}|${relation.description}`)) continue;
    try {
      await relations.record({ fromActorId, toActorId, type: relation.type, since: relation.since, description: relation.description }, SEED_USER);
      report.relationsWritten += 1;
    } catch (error) {
      report.errors.push({ row, message: (error as Error).message });
    }
  }
  const sessions = await loadDemoSessions(db, idOf, SEED_USER, log);
  report.sessionsCreated = sessions.sessionsCreated;
  report.errors.push(...sessions.errors);
  const groups = await loadDemoWorkingGroups(db, idOf, SEED_USER, log);
  report.groupsCreated = groups.groupsCreated;
  report.errors.push(...groups.errors);
  return report;
}
