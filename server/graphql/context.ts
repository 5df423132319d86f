import { Db } from '../../graph/database';
import { AuthService, AuthUser } from '../services/auth-service';
import { AccountService } from '../services/account-service';
import { ActorService } from '../services/actor-service';
import { CategoryService } from '../services/category-service';
import { ComplementarityService } from '../services/complementarity-service';
import { ExportService } from '../services/export-service';
import { FlowService } from '../services/flow-service';
import { MutualisationService } from '../services/mutualisation-service';
import { SynergyService } from '../services/synergy-service';
import { SynergyPipelineService } from '../services/synergy-pipeline-service';
import { TerritoryDashboardService } from '../services/territory-dashboard-service';
import { TerritoryService } from '../services/territory-service';
import { ActorRelationService } from '../services/actor-relation-service';
import { FollowUpService } from '../services/follow-up-service';
import { MatchmakingService } from '../services/matchmaking-service';
import { WorkingGroupService } from '../services/working-group-service';
import { SessionEvidenceReader } from '../services/session-evidence';
import { createLoaders, Loaders } from './loaders';
import { UnauthenticatedError } from '../errors';

/** What every resolver gets: the caller, per-request loaders and the services. */
export interface Context {
  user: AuthUser | null;
  /** Set when a bearer token was sent but is invalid or expired, or its session ended. */
  authError: Error | null;
  /** The client's address (express `req.ip`), for rate-limiting sign-in attempts. */
  clientIp: string | null;
  db: Db;
  loaders: Loaders;
  actors: ActorService;
  flows: FlowService;
  territories: TerritoryService;
  categories: CategoryService;
  synergies: SynergyService;
  mutualisations: MutualisationService;
  complementarities: ComplementarityService;
  auth: AuthService;
  accounts: AccountService;
  pipeline: SynergyPipelineService;
  dashboards: TerritoryDashboardService;
  exports: ExportService;
  relations: ActorRelationService;
  matchmaking: MatchmakingService;
  followUps: FollowUpService;
  workingGroups: WorkingGroupService;
}

/**
 * Builds a request's context. Each request gets its own executor (so its database round trips
 * can be counted) and its own loaders (so caching never leaks between users). A bearer token
 * costs one read (its session and account, through the auth service's own executor, so it is
 * not counted in the request's round trips); a request without one costs nothing.
 */
export async function createContext(baseDb: Db, auth: AuthService, categories: CategoryService, authorization: string | undefined, clientIp: string | null = null): Promise<Context> {
  const db = baseDb.fork();
  const territories = new TerritoryService(db);
  const requestCategories = categories.withDb(db);
  let user: AuthUser | null = null;
  let authError: Error | null = null;
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (match) {
    try {
      user = await auth.authenticate(match[1].trim());
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      authError = error;
    }
  }
  const synergies = new SynergyService(db, territories, requestCategories.records());
  const complementarities = new ComplementarityService(db, territories, requestCategories.records());
  return {
    user,
    authError,
    clientIp,
    db,
    loaders: createLoaders(db),
    actors: new ActorService(db, territories),
    flows: new FlowService(db, requestCategories, territories),
    territories,
    categories: requestCategories,
    synergies,
    mutualisations: new MutualisationService(db, territories, requestCategories.records()),
    complementarities,
    auth,
    accounts: new AccountService(db, territories, auth),
    pipeline: new SynergyPipelineService(db, territories),
    dashboards: new TerritoryDashboardService(db, territories),
    exports: new ExportService(db, territories, synergies),
    relations: new ActorRelationService(db),
    matchmaking: new MatchmakingService(db, requestCategories, new SessionEvidenceReader(db, synergies, complementarities, requestCategories.records())),
    followUps: new FollowUpService(db),
    workingGroups: new WorkingGroupService(db, territories),
  };
}
