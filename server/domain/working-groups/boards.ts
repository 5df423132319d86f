/**
 * What a group, a plan and a person see first: a group's board, a plan's progress, "my
 * actions" and the activity feed. Pure computations over stored records: the caller loads them,
 * these functions only sort, count and compare.
 *
 * Why these views: seed 003 found cooperation strong when plans are designed and weak when they
 * are implemented. A board that puts overdue actions, the next meeting and the latest decisions
 * on one screen, and a plan view that shows which actions no group serves or which stall, make
 * the follow-up effortless rather than a report someone has to write.
 *
 * Conventions:
 * - `today` is the facilitator's day (calendarDateIn(now), Europe/Paris). An action is overdue
 *   when its due date is before today and it is neither DONE nor DROPPED: due today is not late.
 * - Records of other groups or plans passed by mistake are ignored (each view filters by id),
 *   so a caller may hand over everything it loaded.
 * - Indicator progress runs from baseline to target, 0 to 1, clamped, whichever the direction
 *   (see indicatorProgress in action-rules). Indicators of DROPPED actions do not count in a
 *   mean progress: an abandoned action would otherwise hold its plan action back for ever.
 */
import { daysBetween, DEFAULT_TIME_ZONE } from '../matchmaking/follow-up/calendar';
import { currentValue, indicatorProgress, isOpenStatus } from './action-rules';
import { assertToday, peopleById, personName } from './common';
import { currentMembers } from './group-rules';
import { dayOf, STATUS_LABELS_FR } from './labels';
import {
  ACTION_STATUSES,
  ActionStatus,
  ChangeRecord,
  GroupActionRecord,
  GroupMeetingRecord,
  IndicatorValue,
  MemberRole,
  PersonRecord,
  PlanRecord,
  WorkingGroupRecord,
} from './model';

/** Most decisions a board shows. */
export const MAX_BOARD_DECISIONS = 10;
/** Largest page of the activity feed. */
export const MAX_FEED_PAGE = 100;

/** Days an open action is past its due date; null when not overdue. */
export function daysLate(action: Pick<GroupActionRecord, 'status' | 'dueOn'>, today: string): number | null {
  if (action.dueOn === null || !isOpenStatus(action.status) || action.dueOn >= today) return null;
  return daysBetween(action.dueOn, today);
}

