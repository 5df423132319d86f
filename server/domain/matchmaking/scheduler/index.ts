/**
 * The speed-meeting scheduler: pure functions over a {@link PlanningProblem}, no database.
 * @module
 */
export { planSchedule } from './plan-schedule';
export { replanFrom } from './replan';
export { scheduleStats } from './schedule-stats';
export { hardRuleViolations } from './hard-rules';
