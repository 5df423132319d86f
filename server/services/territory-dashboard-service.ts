import { Db } from '../../graph/database';
import { findImpactInputsInTerritory } from '../../graph/repositories/synergy-pipeline-repository';
import {
  countActorsByKindAndEconomy, countFlowsByFamilyAndDirection, countSynergiesByStatus,
} from '../../graph/repositories/territory-dashboard-repository';
import { ACTOR_KINDS, ActorKind, ECONOMIES, Economy, RESOURCE_FAMILIES, ResourceFamilyName, TerritoryRecord } from '../domain/model';
import { estimateImpacts, EmissionFactorTable, ImpactTotals, loadEmissionFactors, sumImpacts } from '../domain/synergy/impacts';
import { SYNERGY_STATUSES, SynergyStatus } from '../domain/synergy/pipeline';
import { TerritoryService } from './territory-service';

export interface FamilyFlowCount {
  /** null: flows without a category. */
  family: ResourceFamilyName | null;
  offers: number;
  needs: number;
  total: number;
}

/** What a territory's dashboard shows. Every enum value is listed, with 0 where none. */
export interface TerritoryDashboardData {
  territory: TerritoryRecord;
  actorCount: number;
  actorsByKind: { kind: ActorKind; count: number }[];
  actorsByEconomy: { economy: Economy; count: number }[];
  flowCount: number;
  flowsByFamily: FamilyFlowCount[];
  synergyCount: number;
  synergiesByStatus: { status: SynergyStatus; count: number }[];
  /** Summed estimated impacts of the IMPLEMENTED synergies: what the territory achieved. */
  implementedImpacts: ImpactTotals;
  /** Summed estimated impacts of the IN_STUDY synergies: what is within reach. */
  inStudyImpacts: ImpactTotals;
}

const total = (rows: { count: number }[]) => rows.reduce((sum, r) => sum + r.count, 0);

/**
 * A territory's dashboard, for the actors located in it (its commune or any territory inside
 * it). Flows are counted whatever their confidentiality: a count names no company. Synergies
 * count when one of their actors is in the territory, so a synergy across a border counts in
 * both territories: do not add up the dashboards of neighbours.
 */
export class TerritoryDashboardService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly factors: EmissionFactorTable = loadEmissionFactors(),
  ) {}

  async dashboard(code: string): Promise<TerritoryDashboardData> {
    const territory = (await this.territories.resolve(code, 'code'))!;
    const key = territory.key;
    const data = await this.db.read(async (tx) => ({
      territory,
      actors: await countActorsByKindAndEconomy(tx, key),
      flows: await countFlowsByFamilyAndDirection(tx, key),
      synergies: await countSynergiesByStatus(tx, key),
      impactInputs: await findImpactInputsInTerritory(tx, key, ['IMPLEMENTED', 'IN_STUDY']),
    }));
    const impactsOf = (status: SynergyStatus) =>
      sumImpacts(data.impactInputs.filter((s) => s.status === status).map((s) => estimateImpacts(s, this.factors)));

    const families: (ResourceFamilyName | null)[] = [...RESOURCE_FAMILIES];
    if (data.flows.some((f) => f.family === null)) families.push(null);
    return {
      territory: data.territory,
      actorCount: total(data.actors),
      actorsByKind: ACTOR_KINDS.map((kind) => ({ kind, count: total(data.actors.filter((a) => a.kind === kind)) })),
      actorsByEconomy: ECONOMIES.map((economy) => ({ economy, count: total(data.actors.filter((a) => a.economy === economy)) })),
      flowCount: total(data.flows),
      flowsByFamily: families.map((family) => {
        const rows = data.flows.filter((f) => f.family === family);
        const offers = total(rows.filter((f) => f.direction === 'OFFER'));
        const needs = total(rows.filter((f) => f.direction === 'NEED'));
        return { family, offers, needs, total: offers + needs };
      }),
      synergyCount: total(data.synergies),
      synergiesByStatus: SYNERGY_STATUSES.map((status) => ({ status, count: total(data.synergies.filter((s) => s.status === status)) })),
      implementedImpacts: impactsOf('IMPLEMENTED'),
      inStudyImpacts: impactsOf('IN_STUDY'),
    };
  }
}
