/**
 * The actions a working group commits to, their status and their indicators. Pure: no GraphQL,
 * no driver.
 *
 * Seed 003's lesson: cooperation is strong when designing a plan and weak when implementing it.
 * So every action has someone in charge, a status that says where it stands, and, when it
 * stalls or is given up, why.
 *
 * The rules, and why:
 * - A title of {@link MIN_ACTION_TITLE} to {@link MAX_ACTION_TITLE} characters: what is to be
 *   done, in a line. A description of at most {@link MAX_ACTION_DESCRIPTION} characters.
 * - The plan action it implements, when any, is one the group serves: an action outside the
 *   group's remit belongs to another group.
 * - The owner is a current member of the group (someone who has left cannot be in charge), and
 *   so are contributors, each listed once and never the owner too (the owner is already on it).
 * - `startOn` ≤ `dueOn` when both are given; either may be in the past (an action recorded
 *   late, or overdue).
 * - BLOCKED and DROPPED need a reason of at least {@link MIN_STATUS_REASON} characters: "blocked"
 *   alone does not tell the group what to unblock, and a dropped action without a reason is
 *   the lesson nobody learns.
 * - DONE and DROPPED are final: the only way out is reopening, back to IN_PROGRESS or PLANNED,
 *   which is allowed (the work resumes, funding arrives) and said in the change summary. DONE
 *   to DROPPED or the reverse would rewrite history; reopen first.
 * - A change of status must change the status: the same status twice adds only noise.
 * - An action cannot be DONE before it has started (`startOn` after today): move its start first.
 * - Indicators have a name, a unit, and numeric baseline and target when known; the target
 *   differs from the baseline (else there is nothing to reach). Values are finite numbers
 *   (never NaN, Infinity or text) measured on a real day not in the future; one value per day,
 *   a second one for the same day replaces the first (a correction), and the caller is told.
 */
import {
  assertToday,
  Checked,
  checked,
  isOneOf,
  optionalDate,
  optionalLongText,
  pastDateProblem,
  requiredText,
  shown,
} from './common';
import { currentMembers } from './group-rules';
import {
  ACTION_STATUSES,
  ActionStatus,
  GroupActionRecord,
  GroupProblem,
  IndicatorRecord,
  IndicatorValue,
  PersonRecord,
  WorkingGroupRecord,
} from './model';
import { PlanDocument } from './plan-reference';

/** Shortest action title. */
export const MIN_ACTION_TITLE = 3;
/** Longest action title. */
export const MAX_ACTION_TITLE = 200;
/** Longest action description. */
export const MAX_ACTION_DESCRIPTION = 4000;
/** Shortest reason for BLOCKED or DROPPED: a few words, not "x". */
export const MIN_STATUS_REASON = 5;
/** Longest reason for a status. */
export const MAX_STATUS_REASON = 1000;
/** Statuses that close an action. */
export const FINAL_STATUSES: readonly ActionStatus[] = ['DONE', 'DROPPED'];
/** Statuses that need a reason. */
export const STATUSES_NEEDING_REASON: readonly ActionStatus[] = ['BLOCKED', 'DROPPED'];
/** Statuses a final action may be reopened to. */
export const REOPEN_STATUSES: readonly ActionStatus[] = ['IN_PROGRESS', 'PLANNED'];
/** Longest indicator name. */
export const MAX_INDICATOR_NAME = 200;
/** Longest unit: "t/an", "structures", "kWh/an"; a sentence is not a unit. */
export const MAX_INDICATOR_UNIT = 30;
/** Longest note on an indicator value. */
export const MAX_INDICATOR_NOTE = 1000;

/** Whether an action is still to be done: not DONE, not DROPPED. */
export function isOpenStatus(status: ActionStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}

/** An action as given by the caller; for an update, the stored action with the changes applied. */
export interface ActionInput {
  title: string;
  description?: string | null;
  planActionCode?: string | null;
  ownerPersonId: string;
  /** Absent or null: the owner's organisation, when `people` is given to the check. */
  ownerActorId?: string | null;
  contributorPersonIds?: readonly string[] | null;
  /** Absent: PLANNED. */
  status?: string | null;
  statusReason?: string | null;
  /** YYYY-MM-DD */
  startOn?: string | null;
  /** YYYY-MM-DD */
  dueOn?: string | null;
}

