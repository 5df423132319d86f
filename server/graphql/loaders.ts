import DataLoader from 'dataloader';
import { Db } from '../../graph/database';
import { findFeedbackOfMeetings, StoredFeedback } from '../../graph/repositories/cooperation-repository';
import { findPeople } from '../../graph/repositories/working-group-repository';
import { PersonRecord } from '../domain/working-groups/model';
import { findActorsByIds } from '../../graph/repositories/actor-repository';
import { findRelationsOfActors } from '../../graph/repositories/actor-relation-repository';
import { findCategoriesByCodes } from '../../graph/repositories/category-repository';
import { findFlowsByActorIds, findFlowsByIds } from '../../graph/repositories/flow-repository';
import { findEventsBySynergyIds, findImpactInputsByIds, ImpactInputRow } from '../../graph/repositories/synergy-pipeline-repository';
import { findTerritoriesByActorIds } from '../../graph/repositories/territory-repository';
import { ActorRecord, FlowRecord, ResourceCategoryData, TerritoryRecord } from '../domain/model';
import { SynergyEventRecord } from '../domain/synergy/pipeline';
import { ActorRelationRecord } from '../domain/relations/actor-relation';

/** Per-request batch loaders: each batch is one Cypher query answering in key order. */
export interface Loaders {
  actorById: DataLoader<string, ActorRecord | null>;
  flowsByActorId: DataLoader<string, FlowRecord[]>;
  flowById: DataLoader<string, FlowRecord | null>;
  categoryByCode: DataLoader<string, ResourceCategoryData | null>;
  territoriesByActorId: DataLoader<string, TerritoryRecord[]>;
  synergyEventsById: DataLoader<string, SynergyEventRecord[]>;
  synergyImpactInputById: DataLoader<string, ImpactInputRow | null>;
  relationsByActorId: DataLoader<string, ActorRelationRecord[]>;
  feedbackByMeetingId: DataLoader<string, StoredFeedback[]>;
  personById: DataLoader<string, PersonRecord | null>;
}

export function createLoaders(db: Db): Loaders {
  return {
    actorById: new DataLoader((ids) => db.read((tx) => findActorsByIds(tx, ids))),
    flowsByActorId: new DataLoader((ids) => db.read((tx) => findFlowsByActorIds(tx, ids))),
    flowById: new DataLoader((ids) => db.read((tx) => findFlowsByIds(tx, ids))),
    categoryByCode: new DataLoader((codes) => db.read((tx) => findCategoriesByCodes(tx, codes))),
    territoriesByActorId: new DataLoader((ids) => db.read((tx) => findTerritoriesByActorIds(tx, ids))),
    synergyEventsById: new DataLoader((ids) => db.read((tx) => findEventsBySynergyIds(tx, ids))),
    synergyImpactInputById: new DataLoader((ids) => db.read((tx) => findImpactInputsByIds(tx, ids))),
    relationsByActorId: new DataLoader((ids) => db.read((tx) => findRelationsOfActors(tx, ids))),
    feedbackByMeetingId: new DataLoader((ids) => db.read((tx) => findFeedbackOfMeetings(tx, ids))),
    personById: new DataLoader(async (ids) => {
      const found = new Map((await db.read((tx) => findPeople(tx, ids))).map((p) => [p.id, p]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
