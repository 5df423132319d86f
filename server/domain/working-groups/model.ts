/**
 * Working groups of regional circular-economy plans (PRAEC-style, seeds 003 and 004): the plan's
 * axes and actions, the groups that serve them, their members, meetings with minutes and
 * decisions, and the actions they commit to, with indicators and every change kept.
 * Pure types shared by the domain rules, the repository and the API.
 *
 * Dates are calendar days written YYYY-MM-DD; instants (when something was recorded) are ISO
 * 8601 UTC strings.
 */

export interface PlanAxis {
  /** e.g. "6" */
  code: string;
  /** e.g. "Déchets" */
  title: string;
}

export interface PlanAction {
  /** e.g. "6.2", unique within its plan. */
  code: string;
  axisCode: string;
  title: string;
}

export interface PlanRecord {
  id: string;
  /** e.g. "praec-occitanie" */
  code: string;
  title: string;
  description: string | null;
  /**
   * Territory key the plan covers, when known: the graph's key LEVEL:INSEE code, e.g.
   * "REGION:76" for Occitanie (see seeds/reference/french-territories.ts).
   */
  territoryKey: string | null;
  axes: PlanAxis[];
  actions: PlanAction[];
}

/** How a group acts (seed 003): a resource space, a project owner (MOA) or a project manager (MOE). */
export const GROUP_MODES = ['RESOURCE_SPACE', 'PROJECT_OWNER', 'PROJECT_MANAGER'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];

export const MEMBER_ROLES = ['LEAD', 'CO_LEAD', 'MEMBER', 'OBSERVER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Someone who takes part in groups, for an organisation (an actor of the graph). */
export interface PersonRecord {
  id: string;
  name: string;
  /** Links the person to their account, for "my actions" and for who may edit what. */
  email: string | null;
  /** The organisation they represent. */
  actorId: string | null;
}

export interface MembershipRecord {
  personId: string;
  role: MemberRole;
  /** YYYY-MM-DD */
  joinedOn: string;
  /** YYYY-MM-DD, null while a member. */
  leftOn: string | null;
}

export interface WorkingGroupRecord {
  id: string;
  planId: string;
  /** e.g. "GT6A", unique within its plan. */
  code: string;
  name: string;
  mode: GroupMode;
  description: string | null;
  territoryKey: string | null;
  /** Codes of the plan actions the group serves. */
  planActionCodes: string[];
  members: MembershipRecord[];
  createdAt: string;
}

export const ATTENDANCES = ['PRESENT', 'EXCUSED', 'ABSENT'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export interface GroupMeetingRecord {
  id: string;
  groupId: string;
  /** ISO 8601 instant. */
  startsAt: string;
  place: string | null;
  videoLink: string | null;
  agenda: string[];
  attendees: { personId: string; attendance: Attendance }[];
  /** Markdown. */
  minutes: string | null;
  decisions: string[];
  /** YYYY-MM-DD of the next meeting, when set. */
  nextMeetingOn: string | null;
}

export const ACTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'DROPPED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface IndicatorValue {
  /** YYYY-MM-DD */
  on: string;
  value: number;
  note: string | null;
}

export interface IndicatorRecord {
  id: string;
  name: string;
  /** e.g. "t/an", "structures", "%" */
  unit: string;
  baseline: number | null;
  target: number | null;
  /** Oldest first; the current value is the latest. */
  history: IndicatorValue[];
}

/** What a group's action produced elsewhere in the graph. */
export const ACTION_LINK_KINDS = ['SYNERGY', 'COOPERATION', 'MATCHMAKING_SESSION'] as const;
export type ActionLinkKind = (typeof ACTION_LINK_KINDS)[number];

export interface GroupActionRecord {
  id: string;
  groupId: string;
  title: string;
  description: string | null;
  /** The plan action it implements, when any. */
  planActionCode: string | null;
  ownerPersonId: string;
  /** The organisation the owner acts for (defaults to the owner's). */
  ownerActorId: string | null;
  contributorPersonIds: string[];
  status: ActionStatus;
  /** Required for BLOCKED and DROPPED. */
  statusReason: string | null;
  startOn: string | null;
  dueOn: string | null;
  indicators: IndicatorRecord[];
  links: { kind: ActionLinkKind; targetId: string }[];
  createdAt: string;
  updatedAt: string;
}

/** One recorded change, for the activity feed and the audit of an action or a group. */
export interface ChangeRecord {
  id: string;
  groupId: string;
  /** What changed: the group itself, a member, a meeting, an action, an indicator. */
  subject: 'GROUP' | 'MEMBER' | 'MEETING' | 'ACTION' | 'INDICATOR';
  subjectId: string;
  /** e.g. "action.status", "member.joined", "meeting.minutes" */
  kind: string;
  /** French, one line, for the feed: "Statut : En cours → Bloquée (attente du financement)". */
  summary: string;
  /** Field → [before, after], JSON-serialisable. */
  changes: Record<string, [unknown, unknown]>;
  /** Email of the account. */
  by: string;
  /** ISO 8601 instant. */
  at: string;
}

/** A validation problem, with the input field to blame and a message telling what to give. */
export interface GroupProblem {
  field: string;
  message: string;
}
