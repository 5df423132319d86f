import { AuthUser, Role } from './viewer';

/**
 * The rules of accounts that need no database: what a valid email and password are, and who
 * may invite whom. The services apply them and turn problems into BAD_USER_INPUT / FORBIDDEN.
 */

export const MIN_PASSWORD_LENGTH = 10;
// Argon2 accepts any length; a cap keeps a huge body from costing hashing time.
export const MAX_PASSWORD_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The stored form of an email: trimmed, lower-cased (accounts are unique by it). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Why an (already normalised) email is not acceptable, or null. */
export function emailProblem(email: string): string | null {
  if (!email) return 'is required';
  if (email.length > MAX_EMAIL_LENGTH) return `must have at most ${MAX_EMAIL_LENGTH} characters`;
  if (!EMAIL_PATTERN.test(email)) return `"${email}" is not an email address`;
  return null;
}

/**
 * Why a new password is not acceptable, or null: at least 10 characters (length is what makes a
 * password hard to guess), at most 200, and not the account's email.
 *
 * @example passwordProblem('court', 'a@b.fr') // 'must have at least 10 characters'
 */
export function passwordProblem(password: string, email: string | null): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (email && normaliseEmail(password) === normaliseEmail(email)) return 'must not be the email address';
  return null;
}

/** What an invitation asks for, territories already resolved to keys. */
export interface InvitationRequest {
  role: Role;
  actorIds: string[];
  territoryKeys: string[];
}

/** A refusal: FORBIDDEN (the inviter may not) or BAD_USER_INPUT (the request is incomplete). */
export interface RuleProblem {
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
  field?: string;
  message: string;
}

/**
 * Whether `inviter` may send this invitation, before the database checks where the actors lie:
 * - a MEMBER account represents one or more actors (and facilitates nothing);
 * - a FACILITATOR account is scoped to one or more territories (and may represent actors);
 * - an ADMIN account needs neither;
 * - ADMINs invite any role; FACILITATORs only MEMBERs (for actors of their territories, checked
 *   by the service); MEMBERs invite no one.
 */
export function invitationProblem(inviter: Pick<AuthUser, 'role'>, request: InvitationRequest): RuleProblem | null {
  if (inviter.role === 'MEMBER') return { code: 'FORBIDDEN', message: 'Not allowed: members cannot invite accounts; ask your facilitator.' };
  if (inviter.role === 'FACILITATOR' && request.role !== 'MEMBER') {
    return { code: 'FORBIDDEN', message: `Not allowed: facilitators invite MEMBER accounts only (not ${request.role}); ask an administrator.` };
  }
  return scopeProblem(request.role, request.actorIds, request.territoryKeys, 'input.');
}

/** Whether an account of `role` may have these actors and territories. */
export function scopeProblem(role: Role, actorIds: string[], territoryKeys: string[], prefix = ''): RuleProblem | null {
  if (role === 'MEMBER' && actorIds.length === 0) {
    return { code: 'BAD_USER_INPUT', field: `${prefix}actorIds`, message: `${prefix}actorIds: a MEMBER account represents at least one actor.` };
  }
  if (role === 'MEMBER' && territoryKeys.length > 0) {
    return { code: 'BAD_USER_INPUT', field: `${prefix}territoryCodes`, message: `${prefix}territoryCodes: only FACILITATOR accounts are scoped to territories.` };
  }
  if (role === 'FACILITATOR' && territoryKeys.length === 0) {
    return { code: 'BAD_USER_INPUT', field: `${prefix}territoryCodes`, message: `${prefix}territoryCodes: a FACILITATOR account facilitates at least one territory.` };
  }
  return null;
}
