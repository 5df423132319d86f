import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { Db, Tx } from '../../graph/database';
import {
  deleteExpiredAccountTokens, findInvitationByEmail, findInvitationByTokenHash, findPasswordResetByTokenHash, replaceInvitation,
  replacePasswordReset, takeInvitation, takePasswordReset,
} from '../../graph/repositories/account-token-repository';
import { revokeUserSessions } from '../../graph/repositories/auth-session-repository';
import { findTerritoriesByKeys } from '../../graph/repositories/territory-repository';
import {
  AccountRecord, AccountSearch, countAccounts, countOtherActiveAdmins, createUser, findAccounts, findActorsOutsideTerritories, findMissingActorIds,
  findUserByEmail, findUserById, listAccounts, lockAccountAdministration, setUserActors, setUserDisabled, setUserPasswordHash, setUserRole,
  setUserTerritories,
} from '../../graph/repositories/user-repository';
import { emailProblem, invitationProblem, normaliseEmail, passwordProblem, RuleProblem } from '../domain/access/account-rules';
import {
  expiryFrom, hashToken, INVITATION_LIFETIME_MS, isWellFormedToken, newToken, PASSWORD_RESET_LIFETIME_MS, tokenUrl,
} from '../domain/access/account-tokens';
import { AuthUser, Role } from '../domain/access/viewer';
import { Page, TerritoryRecord } from '../domain/model';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { AuthService, SignedIn } from './auth-service';
import { decodeCursor, encodeCursor } from './paging';
import { TerritoryService } from './territory-service';

/** What `inviteUser` asks for. */
export interface InviteData {
  email: string;
  role: Role;
  displayName?: string | null;
  actorIds?: string[] | null;
  /** INSEE codes or territory keys, for FACILITATOR accounts. */
  territoryCodes?: string[] | null;
}

/** An invitation as issued: the token is shown this once (only its hash is stored). */
export interface IssuedInvitation {
  email: string;
  role: Role;
  displayName: string | null;
  actorIds: string[];
  territoryKeys: string[];
  expiresAt: string;
  token: string;
  invitationUrl: string;
}

/** A password reset as issued: the token is shown this once. */
export interface IssuedPasswordReset {
  email: string;
  token: string;
  resetUrl: string;
  expiresAt: string;
}

const MAX_DISPLAY_NAME = 120;
const BAD_INVITATION = 'token: this invitation link is not valid (already used, replaced or mistyped): ask the person who invited you for a new one.';
const EXPIRED_INVITATION = 'token: this invitation link has expired: ask the person who invited you for a new one.';
const BAD_RESET = 'token: this password-reset link is not valid (already used, replaced or mistyped): ask an administrator or your facilitator for a new one.';
const EXPIRED_RESET = 'token: this password-reset link has expired (links last one hour): ask for a new one.';
const FACILITATOR_RESET_SCOPE = 'Not allowed: facilitators reset the passwords of MEMBER accounts whose actors all lie in their territories; ask an administrator.';
const LAST_ADMIN = 'This is the last active administrator: make another account ADMIN first.';

function fail(problem: RuleProblem): never {
  if (problem.code === 'FORBIDDEN') throw new ForbiddenError(problem.message);
  throw new ValidationError(problem.message, problem.field ? [problem.field] : []);
}

function displayNameOf(raw: string | null | undefined, field: string): string | null {
  const name = raw?.trim() ?? '';
  if (name.length > MAX_DISPLAY_NAME) throw new ValidationError(`${field}: must have at most ${MAX_DISPLAY_NAME} characters.`, [field]);
  return name || null;
}

/**
 * Accounts beyond signing in: invitations and password resets handed over as single-use tokens
 * (no email is sent), and administration (roles, represented actors, facilitated territories,
 * disabling). One per request; who may call what is decided by the resolvers' `@Authorized`
 * roles and, for facilitators, by the territory checks here.
 */
export class AccountService {
  private readonly territoryByKey = new DataLoader<string, TerritoryRecord | null>(async (keys) => {
    const found = new Map((await this.db.read((tx) => findTerritoriesByKeys(tx, keys))).map((t) => [t.key, t]));
    return keys.map((k) => found.get(k) ?? null);
  });

