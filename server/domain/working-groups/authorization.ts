/**
 * Who may change a working group and its actions. Pure hooks: the service asks, and turns a
 * refusal into a ForbiddenError with the reason (in English, as the API's error messages).
 *
 * The rules, and why:
 * - Accounts with the ADMIN or FACILITATOR role may edit every group: facilitators run the
 *   plan's groups (seed 003's "animation" of the PRAEC) and step in when a group has no one.
 * - A group's leads (a current LEAD or CO_LEAD) may edit their group: its details, members,
 *   meetings and actions. An account is a lead when the email of the lead's person record is
 *   the account's email (compared without case: accounts are stored in lowercase).
 * - An action may also be updated by its owner, as long as the owner is still a member of
 *   the group: the person in charge keeps the status and indicators current, which is what
 *   makes implementation tracking effortless. Contributors may not: one person answers for an
 *   action. Someone who left the group keeps no write access to it.
 * - Anonymous callers may edit nothing.
 * "Current" means not left (leftOn null) and, when `today` is given, joined on or before it.
 */
import { peopleById, sameEmail } from './common';
import { currentMembers, isLeadRole } from './group-rules';
import { GroupActionRecord, MembershipRecord, PersonRecord, WorkingGroupRecord } from './model';

/** The caller as the rules need it: the account's email and role. */
export interface GroupUser {
  email: string;
  role: string;
}

/** An answer, with the reason for the API's error message (or for a log when allowed). */
export interface Authorization {
  allowed: boolean;
  reason: string;
}

/** Account roles that may edit every group. */
export const GROUP_EDITOR_ROLES: readonly string[] = ['ADMIN', 'FACILITATOR'];

function activeMembers(group: Pick<WorkingGroupRecord, 'members'>, today?: string): MembershipRecord[] {
  return today ? currentMembers(group, today) : group.members.filter((m) => m.leftOn === null);
}

/** The user's person among the given memberships, by email. */
function userMembership(user: GroupUser, memberships: readonly MembershipRecord[], people: readonly PersonRecord[]): MembershipRecord | null {
  const byId = peopleById(people);
  return memberships.find((m) => sameEmail(byId.get(m.personId)?.email, user.email)) ?? null;
}

/**
 * Whether the user may edit the group: its details, members, meetings and actions.
 *
 * @param people the group's members' person records (for their emails)
 * @param today YYYY-MM-DD; absent, "current" means "has not left"
 * @example canEditGroup({ email: 'a@x.fr', role: 'ADMIN' }, group, people).allowed // true
 */
export function canEditGroup(
  user: GroupUser | null,
  group: Pick<WorkingGroupRecord, 'code' | 'members'>,
  people: readonly PersonRecord[],
  today?: string,
): Authorization {
  if (!user) return { allowed: false, reason: `sign in to edit the working group ${group.code}` };
  if (GROUP_EDITOR_ROLES.includes(user.role)) return { allowed: true, reason: `the ${user.role} role may edit every working group` };
  const lead = userMembership(user, activeMembers(group, today).filter((m) => isLeadRole(m.role)), people);
  if (lead) return { allowed: true, reason: `${user.email} is a current ${lead.role} of ${group.code}` };
  return {
    allowed: false,
    reason: `only administrators, facilitators and the current leads (LEAD or CO_LEAD) of ${group.code} may edit it; ask one of them to make the change or to give you the CO_LEAD role`,
  };
}

/**
 * Whether the user may update the action: the group's editors (see {@link canEditGroup}), or
 * the action's owner while a member of the group.
 *
 * @param people the person records of the group's members and of the action's owner
 * @param today YYYY-MM-DD; absent, "current" means "has not left"
 */
export function canUpdateAction(
  user: GroupUser | null,
  action: Pick<GroupActionRecord, 'title' | 'ownerPersonId'>,
  group: Pick<WorkingGroupRecord, 'code' | 'members'>,
  people: readonly PersonRecord[],
  today?: string,
): Authorization {
  if (!user) return { allowed: false, reason: `sign in to update the action "${action.title}"` };
  const editor = canEditGroup(user, group, people, today);
  if (editor.allowed) return editor;
  const owner = people.find((p) => p.id === action.ownerPersonId);
  if (owner && sameEmail(owner.email, user.email)) {
    if (activeMembers(group, today).some((m) => m.personId === owner.id)) {
      return { allowed: true, reason: `${user.email} is the person in charge of the action` };
    }
    return {
      allowed: false,
      reason: `${user.email} is in charge of the action but no longer a member of ${group.code}; ask a lead of the group to hand the action over`,
    };
  }
  return {
    allowed: false,
    reason: `only the person in charge of the action, the current leads of ${group.code}, administrators and facilitators may update it`,
  };
}
