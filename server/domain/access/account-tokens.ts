import { createHash, randomBytes } from 'node:crypto';

/**
 * Single-use tokens of invitations and password resets. The platform sends no email: an
 * administrator or facilitator hands the link over. The token is shown once; only its SHA-256
 * is stored, so reading the database does not give a usable link.
 */

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;
/** How long a password-reset link works. */
export const PASSWORD_RESET_LIFETIME_MS = 3600 * 1000;
/** Default lifetime of a sign-in session (env SESSION_LIFETIME_HOURS). */
export const DEFAULT_SESSION_LIFETIME_MS = 12 * 3600 * 1000;

const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random token: 32 bytes, base64url (43 characters, safe in a URL). */
export function newToken(random: (size: number) => Buffer = randomBytes): string {
  return random(TOKEN_BYTES).toString('base64url');
}

/** What is stored and looked up: the token's SHA-256, hexadecimal. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a presented token could be one of ours (anything else is refused unread). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The link the person opens in the web client. */
export function tokenUrl(publicUrl: string, route: 'invitation' | 'reset-password', token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#/${route}?token=${encodeURIComponent(token)}`;
}

/** ISO instant `lifetimeMs` after `now`. */
export function expiryFrom(now: Date, lifetimeMs: number): string {
  return new Date(now.getTime() + lifetimeMs).toISOString();
}
