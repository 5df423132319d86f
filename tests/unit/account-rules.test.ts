import { emailProblem, invitationProblem, normaliseEmail, passwordProblem, scopeProblem } from '../../server/domain/access/account-rules';
import {
  expiryFrom, hashToken, INVITATION_LIFETIME_MS, isWellFormedToken, newToken, PASSWORD_RESET_LIFETIME_MS, tokenUrl,
} from '../../server/domain/access/account-tokens';
import { isRole, ROLES } from '../../server/domain/access/viewer';
import { loadConfig } from '../../server/config';

describe('emails', () => {
  it('are stored trimmed and lower-cased', () => {
    expect(normaliseEmail('  Claire.Martin@Example.ORG ')).toBe('claire.martin@example.org');
  });

  it.each([
    ['', 'is required'],
    ['claire', 'is not an email address'],
    ['claire@example', 'is not an email address'],
    ['claire martin@example.org', 'is not an email address'],
    [`${'a'.repeat(250)}@x.fr`, 'at most 254'],
  ])('refuses %j', (email, message) => {
    expect(emailProblem(email)).toContain(message);
  });

  it('accepts an ordinary address', () => {
    expect(emailProblem('claire.martin@cress-idf.org')).toBeNull();
  });
});

describe('passwords', () => {
  it('need at least 10 characters, counted as characters not bytes', () => {
    expect(passwordProblem('123456789', null)).toBe('must have at least 10 characters');
    expect(passwordProblem('1234567890', null)).toBeNull();
    expect(passwordProblem('éèàçùéèàçù', null)).toBeNull();
  });

  it('may not be the email, whatever its case', () => {
    expect(passwordProblem('Claire@Example.org', 'claire@example.org')).toBe('must not be the email address');
  });

  it('have an upper bound so a huge body costs no hashing', () => {
    expect(passwordProblem('x'.repeat(201), null)).toBe('must have at most 200 characters');
  });
});

describe('invitations', () => {
  const admin = { role: 'ADMIN' as const };
  const facilitator = { role: 'FACILITATOR' as const };

  it('let admins invite any role with a fitting scope', () => {
    expect(invitationProblem(admin, { role: 'ADMIN', actorIds: [], territoryKeys: [] })).toBeNull();
    expect(invitationProblem(admin, { role: 'FACILITATOR', actorIds: [], territoryKeys: ['DEPARTEMENT:94'] })).toBeNull();
    expect(invitationProblem(admin, { role: 'MEMBER', actorIds: ['a1'], territoryKeys: [] })).toBeNull();
  });

  it('let facilitators invite members only', () => {
    expect(invitationProblem(facilitator, { role: 'MEMBER', actorIds: ['a1'], territoryKeys: [] })).toBeNull();
    for (const role of ['ADMIN', 'FACILITATOR'] as const) {
      expect(invitationProblem(facilitator, { role, actorIds: ['a1'], territoryKeys: ['DEPARTEMENT:94'] })).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('let members invite no one', () => {
    expect(invitationProblem({ role: 'MEMBER' }, { role: 'MEMBER', actorIds: ['a1'], territoryKeys: [] })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('need an actor for a member and a territory for a facilitator, naming the field', () => {
    expect(scopeProblem('MEMBER', [], [], 'input.')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.actorIds' });
    expect(scopeProblem('MEMBER', ['a1'], ['DEPARTEMENT:94'], 'input.')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territoryCodes' });
    expect(scopeProblem('FACILITATOR', [], [], 'input.')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territoryCodes' });
  });
});

describe('single-use tokens', () => {
  it('are 32 random bytes in base64url, 43 URL-safe characters', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(newToken(() => Buffer.alloc(32, 0xff))).toBe('_'.repeat(42) + '8');
  });

  it('are stored as their SHA-256, never in clear', () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
  });

  it('are recognised by shape before any lookup', () => {
    expect(isWellFormedToken(newToken())).toBe(true);
    for (const bad of ['', 'abc', `${newToken()}x`, `${newToken().slice(0, 42)}=`, "' OR 1=1 --".padEnd(43, 'x')]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });

  it('last 7 days for an invitation and one hour for a reset', () => {
    const now = new Date('2025-03-01T09:00:00Z');
    expect(expiryFrom(now, INVITATION_LIFETIME_MS)).toBe('2025-03-08T09:00:00.000Z');
    expect(expiryFrom(now, PASSWORD_RESET_LIFETIME_MS)).toBe('2025-03-01T10:00:00.000Z');
  });

  it('make a link to the web client page', () => {
    expect(tokenUrl('https://maillage.example.org/', 'invitation', 'abc_-')).toBe('https://maillage.example.org/#/invitation?token=abc_-');
    expect(tokenUrl('http://localhost:4000', 'reset-password', 'xyz')).toBe('http://localhost:4000/#/reset-password?token=xyz');
  });
});

describe('roles and settings', () => {
  it('are the three stored roles', () => {
    expect(ROLES).toEqual(['ADMIN', 'FACILITATOR', 'MEMBER']);
    expect(isRole('FACILITATOR')).toBe(true);
    expect(isRole('VISITOR')).toBe(false);
  });

  it('read the session lifetime and the public URL from the environment', () => {
    expect(loadConfig({}).sessionLifetimeMs).toBe(12 * 3600 * 1000);
    expect(loadConfig({ SESSION_LIFETIME_HOURS: '0.5' }).sessionLifetimeMs).toBe(1800 * 1000);
    expect(() => loadConfig({ SESSION_LIFETIME_HOURS: 'never' })).toThrow(/SESSION_LIFETIME_HOURS/);
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://maillage.example.org/' }).publicUrl).toBe('https://maillage.example.org');
  });
});
