import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import * as path from 'node:path';
import { buildSchema } from 'type-graphql';
import { PROJECT_ROOT } from '../../graph/project-root';
import { ActorResolver } from './actor/actor.resolver';
import { ActorRelationResolver } from './actor-relation/actor-relation.resolver';
import { ActorRelationsResolver } from './actor-relation/actor-relations.resolver';
import { AuthResolver, MeResolver } from './auth/auth.resolver';
import { AccountResolver } from './auth/account.resolver';
import { AuthChecker } from './auth-checker';
import { ResourceCategoryResolver } from './category/resource-category.resolver';
import { ComplementarityResolver } from './complementarity/complementarity.resolver';
import { FlowResolver } from './flow/flow.resolver';
import { MutualisationResolver } from './mutualisation/mutualisation.resolver';
import { SynergyResolver } from './synergy/synergy.resolver';
import { SynergyPipelineResolver } from './synergy-pipeline/synergy-pipeline.resolver';
import { TerritoryDashboardResolver } from './dashboard/territory-dashboard.resolver';
import { TerritoryResolver } from './territory/territory.resolver';
import { GeoJsonExportResolver } from './export/geojson-export.resolver';
import { MatchmakingSessionResolver } from './matchmaking/matchmaking-session.resolver';
import { ParticipantResolver, WishResolver } from './matchmaking/participant.resolver';
import { MeetingResolver, PairScoreResolver, ParticipantScheduleStatsResolver, ScheduleResolver, SessionLiveViewResolver } from './matchmaking/schedule.resolver';
import {
  CooperationResolver, DueCooperationReminderResolver, MeetingFeedbackResolver, MeetingFollowUpResolver, SessionReportResolver,
} from './follow-up/follow-up.resolver';
import {
  GroupActionResolver, GroupMeetingResolver, GroupMemberResolver, IndicatorResolver, MeetingAttendeeResolver, PersonResolver, PlanResolver, WorkingGroupResolver,
} from './working-group/working-group.resolver';
import { validateInput } from './validate-input';

/** Where the emitted SDL is written; it is committed and its diff reviewed like code. */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

/** Builds the executable schema. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      ActorResolver, ActorRelationResolver, ActorRelationsResolver, FlowResolver, TerritoryResolver, ResourceCategoryResolver, SynergyResolver,
      MutualisationResolver, ComplementarityResolver, AuthResolver, SynergyPipelineResolver, TerritoryDashboardResolver, GeoJsonExportResolver,
      MatchmakingSessionResolver, ParticipantResolver, WishResolver, ScheduleResolver, MeetingResolver, PairScoreResolver, ParticipantScheduleStatsResolver,
      SessionLiveViewResolver, CooperationResolver, DueCooperationReminderResolver, MeetingFeedbackResolver, MeetingFollowUpResolver, SessionReportResolver,
      PlanResolver, PersonResolver, WorkingGroupResolver, GroupMemberResolver, MeetingAttendeeResolver, GroupMeetingResolver, GroupActionResolver, IndicatorResolver,
      AccountResolver, MeResolver,
    ],
    authChecker: AuthChecker,
    validateFn: validateInput,
  });
}
