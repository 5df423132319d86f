/**
 * Plans, working groups and their members: what may be recorded, and who belongs to a group on
 * a given day. Pure: no GraphQL, no driver.
 *
 * The rules, and why:
 * - Plans other than the reference one (a territory's EIT programme, a PTCE's roadmap) obey the
 *   integrity rules of plan-reference ({@link planProblems}); the territory, when given, is a
 *   graph key LEVEL:code such as "REGION:76" (whether it exists is the caller's business).
 * - A group code ("GT6A", "GT-EIT") is 1 to {@link MAX_GROUP_CODE} letters, digits and single
 *   dashes, stored in capitals: it is how members name their group, and "gt6a" and "GT6A"
 *   side by side in one plan would be two names for one thing. Unique within the plan is the
 *   caller's check (it needs the other groups).
 * - A group serves plan actions that exist in its plan, each once. It may serve none yet: a
 *   group often forms before it knows which actions it will carry. It may not stop serving a
 *   plan action that one of its actions still implements: that action would point at nothing.
 * - A person has one membership per group: a change sets their role and dates. `joinedOn` and
 *   `leftOn` are real dates, not in the future (a membership records what happened; someone
 *   leaving next month leaves next month), and one leaves on or after joining.
 * - A group always has a lead: at least one LEAD or CO_LEAD among its current members. Seed 003
 *   found that the delegation of leadership ("délégation de pilotage") is poorly understood; a
 *   group with nobody in charge is where implementation stalls. So the first member of a group
 *   is its lead, and the change that would leave the group without one (the last lead leaving,
 *   or stepping down to MEMBER) is refused, asking to name another lead first. A group that
 *   already has members and no lead (imported data) may still record other changes: refusing
 *   them would not give it a lead.
 * - "Member on a day" and "current member" differ on purpose. On the day someone leaves, they
 *   were still a member (they attended the last meeting, which is how people often leave), so
 *   {@link isMemberOn} counts `leftOn` in. But someone who has left, even today, is no longer a
 *   current member: they cannot lead, own or contribute to actions from now on, so
 *   {@link currentMembers} leaves them out.
 */
import { TERRITORY_LEVELS } from '../model';
import {
  Checked,
  checked,
  isOneOf,
  optionalLongText,
  optionalText,
  pastDateProblem,
  requiredText,
  assertToday,
} from './common';
import {
  GROUP_MODES,
  GroupActionRecord,
  GroupProblem,
  MEMBER_ROLES,
  MemberRole,
  MembershipRecord,
  WorkingGroupRecord,
} from './model';
import { MAX_PLAN_DESCRIPTION, PlanDocument, planProblems } from './plan-reference';

/** Longest group code: a short label such as "GT6A", shown on every line of a board. */
export const MAX_GROUP_CODE = 20;
/** Longest group name. */
export const MAX_GROUP_NAME = 200;
/** Shortest group name: "GT" alone says nothing. */
export const MIN_GROUP_NAME = 3;
/** Longest group description: a page of text; beyond that it is a document to attach. */
export const MAX_GROUP_DESCRIPTION = 4000;

const GROUP_CODE_PATTERN = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const TERRITORY_KEY_PATTERN = new RegExp(`^(?:${TERRITORY_LEVELS.join('|')}):\\S+$`);

/** Roles that lead a group. */
export const LEAD_ROLES: readonly MemberRole[] = ['LEAD', 'CO_LEAD'];

/** Whether a role leads the group (LEAD or CO_LEAD). */
export function isLeadRole(role: MemberRole): boolean {
  return LEAD_ROLES.includes(role);
}

function territoryProblem(value: string | null, problems: GroupProblem[]): void {
  if (value !== null && !TERRITORY_KEY_PATTERN.test(value)) {
    problems.push({ field: 'territoryKey', message: `must be a territory key LEVEL:code, e.g. "REGION:76" or "EPCI:200054781" (got "${value}")` });
  }
}