/** Due date first (none last), then title: the order in which work is to be done. */
function byDueDate(a: GroupActionRecord, b: GroupActionRecord): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byStartDesc(a: GroupMeetingRecord, b: GroupMeetingRecord): number {
  return Date.parse(b.startsAt) - Date.parse(a.startsAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

// ---- a group's board ------------------------------------------------------------------------

/** An action on a board, with what the board shows next to it. */
export interface BoardAction {
  action: GroupActionRecord;
  ownerName: string;
  /** Days past the due date, for an open action; null otherwise. */
  daysLate: number | null;
}

/** One column of a board: the actions of one status. */
export interface StatusColumn {
  status: ActionStatus;
  /** French, e.g. "En cours". */
  label: string;
  /** By due date (none last), then title. */
  actions: BoardAction[];
}

/** The next time the group meets. */
export interface NextMeeting {
  /** YYYY-MM-DD */
  on: string;
  /** The scheduled meeting, when there is one; null when only announced in the last minutes. */
  meetingId: string | null;
  startsAt: string | null;
  place: string | null;
  videoLink: string | null;
}

/** A decision and the meeting that took it. */
export interface BoardDecision {
  text: string;
  meetingId: string;
  /** YYYY-MM-DD: the meeting's day. */
  meetingOn: string;
  startsAt: string;
}

/** Where an indicator stands. */
export interface IndicatorSummary {
  actionId: string;
  actionTitle: string;
  indicatorId: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** The latest value, or null when nothing is measured yet. */
  current: IndicatorValue | null;
  /** 0..1 from baseline to target (see indicatorProgress); null when it cannot be told. */
  progress: number | null;
  /** UP when the target is above the baseline, DOWN when below; null without both. */
  direction: 'UP' | 'DOWN' | null;
}

/** A current member as a board lists them. */
export interface BoardMember {
  personId: string;
  name: string;
  role: MemberRole;
}

/** A group's board. */
export interface GroupBoard {
  groupId: string;
  today: string;
  /** Current members, leads first, then by name. */
  members: BoardMember[];
  /** One column per status, in the order of ACTION_STATUSES, each present even when empty. */
  columns: StatusColumn[];
  /** Open actions past their due date, most late first. */
  overdue: (BoardAction & { daysLate: number })[];
  nextMeeting: NextMeeting | null;
  /** Decisions of the latest held meetings, most recent meeting first, at most {@link MAX_BOARD_DECISIONS}. */
  lastDecisions: BoardDecision[];
  /** Indicators of the group's actions, in the order of the columns. */
  indicators: IndicatorSummary[];
  /** Open actions (neither DONE nor DROPPED). */
  openCount: number;
}

/** Options of {@link groupBoard}. */
export interface BoardOptions {
  /**
   * The current instant: the next meeting is the first that starts after it. Without it, the
   * first meeting on or after `today` (a meeting earlier today still shows as the next one).
   */
  now?: Date;
  /** Where meeting days are read; Europe/Paris by default. */
  timeZone?: string;
}

function indicatorSummaries(action: GroupActionRecord): IndicatorSummary[] {
  return action.indicators.map((indicator) => ({
    actionId: action.id,
    actionTitle: action.title,
    indicatorId: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.baseline,
    target: indicator.target,
    current: currentValue(indicator),
    progress: indicatorProgress(indicator),
    direction: indicator.baseline === null || indicator.target === null || indicator.baseline === indicator.target ? null : indicator.target > indicator.baseline ? 'UP' : 'DOWN',
  }));
}

/**
 * The next time the group meets: the first scheduled meeting still to come, else the date the
 * latest meeting announced ("Rappel des prochaines dates", seed 004) when it is today or later.
 */
export function nextMeeting(meetings: readonly GroupMeetingRecord[], today: string, options: BoardOptions = {}): NextMeeting | null {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const upcoming = meetings
    .filter((m) => (options.now ? Date.parse(m.startsAt) > options.now.getTime() : dayOf(m.startsAt, timeZone) >= today))
    .sort((a, b) => -byStartDesc(a, b));
  const first = upcoming[0];
  if (first) return { on: dayOf(first.startsAt, timeZone), meetingId: first.id, startsAt: first.startsAt, place: first.place, videoLink: first.videoLink };
  const last = [...meetings].sort(byStartDesc)[0];
  if (last?.nextMeetingOn && last.nextMeetingOn >= today) {
    return { on: last.nextMeetingOn, meetingId: null, startsAt: null, place: null, videoLink: null };
  }
  return null;
}

/**
 * A group's board: its actions by status, the overdue ones, the next meeting, the latest
 * decisions and its indicators.
 *
 * @param actions the group's actions (others are ignored)
 * @param meetings the group's meetings (others are ignored)
 * @param people to name owners and members
 * @param today YYYY-MM-DD, the facilitator's day
 */
export function groupBoard(
  group: WorkingGroupRecord,
  actions: readonly GroupActionRecord[],
  meetings: readonly GroupMeetingRecord[],
  people: readonly PersonRecord[],
  today: string,
  options: BoardOptions = {},
): GroupBoard {
  assertToday(today);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const byId = peopleById(people);
  const mine = actions.filter((a) => a.groupId === group.id).sort(byDueDate);
  const held = meetings.filter((m) => m.groupId === group.id);
  const boardAction = (action: GroupActionRecord): BoardAction => ({ action, ownerName: personName(byId, action.ownerPersonId), daysLate: daysLate(action, today) });

  const columns = ACTION_STATUSES.map((status) => ({
    status,
    label: STATUS_LABELS_FR[status],
    actions: mine.filter((a) => a.status === status).map(boardAction),
  }));
  const overdue = mine
    .map(boardAction)
    .filter((b): b is BoardAction & { daysLate: number } => b.daysLate !== null)
    .sort((a, b) => b.daysLate - a.daysLate || byDueDate(a.action, b.action));

  const past = held
    .filter((m) => (options.now ? Date.parse(m.startsAt) <= options.now.getTime() : dayOf(m.startsAt, timeZone) <= today))
    .sort(byStartDesc);
  const lastDecisions: BoardDecision[] = [];
  for (const meeting of past) {
    for (const text of meeting.decisions) {
      if (lastDecisions.length >= MAX_BOARD_DECISIONS) break;
      lastDecisions.push({ text, meetingId: meeting.id, meetingOn: dayOf(meeting.startsAt, timeZone), startsAt: meeting.startsAt });
    }
  }

  const roleOrder: MemberRole[] = ['LEAD', 'CO_LEAD', 'MEMBER', 'OBSERVER'];
  const members = currentMembers(group, today)
    .map((m) => ({ personId: m.personId, name: personName(byId, m.personId), role: m.role }))
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.name.localeCompare(b.name, 'fr'));

  return {
    groupId: group.id,
    today,
    members,
    columns,
    overdue,
    nextMeeting: nextMeeting(held, today, options),
    lastDecisions,
    indicators: columns.flatMap((column) => column.actions.flatMap((b) => indicatorSummaries(b.action))),
    openCount: mine.filter((a) => isOpenStatus(a.status)).length,
  };
}

// ---- a plan's progress ----------------------------------------------------------------------

/** The figures of a plan action, an axis, or the whole plan. */
export interface ProgressFigures {
  /** Groups serving it. */
  groupCount: number;
  actionCount: number;
  /** Every status present, 0 when none. */
  byStatus: Record<ActionStatus, number>;
  overdueCount: number;
  /** Indicators of its actions but DROPPED ones. */
  indicatorCount: number;
  /** Of those, the ones whose progress can be told (baseline, target and a value). */
  measuredCount: number;
  /** Mean progress of the measured indicators, 0..1; null when none is measured. */
  meanProgress: number | null;
}

/** An indicator of a plan action, against its target. */
export interface PlanIndicator extends IndicatorSummary {
  groupId: string;
}

/** A plan action's progress. */
export interface PlanActionProgress extends ProgressFigures {
  code: string;
  axisCode: string;
  title: string;
  /** Codes of the groups serving it, sorted. */
  groupCodes: string[];
  indicators: PlanIndicator[];
}

/** An axis's progress: its actions', summed. */
export interface AxisProgress extends ProgressFigures {
  code: string;
  title: string;
  actions: PlanActionProgress[];
}

/** A plan's progress. */
export interface PlanProgress {
  planId: string;
  today: string;
  axes: AxisProgress[];
  /** The actions of the plan's groups that implement no plan action. */
  withoutPlanAction: ProgressFigures;
  /** Everything: groupCount is the number of the plan's groups. */
  totals: ProgressFigures;
}

function emptyByStatus(): Record<ActionStatus, number> {
  return Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
}

function figures(actions: readonly GroupActionRecord[], groupCount: number, today: string): ProgressFigures {
  const byStatus = emptyByStatus();
  for (const a of actions) byStatus[a.status] += 1;
  const progresses = actions
    .filter((a) => a.status !== 'DROPPED')
    .flatMap((a) => a.indicators.map((indicator) => indicatorProgress(indicator)));
  const measured = progresses.filter((p): p is number => p !== null);
  return {
    groupCount,
    actionCount: actions.length,
    byStatus,
    overdueCount: actions.filter((a) => daysLate(a, today) !== null).length,
    indicatorCount: progresses.length,
    measuredCount: measured.length,
    meanProgress: measured.length > 0 ? measured.reduce((s, p) => s + p, 0) / measured.length : null,
  };
}

/**
 * A plan's progress per axis and per plan action: how many groups serve each, their actions by
 * status, the overdue ones, and indicators against targets, with totals.
 *
 * @param groups the plan's groups (groups of other plans are ignored)
 * @param actions the groups' actions (actions of other groups are ignored)
 * @param today YYYY-MM-DD, for overdue actions
 */
export function planProgress(
  plan: PlanRecord,
  groups: readonly WorkingGroupRecord[],
  actions: readonly GroupActionRecord[],
  today: string,
): PlanProgress {
  assertToday(today);
  const planGroups = groups.filter((g) => g.planId === plan.id);
  const groupById = new Map(planGroups.map((g) => [g.id, g]));
  const planActions = actions.filter((a) => groupById.has(a.groupId));

  const actionProgress = (code: string, axisCode: string, title: string): PlanActionProgress => {
    const serving = planGroups.filter((g) => g.planActionCodes.includes(code));
    const implementing = planActions.filter((a) => a.planActionCode === code);
    return {
      code,
      axisCode,
      title,
      groupCodes: serving.map((g) => g.code).sort(),
      ...figures(implementing, serving.length, today),
      indicators: implementing.flatMap((a) => indicatorSummaries(a).map((s) => ({ ...s, groupId: a.groupId }))),
    };
  };

  const axes = plan.axes.map((axis): AxisProgress => {
    const codes = plan.actions.filter((a) => a.axisCode === axis.code);
    const codeSet = new Set(codes.map((a) => a.code));
    const servingGroups = planGroups.filter((g) => g.planActionCodes.some((c) => codeSet.has(c)));
    return {
      code: axis.code,
      title: axis.title,
      ...figures(planActions.filter((a) => a.planActionCode !== null && codeSet.has(a.planActionCode)), servingGroups.length, today),
      actions: codes.map((a) => actionProgress(a.code, a.axisCode, a.title)),
    };
  });

  const unassigned = planActions.filter((a) => a.planActionCode === null);
  const unassignedGroups = new Set(unassigned.map((a) => a.groupId)).size;
  return {
    planId: plan.id,
    today,
    axes,
    withoutPlanAction: figures(unassigned, unassignedGroups, today),
    totals: figures(planActions, planGroups.length, today),
  };
}

// ---- my actions -----------------------------------------------------------------------------

/** An action of "my actions". */
export interface MyAction {
  action: GroupActionRecord;
  group: Pick<WorkingGroupRecord, 'id' | 'code' | 'name'>;
  /** Whether the person is in charge of it or contributes to it. */
  role: 'OWNER' | 'CONTRIBUTOR';
  /** Neither DONE nor DROPPED. */
  open: boolean;
  daysLate: number | null;
}

/**
 * The actions a person owns or contributes to, across groups: open ones first, then by due
 * date (none last), then title. Each comes with its group, so one list serves a person who
 * sits in several groups. Actions whose group is not given are left out.
 *
 * @param today YYYY-MM-DD, for overdue actions
 */
export function myActions(
  personId: string,
  actions: readonly GroupActionRecord[],
  groups: readonly WorkingGroupRecord[],
  today: string,
): MyAction[] {
  assertToday(today);
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const mine: MyAction[] = [];
  for (const action of actions) {
    const group = groupById.get(action.groupId);
    if (!group) continue;
    const role = action.ownerPersonId === personId ? 'OWNER' : action.contributorPersonIds.includes(personId) ? 'CONTRIBUTOR' : null;
    if (!role) continue;
    mine.push({ action, group: { id: group.id, code: group.code, name: group.name }, role, open: isOpenStatus(action.status), daysLate: daysLate(action, today) });
  }
  return mine.sort((a, b) => Number(b.open) - Number(a.open) || byDueDate(a.action, b.action));
}

// ---- activity feed --------------------------------------------------------------------------

/** Where a page of the feed ends: the (at, id) of its last entry. */
export interface FeedCursor {
  at: string;
  id: string;
}

/** A page of the activity feed. */
export interface FeedPage {
  /** Newest first. */
  items: ChangeRecord[];
  hasMore: boolean;
  /** Pass as `before` to get the next page; null on the last page. */
  next: FeedCursor | null;
}

/** Newest first; entries of the same instant by id, descending, so the order is total and stable. */
function newestFirst(a: Pick<ChangeRecord, 'at' | 'id'>, b: Pick<ChangeRecord, 'at' | 'id'>): number {
  return Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A page of the activity feed, newest first, paginated by (at, id) rather than by offset: a
 * change recorded while someone reads page 2 must not shift page 3 by one and show an entry
 * twice.
 *
 * @param limit entries per page, 1 to {@link MAX_FEED_PAGE} (larger is cut to it)
 * @param before the `next` cursor of the previous page; absent for the first page
 * @throws RangeError when `limit` is not a whole number of at least 1
 */
export function activityFeed(changes: readonly ChangeRecord[], limit: number, before?: FeedCursor | null): FeedPage {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number of at least 1 (got ${limit})`);
  const size = Math.min(limit, MAX_FEED_PAGE);
  const sorted = [...changes].sort(newestFirst);
  const rest = before ? sorted.filter((c) => newestFirst(before, c) < 0) : sorted;
  const items = rest.slice(0, size);
  const hasMore = rest.length > size;
  const last = items[items.length - 1];
  return { items, hasMore, next: hasMore && last ? { at: last.at, id: last.id } : null };
}

/** A feed cursor as an opaque string for the API (base64url of its JSON). */
export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id]), 'utf8').toString('base64url');
}

/** The cursor behind {@link encodeFeedCursor}'s string; null when the string is not one. */
export function decodeFeedCursor(text: string): FeedCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // Not base64url JSON: not a cursor.
  }
  return null;
}
