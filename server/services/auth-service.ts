import { hash, verify } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Db, Tx } from '../../graph/database';
import { createSession, deleteExpiredSessions, findSession, revokeSession, revokeUserSessions } from '../../graph/repositories/auth-session-repository';
import {
  AccountRecord, createUserIfAbsent, findAccounts, findUserByEmail, findUserById, getOrCreateSetting, setUserPasswordHash,
} from '../../graph/repositories/user-repository';
import { normaliseEmail, passwordProblem } from '../domain/access/account-rules';
import { AttemptLimiter, AttemptLimits, AttemptSource, DEFAULT_ATTEMPT_LIMITS } from '../domain/access/attempt-limiter';
import { DEFAULT_SESSION_LIFETIME_MS, expiryFrom } from '../domain/access/account-tokens';
import { AuthUser } from '../domain/access/viewer';
import { TooManyRequestsError, UnauthenticatedError, ValidationError } from '../errors';

export type { AuthUser } from '../domain/access/viewer';

/** Settings of {@link AuthService}, all optional. */
export interface AuthServiceOptions {
  /** How long a sign-in lasts (default 12 h, env SESSION_LIFETIME_HOURS). */
  sessionLifetimeMs?: number;
  /** Failed attempts allowed per email and per IP address (default 5 and 20 per 15 min). */
  attemptLimits?: AttemptLimits;
  /** Base of invitation and reset links (env PUBLIC_URL). */
  publicUrl?: string;
  /** The clock (tests move it forward to expire sessions). */
  now?: () => Date;
}

/** A successful sign-in: the bearer token, when it ends, and the account. */
export interface SignedIn {
  token: string;
  expiresAt: string;
  user: AccountRecord;
}

const TOKEN_ISSUER = 'maillage';

/**
 * Sign-in and sessions. Passwords are hashed with Argon2id (memory-hard). A bearer token is an
 * HS256 JWT (secret kept in the graph, shared by every API process of a database) bound by its
 * `jti` to a stored `:AuthSession`: each request checks the session is live and loads the
 * account's role and scope, so logout, revocation, disabling and role changes apply at once.
 * Failed sign-ins are rate-limited per email and per client address, in process.
 */
export class AuthService {
  private secret: string | null = null;
  private dummyHash: string | null = null;
  readonly sessionLifetimeMs: number;
  readonly publicUrl: string;
  /** Failed sign-ins, per email and per address. */
  readonly signInLimiter: AttemptLimiter;
  /** Failed invitation and reset tokens presented, per address (guessing). */
  readonly tokenLimiter: AttemptLimiter;
  private readonly clock: () => Date;

  constructor(private readonly db: Db, configuredSecret?: string, options: AuthServiceOptions = {}) {
    this.secret = configuredSecret || null;
    this.sessionLifetimeMs = options.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS;
    this.publicUrl = options.publicUrl ?? 'http://localhost:4000';
    this.clock = options.now ?? (() => new Date());
    const limits = options.attemptLimits ?? DEFAULT_ATTEMPT_LIMITS;
    const millis = () => this.clock().getTime();
    this.signInLimiter = new AttemptLimiter(limits, millis);
    this.tokenLimiter = new AttemptLimiter(limits, millis);
  }

  now(): Date {
    return this.clock();
  }

  /** Loads (or creates once) the signing secret; call at start-up. */
  async init(): Promise<void> {
    if (this.secret) return;
    const initial = randomBytes(48).toString('base64url');
    this.secret = await this.db.write((tx) => getOrCreateSetting(tx, 'jwt-secret', initial));
  }

  /** Creates the admin account at first start; an existing account keeps its password. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    const problem = passwordProblem(password, email);
    if (problem) throw new Error(`ADMIN_PASSWORD ${problem}.`);
    const passwordHash = await this.hashPassword(password);
    return this.db.write((tx) => createUserIfAbsent(tx, { email: normaliseEmail(email), passwordHash, role: 'ADMIN' }));
  }

  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  /**
   * Checks credentials and opens a session. Refused with TOO_MANY_REQUESTS, before the password
   * is even checked, after 5 failures for the email or 20 from the address in 15 minutes.
   */
  async login(email: string, password: string, ip: string | null = null): Promise<SignedIn> {
    const normalised = normaliseEmail(email);
    if (!normalised || !password) throw new ValidationError('email and password are both required.', ['email', 'password']);
    const source: AttemptSource = { email: normalised, ip };
    this.checkAttempts(this.signInLimiter, source, 'failed sign-in attempts');
    const user = await this.db.read((tx) => findUserByEmail(tx, normalised));
    // An unknown email costs the same argon2 verification as a known one, so that timing does
    // not tell which emails have an account; the message is the same for both.
    const valid = user ? await verify(user.passwordHash, password) : (await verify(await this.dummy(), password), false);
    if (!user || !valid) {
      this.signInLimiter.recordFailure(source);
      throw new UnauthenticatedError('Wrong email or password.');
    }
    this.signInLimiter.recordSuccess(source);
    if (user.disabled) throw new UnauthenticatedError('This account is disabled: ask an administrator.');
    return this.db.write((tx) => this.openSession(tx, user.id, ip));
  }

