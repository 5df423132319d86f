import { registerEnumType } from 'type-graphql';
import { COOPERATION_STAGE_LABELS, COOPERATION_STAGES, CooperationStage } from '../../domain/matchmaking/follow-up/cooperation';
import { FollowUpRequester } from '../../domain/matchmaking/follow-up/feedback';
import { REMINDER_STATUS_LABELS, ReminderStatus } from '../../domain/matchmaking/follow-up/reminders';

export const CooperationStageEnum = Object.fromEntries(COOPERATION_STAGES.map((s) => [s, s])) as { [K in CooperationStage]: K };
export const FollowUpRequesterEnum: { [K in FollowUpRequester]: K } = { A: 'A', B: 'B', BOTH: 'BOTH' };
export const ReminderStatusEnum: { [K in ReminderStatus]: K } = { DONE: 'DONE', DUE: 'DUE', OVERDUE: 'OVERDUE', UPCOMING: 'UPCOMING', CLOSED: 'CLOSED' };

registerEnumType(CooperationStageEnum, {
  name: 'CooperationStage',
  description: 'Where a cooperation born from a meeting stands, on the scale brokerage events use for their second-stage feedback.',
  valuesConfig: Object.fromEntries(COOPERATION_STAGES.map((s) => [s, { description: `« ${COOPERATION_STAGE_LABELS[s]} »` }])),
});
registerEnumType(FollowUpRequesterEnum, { name: 'FollowUpRequester', description: 'Which side of the meeting asked for a follow-up (A: the host in BIPARTITE mode).' });
registerEnumType(ReminderStatusEnum, {
  name: 'ReminderStatus',
  description: 'Where a follow-up reminder stands.',
  valuesConfig: Object.fromEntries(Object.entries(REMINDER_STATUS_LABELS).map(([s, label]) => [s, { description: `« ${label} »` }])),
});
