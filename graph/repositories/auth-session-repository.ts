import { Role } from '../../server/domain/access/viewer';
import { intParam, stringOrNull, toIsoString, toNumber } from '../convert';
import { Tx } from '../database';

/** A sign-in session, with what a request needs to know of its account. */
export interface LiveSessionRow {
  sessionId: string;
  expiresAt: string;
  revoked: boolean;
  user: {
    id: string;
    email: string;
    displayName: string | null;
    role: Role;
    disabled: boolean;
    actorIds: string[];
    territoryKeys: string[];
  };
}

/** Records a new session of the account. */
export async function createSession(tx: Tx, userId: string, session: { id: string; createdAt: string; expiresAt: string; ip: string | null }): Promise<void> {
  await tx.run(
    `MATCH (u:User {id: $userId})
     CREATE (u)-[:HAS_SESSION]->(:AuthSession {id: $id, createdAt: datetime($createdAt), expiresAt: datetime($expiresAt), revokedAt: null, ip: $ip})`,
    { userId, ...session },
  );
}

/**
 * The session `sessionId` of account `userId` with the account's role and scope, in one read:
 * this runs for every request that carries a token.
 */
export async function findSession(tx: Tx, sessionId: string, userId: string): Promise<LiveSessionRow | null> {
  const result = await tx.run(
    `MATCH (s:AuthSession {id: $sessionId})<-[:HAS_SESSION]-(u:User)
     WHERE u.id = $userId
     RETURN toString(s.expiresAt) AS expiresAt, s.revokedAt IS NOT NULL AS revoked,
            u { .id, .email, .displayName, .role, .disabled } AS user,
            [(u)-[:REPRESENTS]->(a:Actor) | a.id] AS actorIds,
            [(u)-[:FACILITATES]->(t:Territory) | t.key] AS territoryKeys`,
    { sessionId, userId },
  );
  if (!result.records.length) return null;
  const r = result.records[0];
  const u = r.get('user') as Record<string, unknown>;
  return {
    sessionId,
    expiresAt: toIsoString(r.get('expiresAt')),
    revoked: r.get('revoked') === true,
    user: {
      id: String(u.id),
      email: String(u.email),
      displayName: stringOrNull(u.displayName),
      role: String(u.role) as Role,
      disabled: u.disabled === true,
      actorIds: (r.get('actorIds') as string[]).map(String).sort(),
      territoryKeys: (r.get('territoryKeys') as string[]).map(String).sort(),
    },
  };
}

/** Revokes one session; false when it does not exist or was already revoked. */
export async function revokeSession(tx: Tx, sessionId: string, now: string): Promise<boolean> {
  const result = await tx.run(
    'MATCH (s:AuthSession {id: $sessionId}) WHERE s.revokedAt IS NULL SET s.revokedAt = datetime($now) RETURN count(s) AS n',
    { sessionId, now },
  );
  return (toNumber(result.records[0].get('n')) ?? 0) > 0;
}

/** Revokes every live session of the account (but `exceptSessionId`); returns how many. */
export async function revokeUserSessions(tx: Tx, userId: string, now: string, exceptSessionId: string | null = null): Promise<number> {
  const result = await tx.run(
    `MATCH (:User {id: $userId})-[:HAS_SESSION]->(s:AuthSession)
     WHERE s.revokedAt IS NULL AND s.expiresAt > datetime($now) AND ($except IS NULL OR s.id <> $except)
     SET s.revokedAt = datetime($now)
     RETURN count(s) AS n`,
    { userId, now, except: exceptSessionId },
  );
  return toNumber(result.records[0].get('n')) ?? 0;
}

/**
 * Deletes up to `limit` sessions that expired before `now` (revoked ones included: once expired,
 * their token is refused by its own expiry). Called at each sign-in, so the graph never keeps
 * more than a few batches of dead sessions.
 */
export async function deleteExpiredSessions(tx: Tx, now: string, limit = 200): Promise<number> {
  const result = await tx.run(
    `MATCH (s:AuthSession) WHERE s.expiresAt < datetime($now)
     WITH s LIMIT $limit
     DETACH DELETE s
     RETURN count(*) AS n`,
    { now, limit: intParam(limit) },
  );
  return toNumber(result.records[0]?.get('n')) ?? 0;
}