  /**
   * Opens a session for an account inside the caller's transaction (sign-in, accepted invitation,
   * password reset), deleting a batch of expired sessions on the way.
   */
  async openSession(tx: Tx, userId: string, ip: string | null): Promise<SignedIn> {
    const now = this.now();
    const session = { id: randomUUID(), createdAt: now.toISOString(), expiresAt: expiryFrom(now, this.sessionLifetimeMs), ip };
    await deleteExpiredSessions(tx, session.createdAt);
    await createSession(tx, userId, session);
    const [user] = await findAccounts(tx, [userId]);
    const token = jwt.sign(
      { iat: Math.floor(now.getTime() / 1000), exp: Math.floor(Date.parse(session.expiresAt) / 1000) },
      this.requireSecret(),
      { subject: userId, jwtid: session.id, issuer: TOKEN_ISSUER, algorithm: 'HS256' },
    );
    return { token, expiresAt: session.expiresAt, user };
  }

  /**
   * The caller a bearer token stands for: the signature and expiry are checked, then the
   * session and account are read (one query). UNAUTHENTICATED, saying why, when the token is
   * bad or expired, the session was ended, or the account disabled.
   */
  async authenticate(token: string): Promise<AuthUser> {
    const claims = this.verifyClaims(token);
    const row = await this.db.read((tx) => findSession(tx, claims.sessionId, claims.userId));
    if (!row || row.revoked) throw new UnauthenticatedError('This session has ended (signed out or revoked): log in again.');
    if (Date.parse(row.expiresAt) <= this.now().getTime()) throw new UnauthenticatedError('Your token has expired: log in again.');
    if (row.user.disabled) throw new UnauthenticatedError('This account is disabled: ask an administrator.');
    return {
      id: row.user.id,
      email: row.user.email,
      displayName: row.user.displayName,
      role: row.user.role,
      actorIds: row.user.actorIds,
      // A territory scope only counts for facilitators (an account demoted to MEMBER keeps its
      // links, inert, in case it is promoted again).
      territoryKeys: row.user.role === 'FACILITATOR' ? row.user.territoryKeys : [],
      sessionId: row.sessionId,
      sessionExpiresAt: row.expiresAt,
    };
  }

  /** Ends the caller's session: its token is refused from now on. */
  async logout(user: AuthUser): Promise<boolean> {
    const now = this.now().toISOString();
    return this.db.write((tx) => revokeSession(tx, user.sessionId, now));
  }

  /** Ends every session of the caller's account (this one included); returns how many. */
  async logoutEverywhere(user: AuthUser): Promise<number> {
    const now = this.now().toISOString();
    return this.db.write((tx) => revokeUserSessions(tx, user.id, now));
  }

  /**
   * Changes the caller's password after checking the current one (rate-limited like sign-in).
   * The account's other sessions end: whoever knew the old password is signed out.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, ip: string | null = null): Promise<boolean> {
    const problem = passwordProblem(newPassword, user.email);
    if (problem) throw new ValidationError(`newPassword: ${problem}.`, ['newPassword']);
    const source: AttemptSource = { email: user.email, ip };
    this.checkAttempts(this.signInLimiter, source, 'failed password checks');
    const stored = await this.db.read((tx) => findUserById(tx, user.id));
    if (!stored || !(await verify(stored.passwordHash, currentPassword))) {
      this.signInLimiter.recordFailure(source);
      throw new ValidationError('currentPassword: this is not your current password.', ['currentPassword']);
    }
    this.signInLimiter.recordSuccess(source);
    const passwordHash = await this.hashPassword(newPassword);
    const now = this.now().toISOString();
    await this.db.write(async (tx) => {
      await setUserPasswordHash(tx, user.id, passwordHash, now);
      await revokeUserSessions(tx, user.id, now, user.sessionId);
    });
    return true;
  }

  /** Throws TOO_MANY_REQUESTS while `source` is blocked by `limiter`. */
  checkAttempts(limiter: AttemptLimiter, source: AttemptSource, what: string): void {
    const retryAfter = limiter.retryAfterSeconds(source);
    if (retryAfter > 0) throw new TooManyRequestsError(retryAfter, what);
  }

  private verifyClaims(token: string): { userId: string; sessionId: string } {
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.requireSecret(), {
        issuer: TOKEN_ISSUER,
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.now().getTime() / 1000),
      }) as jwt.JwtPayload;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthenticatedError(expired ? 'Your token has expired: log in again.' : 'Invalid bearer token: log in again to get a new one.');
    }
    // Tokens from before sessions existed carry no session id: they must sign in again.
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') {
      throw new UnauthenticatedError('Invalid bearer token: log in again to get a new one.');
    }
    return { userId: payload.sub, sessionId: payload.jti };
  }

  private async dummy(): Promise<string> {
    this.dummyHash ??= await hash(randomBytes(16).toString('base64url'));
    return this.dummyHash;
  }

  private requireSecret(): string {
    if (!this.secret) throw new Error('AuthService.init() was not called.');
    return this.secret;
  }
}