/** The checked fields of an action. */
export type ActionFields = Pick<
  GroupActionRecord,
  'title' | 'description' | 'planActionCode' | 'ownerPersonId' | 'ownerActorId' | 'contributorPersonIds' | 'status' | 'statusReason' | 'startOn' | 'dueOn'
>;

function reasonProblem(status: ActionStatus, reason: string | null): string | null {
  if (!STATUSES_NEEDING_REASON.includes(status)) return null;
  if (reason === null || reason.length < MIN_STATUS_REASON) {
    return status === 'BLOCKED'
      ? `an action is BLOCKED for a reason: say what blocks it in at least ${MIN_STATUS_REASON} characters, e.g. "attente du financement ADEME"`
      : `an action is DROPPED for a reason: say why it is given up in at least ${MIN_STATUS_REASON} characters`;
  }
  return null;
}

/**
 * Checks an action to create or update against the rules above.
 *
 * @param group the group, for the plan actions it serves and its current members
 * @param plan the group's plan, to name plan actions in messages
 * @param today YYYY-MM-DD, for "current member"
 * @param people when given, an absent `ownerActorId` defaults to the owner's organisation
 * @returns the fields to store (null when refused) and every problem found
 */
export function checkActionInput(
  group: Pick<WorkingGroupRecord, 'code' | 'planActionCodes' | 'members'>,
  plan: Pick<PlanDocument, 'code' | 'actions'>,
  input: ActionInput,
  today: string,
  people: readonly PersonRecord[] = [],
): Checked<ActionFields> {
  assertToday(today);
  const problems: GroupProblem[] = [];
  const title = requiredText(input.title, 'title', 'what is to be done, in a line', MIN_ACTION_TITLE, MAX_ACTION_TITLE, problems);
  const description = optionalLongText(input.description, 'description', MAX_ACTION_DESCRIPTION, problems);

  const planActionCode = typeof input.planActionCode === 'string' && input.planActionCode.trim() !== '' ? input.planActionCode.trim() : null;
  if (planActionCode !== null && !group.planActionCodes.includes(planActionCode)) {
    const known = plan.actions.some((action) => action.code === planActionCode);
    problems.push({
      field: 'planActionCode',
      message: known
        ? `${group.code} does not serve plan action ${planActionCode}: give one of ${group.planActionCodes.join(', ') || '(none yet)'}, none, or first add ${planActionCode} to the group`
        : `"${planActionCode}" is not an action of the plan ${plan.code}: give one of the group's plan actions (${group.planActionCodes.join(', ') || 'none yet'}) or none`,
    });
  }

  const current = new Set(currentMembers(group, today).map((m) => m.personId));
  const ownerPersonId = typeof input.ownerPersonId === 'string' ? input.ownerPersonId.trim() : '';
  if (!ownerPersonId) {
    problems.push({ field: 'ownerPersonId', message: 'is required: give the member in charge of the action' });
  } else if (!current.has(ownerPersonId)) {
    problems.push({ field: 'ownerPersonId', message: `${ownerPersonId} is not a current member of ${group.code}: give a current member as the person in charge, or add them to the group first` });
  }

  const contributorPersonIds: string[] = [];
  if (input.contributorPersonIds !== undefined && input.contributorPersonIds !== null && !Array.isArray(input.contributorPersonIds)) {
    problems.push({ field: 'contributorPersonIds', message: 'must be a list of person ids' });
  } else {
    (input.contributorPersonIds ?? []).forEach((raw, i) => {
      const id = typeof raw === 'string' ? raw.trim() : '';
      const at = `contributorPersonIds[${i}]`;
      if (!id) problems.push({ field: at, message: 'is blank: give a person or remove the line' });
      else if (id === ownerPersonId) problems.push({ field: at, message: `${id} is the person in charge: list only the other contributors` });
      else if (contributorPersonIds.includes(id)) problems.push({ field: at, message: `${id} is listed twice: keep one line per contributor` });
      else if (!current.has(id)) problems.push({ field: at, message: `${id} is not a current member of ${group.code}: add them to the group first, or remove them` });
      else contributorPersonIds.push(id);
    });
  }

  const status = input.status === undefined || input.status === null ? 'PLANNED' : input.status;
  const statusReason = optionalLongText(input.statusReason, 'statusReason', MAX_STATUS_REASON, problems);
  if (!isOneOf(ACTION_STATUSES, status)) {
    problems.push({ field: 'status', message: `must be one of ${ACTION_STATUSES.join(', ')} (got "${String(status)}")` });
  } else {
    const missing = reasonProblem(status, statusReason);
    if (missing) problems.push({ field: 'statusReason', message: missing });
  }

  const startOn = optionalDate(input.startOn, 'startOn', problems);
  const dueOn = optionalDate(input.dueOn, 'dueOn', problems);
  if (startOn !== null && dueOn !== null && dueOn < startOn) {
    problems.push({ field: 'dueOn', message: `cannot be before the start (${startOn}) (got ${dueOn}): give a due date on or after the start` });
  }

  let ownerActorId = typeof input.ownerActorId === 'string' && input.ownerActorId.trim() !== '' ? input.ownerActorId.trim() : null;
  if (ownerActorId === null) ownerActorId = people.find((person) => person.id === ownerPersonId)?.actorId ?? null;

  return checked(
    { title, description, planActionCode, ownerPersonId, ownerActorId, contributorPersonIds, status: status as ActionStatus, statusReason, startOn, dueOn },
    problems,
  );
}

