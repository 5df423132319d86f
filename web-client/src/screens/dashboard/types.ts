import type { ActorKind, Economy, Family } from '../../api';
import type { FunnelStage, ImpactTotals, SynergyStatus, TerritoryRef } from '../../queries-dashboard';

/** The answer to DASHBOARD_QUERY. */
export interface DashboardData {
  territoryDashboard: {
    territory: TerritoryRef;
    actorCount: number;
    actorsByKind: { kind: ActorKind; count: number }[];
    actorsByEconomy: { economy: Economy; count: number }[];
    flowCount: number;
    flowsByFamily: { family: Family | null; offers: number; needs: number; total: number }[];
    synergyCount: number;
    synergiesByStatus: { status: SynergyStatus; count: number }[];
    implementedImpacts: ImpactTotals;
    inStudyImpacts: ImpactTotals;
  };
  synergyFunnel: { total: number; stages: FunnelStage[] };
}
