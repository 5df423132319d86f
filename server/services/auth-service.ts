import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Db } from '../../graph/database';
import { createUserIfAbsent, findUserByEmail, getOrCreateSetting } from '../../graph/repositories/user-repository';
import { UnauthenticatedError, ValidationError } from '../errors';

/** Who is calling, from a verified bearer token. */
export interface AuthUser {
  email: string;
  role: string;
}

const TOKEN_LIFETIME = '12h';
const TOKEN_ISSUER = 'maillage';

/**
 * Accounts and bearer tokens. Passwords are hashed with Argon2id (memory-hard); tokens are
 * HS256 JWTs signed with a secret kept in the graph, shared by every API process of a database.
 */
export class AuthService {
  private secret: string | null = null;

  constructor(private readonly db: Db, configuredSecret?: string) {
    this.secret = configuredSecret || null;
  }

  /** Loads (or creates once) the signing secret; call at start-up. */
  async init(): Promise<void> {
    if (this.secret) return;
    const initial = randomBytes(48).toString('base64url');
    this.secret = await this.db.write((tx) => getOrCreateSetting(tx, 'jwt-secret', initial));
  }

  /** Creates the admin account at first start; an existing account keeps its password. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    if (password.length < 8) throw new Error('ADMIN_PASSWORD must have at least 8 characters.');
    const passwordHash = await hash(password);
    return this.db.write((tx) => createUserIfAbsent(tx, { email: email.toLowerCase(), passwordHash, role: 'ADMIN' }));
  }

  /** Checks credentials and returns a bearer token. */
  async login(email: string, password: string): Promise<string> {
    if (!email.trim() || !password) throw new ValidationError('email and password are both required.', ['email', 'password']);
    const user = await this.db.read((tx) => findUserByEmail(tx, email.trim().toLowerCase()));
    // Verify even for an unknown email would leak less timing, but argon2 cost makes a dummy
    // verify expensive; the message is the same for both cases either way.
    if (!user || !(await verify(user.passwordHash, password))) {
      throw new UnauthenticatedError('Wrong email or password.');
    }
    return jwt.sign({ role: user.role }, this.requireSecret(), { subject: user.email, expiresIn: TOKEN_LIFETIME, issuer: TOKEN_ISSUER, algorithm: 'HS256' });
  }

  /** The user a bearer token stands for; throws UNAUTHENTICATED for a bad or expired token. */
  verifyToken(token: string): AuthUser {
    try {
      const payload = jwt.verify(token, this.requireSecret(), { issuer: TOKEN_ISSUER, algorithms: ['HS256'] }) as jwt.JwtPayload;
      return { email: String(payload.sub), role: String(payload.role) };
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthenticatedError(expired ? 'Your token has expired: log in again.' : 'Invalid bearer token: log in again to get a new one.');
    }
  }

  private requireSecret(): string {
    if (!this.secret) throw new Error('AuthService.init() was not called.');
    return this.secret;
  }
}