// ---- plans ----------------------------------------------------------------------------------

/** A plan as given by the caller. */
export interface PlanInput {
  code: string;
  title: string;
  description?: string | null;
  territoryKey?: string | null;
  axes: readonly { code: string; title: string }[];
  actions: readonly { code: string; axisCode: string; title: string }[];
}

/**
 * Checks a plan a user writes (another region's PRAEC, a territory's EIT programme, a PTCE
 * roadmap) against the integrity rules of plan-reference, after trimming every text.
 *
 * @returns the plan document to store (null when refused) and every problem found
 * @example checkPlanInput({ code: 'Plan EIT', title: 'x', axes: [], actions: [] }).problems[0].field // 'code'
 */
export function checkPlanInput(input: PlanInput): Checked<PlanDocument> {
  const problems: GroupProblem[] = [];
  const axes = Array.isArray(input.axes) ? input.axes : [];
  const actions = Array.isArray(input.actions) ? input.actions : [];
  if (!Array.isArray(input.axes)) problems.push({ field: 'axes', message: 'must be a list of axes { code, title }' });
  if (!Array.isArray(input.actions)) problems.push({ field: 'actions', message: 'must be a list of actions { code, axisCode, title } (it may be empty)' });
  const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const plan: PlanDocument = {
    code: trim(input.code),
    title: trim(input.title),
    description: optionalLongText(input.description, 'description', MAX_PLAN_DESCRIPTION, problems),
    territoryKey: optionalText(input.territoryKey),
    axes: axes.map((axis) => ({ code: trim(axis?.code), title: trim(axis?.title) })),
    actions: actions.map((action) => ({ code: trim(action?.code), axisCode: trim(action?.axisCode), title: trim(action?.title) })),
  };
  territoryProblem(plan.territoryKey, problems);
  // optionalLongText already reported a too-long description.
  problems.push(...planProblems({ ...plan, description: null }));
  return checked(plan, problems);
}

// ---- groups ---------------------------------------------------------------------------------

/** A group as given by the caller; for an update, the stored group with the changes applied. */
export interface GroupInput {
  code: string;
  name: string;
  mode: string;
  description?: string | null;
  territoryKey?: string | null;
  planActionCodes?: readonly string[] | null;
}

/** The checked fields of a group. */
export type GroupFields = Pick<WorkingGroupRecord, 'code' | 'name' | 'mode' | 'description' | 'territoryKey' | 'planActionCodes'>;

/**
 * Checks a group to create or update against the rules above.
 *
 * @param plan the group's plan: its actions are the ones a group may serve
 * @param actions the group's recorded actions, on an update: a plan action one of them
 *   implements cannot be dropped from the group (absent or empty on a creation)
 * @returns the fields to store, code in capitals, plan action codes without repeats (null when
 *   refused), and every problem found
 */