/** A checked change of status. */
export interface StatusChange {
  status: ActionStatus;
  /** The reason given (trimmed), or null. */
  statusReason: string | null;
  /** True when a DONE or DROPPED action goes back to work: the summary says so. */
  reopened: boolean;
}

/**
 * Checks a change of an action's status against the rules above.
 *
 * @param action the stored action: its status and start
 * @param next the status asked for
 * @param reason why; required for BLOCKED and DROPPED, welcome for any other
 * @param today YYYY-MM-DD: an action cannot be DONE before its start
 * @returns the status, reason and whether the action is reopened (null when refused), and every problem
 * @example checkStatusChange(action, 'BLOCKED', 'attente du financement ADEME', '2026-03-12').value?.status // 'BLOCKED'
 */
export function checkStatusChange(
  action: Pick<GroupActionRecord, 'status' | 'startOn'>,
  next: string,
  reason: string | null | undefined,
  today: string,
): Checked<StatusChange> {
  assertToday(today);
  const problems: GroupProblem[] = [];
  const statusReason = optionalLongText(reason, 'statusReason', MAX_STATUS_REASON, problems);
  if (!isOneOf(ACTION_STATUSES, next)) {
    problems.push({ field: 'status', message: `must be one of ${ACTION_STATUSES.join(', ')} (got "${String(next)}")` });
    return { value: null, problems };
  }
  if (next === action.status) {
    problems.push({ field: 'status', message: `the action is already ${next}: choose another status, or leave it as it is` });
  } else if (FINAL_STATUSES.includes(action.status) && !REOPEN_STATUSES.includes(next)) {
    problems.push({
      field: 'status',
      message: `the action is ${action.status}, which is final: reopen it first (IN_PROGRESS or PLANNED), then set it to ${next}`,
    });
  }
  const missing = reasonProblem(next, statusReason);
  if (missing) problems.push({ field: 'statusReason', message: missing });
  if (next === 'DONE' && action.startOn !== null && action.startOn > today) {
    problems.push({ field: 'status', message: `the action starts on ${action.startOn}, after today (${today}): it cannot be DONE before it starts; move its start date first` });
  }
  return checked({ status: next, statusReason, reopened: FINAL_STATUSES.includes(action.status) && REOPEN_STATUSES.includes(next) }, problems);
}

/** An indicator as given by the caller. */
export interface IndicatorInput {
  name: string;
  unit: string;
  baseline?: number | null;
  target?: number | null;
}

/** The checked fields of an indicator. */
export type IndicatorFields = Pick<IndicatorRecord, 'name' | 'unit' | 'baseline' | 'target'>;

/** A number a user gives: finite, never NaN, Infinity or a numeric-looking string. */
function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Checks an indicator definition against the rules above.
 *
 * @returns the fields to store, trimmed (null when refused), and every problem found
 */