  constructor(private readonly db: Db, private readonly territories: TerritoryService, private readonly auth: AuthService) {}

  /**
   * Invites someone: ADMINs any role, FACILITATORs MEMBER accounts for actors of their
   * territories. Replaces a pending invitation for the same email; refuses an email that already
   * has an account (CONFLICT).
   */
  async invite(by: AuthUser, data: InviteData): Promise<IssuedInvitation> {
    const email = normaliseEmail(data.email);
    const invalidEmail = emailProblem(email);
    if (invalidEmail) throw new ValidationError(`input.email: ${invalidEmail}.`, ['input.email']);
    const displayName = displayNameOf(data.displayName, 'input.displayName');
    const actorIds = [...new Set(data.actorIds ?? [])];
    const territoryKeys = await this.resolveTerritories(data.territoryCodes ?? [], 'input.territoryCodes');
    const problem = invitationProblem(by, { role: data.role, actorIds, territoryKeys });
    if (problem) fail(problem);
    const token = newToken();
    const now = this.auth.now();
    const expiresAt = expiryFrom(now, INVITATION_LIFETIME_MS);
    await this.db.write(async (tx) => {
      await this.checkActors(tx, actorIds, 'input.actorIds');
      if (by.role === 'FACILITATOR') await this.checkInTerritories(tx, actorIds, by.territoryKeys);
      if (await findUserByEmail(tx, email)) {
        throw new ConflictError(`An account with the email ${email} exists: change its role, actors or territories instead, or create a password reset.`);
      }
      const pending = await findInvitationByEmail(tx, email);
      if (pending && by.role === 'FACILITATOR' && pending.role !== 'MEMBER') {
        throw new ForbiddenError(`Not allowed: a pending ${pending.role} invitation for ${email} can only be replaced by an administrator.`);
      }
      await deleteExpiredAccountTokens(tx, now.toISOString());
      await replaceInvitation(tx, {
        tokenHash: hashToken(token), email, role: data.role, displayName, actorIds, territoryKeys, invitedBy: by.email, createdAt: now.toISOString(), expiresAt,
      });
    });
    return { email, role: data.role, displayName, actorIds, territoryKeys, expiresAt, token, invitationUrl: tokenUrl(this.auth.publicUrl, 'invitation', token) };
  }

  /**
   * Creates the invited account with its password and signs it in. The token works once; a
   * wrong token counts against the caller's address like a failed sign-in.
   */
  async acceptInvitation(token: string, password: string, displayName: string | null | undefined, ip: string | null): Promise<SignedIn> {
    const source = { ip };
    this.auth.checkAttempts(this.auth.tokenLimiter, source, 'invalid invitation or reset links');
    const lengthProblem = passwordProblem(password, null);
    if (lengthProblem) throw new ValidationError(`password: ${lengthProblem}.`, ['password']);
    const name = displayNameOf(displayName, 'displayName');
    const tokenHash = this.presentedTokenHash(token, source, BAD_INVITATION);
    const now = this.auth.now().toISOString();
    const found = await this.db.read((tx) => findInvitationByTokenHash(tx, tokenHash, now));
    if (!found) this.refuseToken(source, BAD_INVITATION);
    if (!found.live) this.refuseToken(source, EXPIRED_INVITATION);
    const invitation = found.invitation;
    const problem = passwordProblem(password, invitation.email);
    if (problem) throw new ValidationError(`password: ${problem}.`, ['password']);
    // Hashing is slow: done before the transaction, which the driver may retry.
    const passwordHash = await this.auth.hashPassword(password);
    const signedIn = await this.db.write(async (tx) => {
      const taken = await takeInvitation(tx, tokenHash, now);
      if (!taken?.live) throw new ValidationError(BAD_INVITATION, ['token']);
      if (await findUserByEmail(tx, invitation.email)) throw new ConflictError(`An account with the email ${invitation.email} exists already: log in instead.`);
      const user = await createUser(tx, {
        id: randomUUID(), email: invitation.email, passwordHash, role: invitation.role, displayName: name ?? invitation.displayName,
        actorIds: invitation.actorIds, territoryKeys: invitation.territoryKeys, createdAt: now,
      });
      return this.auth.openSession(tx, user.id, ip);
    });
    this.auth.tokenLimiter.recordSuccess(source);
    return signedIn;
  }