export function checkGroupInput(
  input: GroupInput,
  plan: Pick<PlanDocument, 'code' | 'actions'>,
  actions: readonly Pick<GroupActionRecord, 'title' | 'planActionCode'>[] = [],
): Checked<GroupFields> {
  const problems: GroupProblem[] = [];
  const rawCode = typeof input.code === 'string' ? input.code.trim() : '';
  if (rawCode === '') {
    problems.push({ field: 'code', message: 'is required: give the short code of the group, e.g. "GT6A"' });
  } else if (rawCode.length > MAX_GROUP_CODE) {
    problems.push({ field: 'code', message: `must have at most ${MAX_GROUP_CODE} characters (got ${rawCode.length}): give a short code such as "GT6A"` });
  } else if (!GROUP_CODE_PATTERN.test(rawCode)) {
    problems.push({ field: 'code', message: `must be letters and digits, optionally joined by single dashes, e.g. "GT6A" or "GT-EIT" (got "${rawCode}")` });
  }
  const name = requiredText(input.name, 'name', 'the name of the group, e.g. "Réemploi & réutilisation"', MIN_GROUP_NAME, MAX_GROUP_NAME, problems);
  if (!isOneOf(GROUP_MODES, input.mode)) {
    problems.push({
      field: 'mode',
      message: `must be one of ${GROUP_MODES.join(', ')}: a resource space, the project owner (maître d'ouvrage) or the project manager (maître d'œuvre) (got "${String(input.mode)}")`,
    });
  }
  const description = optionalLongText(input.description, 'description', MAX_GROUP_DESCRIPTION, problems);
  const territoryKey = optionalText(input.territoryKey);
  territoryProblem(territoryKey, problems);

  const planCodes = new Set(plan.actions.map((action) => action.code));
  const planActionCodes: string[] = [];
  if (input.planActionCodes !== undefined && input.planActionCodes !== null && !Array.isArray(input.planActionCodes)) {
    problems.push({ field: 'planActionCodes', message: 'must be a list of plan action codes, e.g. ["6.1", "6.2"]' });
  } else {
    for (const raw of input.planActionCodes ?? []) {
      const code = typeof raw === 'string' ? raw.trim() : '';
      if (!planCodes.has(code)) {
        problems.push({
          field: 'planActionCodes',
          message: `"${String(raw)}" is not an action of the plan ${plan.code}: give codes among ${[...planCodes].join(', ') || '(the plan has no action yet)'}`,
        });
      } else if (!planActionCodes.includes(code)) {
        // The same action twice means the same as once.
        planActionCodes.push(code);
      }
    }
  }
  for (const action of actions) {
    if (action.planActionCode !== null && !planActionCodes.includes(action.planActionCode)) {
      problems.push({
        field: 'planActionCodes',
        message: `the group's action "${action.title}" implements plan action ${action.planActionCode}: keep ${action.planActionCode}, or first move that action to another plan action (or to none)`,
      });
    }
  }
  const mode = input.mode as GroupFields['mode'];
  return checked({ code: rawCode.toUpperCase(), name, mode, description, territoryKey, planActionCodes }, problems);
}

// ---- members --------------------------------------------------------------------------------

/**
 * Whether the membership covers `date`: joined on or before it, and not left before it. The
 * day someone leaves counts: they were a member that day (see the rules above).
 */
function covers(membership: MembershipRecord, date: string): boolean {
  return membership.joinedOn <= date && (membership.leftOn === null || date <= membership.leftOn);
}

/**
 * Whether the person was a member of the group at some point of `date` (YYYY-MM-DD), e.g. to
 * be on the attendance list of a meeting held that day.
 *
 * @example isMemberOn(group, 'p1', '2026-03-12') // true when p1 joined on or before 12 March and left on or after it
 */
export function isMemberOn(group: Pick<WorkingGroupRecord, 'members'>, personId: string, date: string): boolean {
  return group.members.some((membership) => membership.personId === personId && covers(membership, date));
}

/**
 * The members who are in the group from `today` on: joined on or before today and not left.
 * They may lead, own and contribute to actions.
 */
export function currentMembers(group: Pick<WorkingGroupRecord, 'members'>, today: string): MembershipRecord[] {
  assertToday(today);
  return group.members.filter((membership) => membership.joinedOn <= today && membership.leftOn === null);
}

/** Whether the person is a current member of the group (see {@link currentMembers}). */
export function isCurrentMember(group: Pick<WorkingGroupRecord, 'members'>, personId: string, today: string): boolean {
  return currentMembers(group, today).some((membership) => membership.personId === personId);
}

/** A membership to record, as given by the caller: the person's role and dates in the group. */
export interface MembershipChange {
  personId: string;
  role: string;
  /** YYYY-MM-DD */
  joinedOn: string;
  /** YYYY-MM-DD; absent or null while a member. */
  leftOn?: string | null;
}