export function checkIndicatorInput(input: IndicatorInput): Checked<IndicatorFields> {
  const problems: GroupProblem[] = [];
  const name = requiredText(input.name, 'name', 'what is measured, e.g. "Tonnes réemployées"', 1, MAX_INDICATOR_NAME, problems);
  const unit = requiredText(input.unit, 'unit', 'the unit, e.g. "t/an", "structures" or "%"', 1, MAX_INDICATOR_UNIT, problems);
  const number = (value: unknown, field: 'baseline' | 'target', what: string): number | null => {
    if (value === undefined || value === null) return null;
    if (!isFiniteNumber(value)) {
      problems.push({ field, message: `must be a number, or empty when unknown: give ${what} (got ${shown(value)})` });
      return null;
    }
    return value;
  };
  const baseline = number(input.baseline, 'baseline', 'the value when the action started');
  const target = number(input.target, 'target', 'the value to reach');
  if (baseline !== null && target !== null && baseline === target) {
    problems.push({ field: 'target', message: `equals the baseline (${baseline}): there is nothing to reach; give the value the action aims at` });
  }
  return checked({ name, unit, baseline, target }, problems);
}

/** A value to record, as given by the caller. */
export interface IndicatorValueInput {
  /** YYYY-MM-DD: the day measured. */
  on: string;
  value: number;
  note?: string | null;
}

/** A checked indicator value. */
export interface RecordedIndicatorValue {
  /** The value to store. */
  entry: IndicatorValue;
  /** The indicator's history with it, oldest first. */
  history: IndicatorValue[];
  /** The value recorded earlier for the same day, which `entry` replaces; null when none. */
  replaced: IndicatorValue | null;
}

/**
 * Checks a measured value of an indicator against the rules above.
 *
 * @param indicator the stored indicator: its history
 * @param today YYYY-MM-DD: a value is measured, never forecast
 * @returns the entry, the new history and the value it replaces (null when refused), and every problem
 */
export function checkIndicatorValue(
  indicator: Pick<IndicatorRecord, 'name' | 'history'>,
  input: IndicatorValueInput,
  today: string,
): Checked<RecordedIndicatorValue> {
  assertToday(today);
  const problems: GroupProblem[] = [];
  if (!isFiniteNumber(input.value)) {
    problems.push({
      field: 'value',
      message: `must be a finite number, e.g. 120 or 0.5 (got ${shown(input.value)})`,
    });
  }
  const on = typeof input.on === 'string' ? input.on.trim() : '';
  const dateProblem = pastDateProblem(on, today, `"${indicator.name}" was measured`);
  if (dateProblem) problems.push({ field: 'on', message: dateProblem });
  const note = optionalLongText(input.note, 'note', MAX_INDICATOR_NOTE, problems);
  if (problems.length > 0) return { value: null, problems };
  const entry: IndicatorValue = { on, value: input.value, note };
  const replaced = indicator.history.find((v) => v.on === on) ?? null;
  const history = [...indicator.history.filter((v) => v.on !== on), entry].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { value: { entry, history, replaced }, problems };
}

/**
 * The current value of an indicator: the one of the latest day (the history is kept oldest
 * first, but sorting here means an unordered store cannot change the answer).
 */
export function currentValue(indicator: Pick<IndicatorRecord, 'history'>): IndicatorValue | null {
  let latest: IndicatorValue | null = null;
  for (const v of indicator.history) if (latest === null || v.on >= latest.on) latest = v;
  return latest;
}

/**
 * How far an indicator has gone from its baseline to its target, from 0 to 1, clamped: 0 at
 * the baseline or worse, 1 at the target or beyond. A target below the baseline (less waste,
 * fewer tonnes landfilled) works the same way: going down is progress. Null when the baseline,
 * the target or any value is missing, or when they are equal: there is no distance to measure.
 *
 * @example indicatorProgress({ baseline: 100, target: 50, history: [{ on: '2026-01-01', value: 80, note: null }] }) // 0.4
 */
export function indicatorProgress(indicator: Pick<IndicatorRecord, 'baseline' | 'target' | 'history'>): number | null {
  const current = currentValue(indicator);
  const { baseline, target } = indicator;
  if (current === null || baseline === null || target === null || baseline === target) return null;
  const progress = (current.value - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, progress));
}