  /**
   * A single-use link to choose a new password, valid one hour, for an ADMIN to hand over (or a
   * FACILITATOR, for members whose actors all lie in their territories). No email is sent.
   */
  async createPasswordReset(by: AuthUser, rawEmail: string): Promise<IssuedPasswordReset> {
    const email = normaliseEmail(rawEmail);
    const token = newToken();
    const now = this.auth.now();
    const expiresAt = expiryFrom(now, PASSWORD_RESET_LIFETIME_MS);
    await this.db.write(async (tx) => {
      const user = await findUserByEmail(tx, email);
      if (by.role === 'FACILITATOR') {
        // The same refusal whether or not the email has an account.
        const account = user ? (await findAccounts(tx, [user.id]))[0] : null;
        if (!account || account.role !== 'MEMBER' || account.actorIds.length === 0) throw new ForbiddenError(FACILITATOR_RESET_SCOPE);
        if ((await findActorsOutsideTerritories(tx, account.actorIds, by.territoryKeys)).length > 0) throw new ForbiddenError(FACILITATOR_RESET_SCOPE);
      } else if (by.role !== 'ADMIN') {
        throw new ForbiddenError();
      }
      if (!user) throw new NotFoundError('Account', email);
      if (user.disabled) throw new ValidationError('email: this account is disabled; enable it first (enableUser).', ['email']);
      await deleteExpiredAccountTokens(tx, now.toISOString());
      await replacePasswordReset(tx, user.id, { tokenHash: hashToken(token), createdBy: by.email, createdAt: now.toISOString(), expiresAt });
    });
    return { email, token, resetUrl: tokenUrl(this.auth.publicUrl, 'reset-password', token), expiresAt };
  }

  /** Sets a new password from a reset token, ends every session of the account and signs in anew. */
  async resetPassword(token: string, newPassword: string, ip: string | null): Promise<SignedIn> {
    const source = { ip };
    this.auth.checkAttempts(this.auth.tokenLimiter, source, 'invalid invitation or reset links');
    const lengthProblem = passwordProblem(newPassword, null);
    if (lengthProblem) throw new ValidationError(`newPassword: ${lengthProblem}.`, ['newPassword']);
    const tokenHash = this.presentedTokenHash(token, source, BAD_RESET);
    const now = this.auth.now().toISOString();
    const found = await this.db.read((tx) => findPasswordResetByTokenHash(tx, tokenHash, now));
    if (!found) this.refuseToken(source, BAD_RESET);
    if (!found.live) this.refuseToken(source, EXPIRED_RESET);
    if (found.disabled) throw new UnauthenticatedError('This account is disabled: ask an administrator.');
    const problem = passwordProblem(newPassword, found.email);
    if (problem) throw new ValidationError(`newPassword: ${problem}.`, ['newPassword']);
    const passwordHash = await this.auth.hashPassword(newPassword);
    const signedIn = await this.db.write(async (tx) => {
      const taken = await takePasswordReset(tx, tokenHash, now);
      if (!taken?.live) throw new ValidationError(BAD_RESET, ['token']);
      await setUserPasswordHash(tx, taken.userId, passwordHash, now);
      await revokeUserSessions(tx, taken.userId, now);
      return this.auth.openSession(tx, taken.userId, ip);
    });
    this.auth.tokenLimiter.recordSuccess(source);
    return signedIn;
  }

  /** A page of accounts by email. */
  async list(search: AccountSearch, limit: number, afterCursor: string | null | undefined): Promise<Page<AccountRecord> & { cursorOf(a: AccountRecord): string }> {
    const after = decodeCursor(afterCursor, (v): v is { email: string } => typeof (v as { email?: unknown })?.email === 'string');
    const page = await this.db.read(async (tx) => ({
      totalCount: await countAccounts(tx, search),
      items: await listAccounts(tx, search, limit + 1, after?.email ?? null),
    }));
    return { items: page.items.slice(0, limit), totalCount: page.totalCount, hasNextPage: page.items.length > limit, cursorOf: (a) => encodeCursor({ email: a.email }) };
  }