/** What a checked membership change gives the caller. */
export interface MembershipOutcome {
  /** The membership to store for the person. */
  membership: MembershipRecord;
  /** The person's membership it replaces, or null when the person joins for the first time. */
  previous: MembershipRecord | null;
  /** All the group's memberships after the change, in the stored order (a newcomer last). */
  members: MembershipRecord[];
}

/**
 * Checks a change of one person's membership (joining, a new role, leaving, a corrected date)
 * against the rules above.
 *
 * @param members the group's memberships as stored
 * @param change the person's membership as it should be
 * @param today YYYY-MM-DD, for "not in the future" and "current members"
 * @returns the membership to store, the one it replaces and the group's memberships after the
 *   change (null when refused), and every problem found
 */
export function checkMembershipChange(members: readonly MembershipRecord[], change: MembershipChange, today: string): Checked<MembershipOutcome> {
  assertToday(today);
  const problems: GroupProblem[] = [];
  const personId = typeof change.personId === 'string' ? change.personId.trim() : '';
  if (!personId) problems.push({ field: 'personId', message: 'is required: give the person whose membership changes' });
  if (!isOneOf(MEMBER_ROLES, change.role)) {
    problems.push({ field: 'role', message: `must be one of ${MEMBER_ROLES.join(', ')} (got "${String(change.role)}")` });
  }
  const joinedOn = typeof change.joinedOn === 'string' ? change.joinedOn.trim() : '';
  const joinedProblem = pastDateProblem(joinedOn, today, 'the person joined the group');
  if (joinedProblem) problems.push({ field: 'joinedOn', message: joinedProblem });
  const leftOn = optionalText(change.leftOn);
  if (leftOn !== null) {
    const leftProblem = pastDateProblem(leftOn, today, 'the person left the group (leave it empty while they are a member)');
    if (leftProblem) problems.push({ field: 'leftOn', message: leftProblem });
    else if (!joinedProblem && leftOn < joinedOn) {
      problems.push({ field: 'leftOn', message: `cannot be before the day the person joined (${joinedOn}) (got ${leftOn}): give a date on or after it` });
    }
  }
  if (problems.length > 0) return { value: null, problems };

  const membership: MembershipRecord = { personId, role: change.role as MemberRole, joinedOn, leftOn };
  // One membership per person; should stored data hold several, the latest one is the one changed.
  let index = -1;
  members.forEach((m, i) => {
    if (m.personId === personId && (index < 0 || m.joinedOn >= members[index].joinedOn)) index = i;
  });
  const previous = index >= 0 ? members[index] : null;
  if (previous && previous.role === membership.role && previous.joinedOn === joinedOn && previous.leftOn === leftOn) {
    problems.push({ field: 'personId', message: `${personId} is already recorded with this role and these dates: change the role or a date, or leave the membership as it is` });
    return { value: null, problems };
  }
  const after = index >= 0 ? members.map((m, i) => (i === index ? membership : m)) : [...members, membership];

  const leadsBefore = currentMembers({ members: [...members] }, today).filter((m) => isLeadRole(m.role));
  const currentBefore = currentMembers({ members: [...members] }, today);
  const leadsAfter = currentMembers({ members: after }, today).filter((m) => isLeadRole(m.role));
  const leaderlessBefore = currentBefore.length > 0 && leadsBefore.length === 0;
  if (leadsAfter.length === 0 && !leaderlessBefore) {
    if (currentBefore.length === 0) {
      problems.push({
        field: 'role',
        message: `the first member of a group leads it: give ${personId} the role LEAD or CO_LEAD (others can be added as MEMBER afterwards)`,
      });
    } else {
      const leaving = leftOn !== null ? 'leave' : `become ${membership.role}`;
      problems.push({
        field: leftOn !== null ? 'leftOn' : 'role',
        message: `${personId} is the group's last lead among its current members and cannot ${leaving}: first give another current member the role LEAD or CO_LEAD, then record this change`,
      });
    }
    return { value: null, problems };
  }
  return { value: { membership, previous, members: after }, problems };
}
