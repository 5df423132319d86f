import { Role } from '../../server/domain/access/viewer';
import { intParam, stringOrNull, toIsoString } from '../convert';
import { Tx } from '../database';

/** A pending invitation: what the account will be once accepted. */
export interface InvitationRow {
  tokenHash: string;
  email: string;
  role: Role;
  displayName: string | null;
  actorIds: string[];
  territoryKeys: string[];
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

/** The pending invitation for an email, if any. */
export async function findInvitationByEmail(tx: Tx, email: string): Promise<InvitationRow | null> {
  const result = await tx.run('MATCH (i:Invitation {email: $email}) RETURN properties(i) AS p, toString(i.createdAt) AS createdAt, toString(i.expiresAt) AS expiresAt', { email });
  return result.records.length ? invitationFrom(result.records[0].get('p'), result.records[0].get('createdAt'), result.records[0].get('expiresAt')) : null;
}

/** The invitation with this token hash, without taking it; `live` at `now`. */
export async function findInvitationByTokenHash(tx: Tx, tokenHash: string, now: string): Promise<{ invitation: InvitationRow; live: boolean } | null> {
  const result = await tx.run(
    `MATCH (i:Invitation {tokenHash: $tokenHash})
     RETURN properties(i) AS p, toString(i.createdAt) AS createdAt, toString(i.expiresAt) AS expiresAt, i.expiresAt > datetime($now) AS live`,
    { tokenHash, now },
  );
  if (!result.records.length) return null;
  const r = result.records[0];
  return { invitation: invitationFrom(r.get('p'), r.get('createdAt'), r.get('expiresAt')), live: r.get('live') === true };
}

/** Stores an invitation, replacing any pending one for the same email. */
export async function replaceInvitation(tx: Tx, invitation: InvitationRow): Promise<void> {
  await tx.run('MATCH (i:Invitation {email: $email}) DETACH DELETE i', { email: invitation.email });
  await tx.run(
    `CREATE (:Invitation {tokenHash: $tokenHash, email: $email, role: $role, displayName: $displayName, actorIds: $actorIds,
                          territoryKeys: $territoryKeys, invitedBy: $invitedBy, createdAt: datetime($createdAt), expiresAt: datetime($expiresAt)})`,
    { ...invitation },
  );
}

/**
 * Takes the invitation with this token hash out of the graph (single use: it is deleted even
 * when expired); `live` says whether it was still valid at `now`.
 */
export async function takeInvitation(tx: Tx, tokenHash: string, now: string): Promise<{ invitation: InvitationRow; live: boolean } | null> {
  const result = await tx.run(
    `MATCH (i:Invitation {tokenHash: $tokenHash})
     WITH i, properties(i) AS p, toString(i.createdAt) AS createdAt, toString(i.expiresAt) AS expiresAt, i.expiresAt > datetime($now) AS live
     DETACH DELETE i
     RETURN p, createdAt, expiresAt, live`,
    { tokenHash, now },
  );
  if (!result.records.length) return null;
  const r = result.records[0];
  return { invitation: invitationFrom(r.get('p'), r.get('createdAt'), r.get('expiresAt')), live: r.get('live') === true };
}

function invitationFrom(p: Record<string, unknown>, createdAt: unknown, expiresAt: unknown): InvitationRow {
  return {
    tokenHash: String(p.tokenHash),
    email: String(p.email),
    role: String(p.role) as Role,
    displayName: stringOrNull(p.displayName),
    actorIds: ((p.actorIds as string[] | null) ?? []).map(String),
    territoryKeys: ((p.territoryKeys as string[] | null) ?? []).map(String),
    invitedBy: String(p.invitedBy),
    createdAt: toIsoString(createdAt),
    expiresAt: toIsoString(expiresAt),
  };
}

/** Stores a password reset for the account, replacing any pending one. */
export async function replacePasswordReset(tx: Tx, userId: string, reset: { tokenHash: string; createdBy: string; createdAt: string; expiresAt: string }): Promise<void> {
  await tx.run('MATCH (:User {id: $userId})-[:HAS_PASSWORD_RESET]->(r:PasswordReset) DETACH DELETE r', { userId });
  await tx.run(
    `MATCH (u:User {id: $userId})
     CREATE (u)-[:HAS_PASSWORD_RESET]->(:PasswordReset {tokenHash: $tokenHash, createdBy: $createdBy, createdAt: datetime($createdAt), expiresAt: datetime($expiresAt)})`,
    { userId, ...reset },
  );
}

/** The reset with this token hash, without taking it: its account and whether it is `live` at `now`. */
export async function findPasswordResetByTokenHash(tx: Tx, tokenHash: string, now: string): Promise<{ userId: string; email: string; disabled: boolean; live: boolean } | null> {
  const result = await tx.run(
    `MATCH (u:User)-[:HAS_PASSWORD_RESET]->(r:PasswordReset {tokenHash: $tokenHash})
     RETURN u.id AS userId, u.email AS email, coalesce(u.disabled, false) AS disabled, r.expiresAt > datetime($now) AS live`,
    { tokenHash, now },
  );
  if (!result.records.length) return null;
  const r = result.records[0];
  return { userId: String(r.get('userId')), email: String(r.get('email')), disabled: r.get('disabled') === true, live: r.get('live') === true };
}

/** Takes the reset with this token hash out of the graph (single use); with its account's id. */
export async function takePasswordReset(tx: Tx, tokenHash: string, now: string): Promise<{ userId: string; live: boolean } | null> {
  const result = await tx.run(
    `MATCH (u:User)-[:HAS_PASSWORD_RESET]->(r:PasswordReset {tokenHash: $tokenHash})
     WITH u, r, r.expiresAt > datetime($now) AS live
     DETACH DELETE r
     RETURN u.id AS userId, live`,
    { tokenHash, now },
  );
  if (!result.records.length) return null;
  return { userId: String(result.records[0].get('userId')), live: result.records[0].get('live') === true };
}

/** Deletes up to `limit` invitations and resets that expired before `now`. */
export async function deleteExpiredAccountTokens(tx: Tx, now: string, limit = 200): Promise<void> {
  await tx.run('MATCH (i:Invitation) WHERE i.expiresAt < datetime($now) WITH i LIMIT $limit DETACH DELETE i', { now, limit: intParam(limit) });
  await tx.run('MATCH (r:PasswordReset) WHERE r.expiresAt < datetime($now) WITH r LIMIT $limit DETACH DELETE r', { now, limit: intParam(limit) });
}