  /** Changes an account's role (effective at its next request); the last active admin stays. */
  async setRole(userId: string, role: Role): Promise<AccountRecord> {
    return this.db.write(async (tx) => {
      await lockAccountAdministration(tx);
      const user = await this.requireUser(tx, userId);
      if (user.role === 'ADMIN' && role !== 'ADMIN' && !user.disabled && (await countOtherActiveAdmins(tx, userId)) === 0) throw new ConflictError(LAST_ADMIN);
      await setUserRole(tx, userId, role);
      return (await findAccounts(tx, [userId]))[0];
    });
  }

  /** Replaces the actors an account represents. */
  async setActors(userId: string, actorIds: string[]): Promise<AccountRecord> {
    const ids = [...new Set(actorIds)];
    return this.db.write(async (tx) => {
      await this.requireUser(tx, userId);
      await this.checkActors(tx, ids, 'actorIds');
      await setUserActors(tx, userId, ids);
      return (await findAccounts(tx, [userId]))[0];
    });
  }

  /** Replaces the territories an account facilitates (INSEE codes or keys). */
  async setTerritories(userId: string, territoryCodes: string[]): Promise<AccountRecord> {
    const keys = await this.resolveTerritories(territoryCodes, 'territoryCodes');
    return this.db.write(async (tx) => {
      await this.requireUser(tx, userId);
      await setUserTerritories(tx, userId, keys);
      return (await findAccounts(tx, [userId]))[0];
    });
  }

  /**
   * Disables an account (it cannot sign in, its sessions end at once) or enables it again. The
   * last active admin cannot be disabled.
   */
  async setDisabled(userId: string, disabled: boolean): Promise<AccountRecord> {
    const now = this.auth.now().toISOString();
    return this.db.write(async (tx) => {
      await lockAccountAdministration(tx);
      const user = await this.requireUser(tx, userId);
      if (disabled && user.role === 'ADMIN' && (await countOtherActiveAdmins(tx, userId)) === 0) throw new ConflictError(LAST_ADMIN);
      await setUserDisabled(tx, userId, disabled);
      if (disabled) await revokeUserSessions(tx, userId, now);
      return (await findAccounts(tx, [userId]))[0];
    });
  }

  /** Territories by key (batched per request), unknown keys left out. */
  async territoriesOf(keys: readonly string[]): Promise<TerritoryRecord[]> {
    const found = await this.territoryByKey.loadMany(keys);
    return found.filter((t): t is TerritoryRecord => Boolean(t) && !(t instanceof Error));
  }

  private async resolveTerritories(codes: string[], field: string): Promise<string[]> {
    const keys: string[] = [];
    for (const code of new Set(codes.map((c) => c.trim()))) {
      if (!code) throw new ValidationError(`${field}: a territory code is empty.`, [field]);
      keys.push((await this.territories.resolve(code, field))!.key);
    }
    return [...new Set(keys)];
  }

  private async checkActors(tx: Tx, actorIds: string[], field: string): Promise<void> {
    const missing = await findMissingActorIds(tx, actorIds);
    if (missing.length) throw new ValidationError(`${field}: no actor has the id ${missing.map((id) => `'${id}'`).join(', ')}.`, [field]);
  }

  private async checkInTerritories(tx: Tx, actorIds: string[], territoryKeys: string[]): Promise<void> {
    const outside = await findActorsOutsideTerritories(tx, actorIds, territoryKeys);
    if (outside.length) {
      throw new ForbiddenError(`Not allowed: ${outside.map((a) => `"${a.name}"`).join(', ')} ${outside.length > 1 ? 'are' : 'is'} not located in the territories you facilitate.`);
    }
  }

  private async requireUser(tx: Tx, userId: string) {
    const user = await findUserById(tx, userId);
    if (!user) throw new NotFoundError('Account', userId);
    return user;
  }

  /** The hash to look up, or a counted refusal when the token cannot be one of ours. */
  private presentedTokenHash(token: string, source: { ip: string | null }, message: string): string {
    if (!isWellFormedToken(token.trim())) this.refuseToken(source, message);
    return hashToken(token.trim());
  }

  private refuseToken(source: { ip: string | null }, message: string): never {
    this.auth.tokenLimiter.recordFailure(source);
    throw new ValidationError(message, ['token']);
  }
}
