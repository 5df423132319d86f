import { Tx } from '../database';

/** A stored account. */
export interface UserRecord {
  email: string;
  passwordHash: string;
  role: string;
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRecord | null> {
  const result = await tx.run('MATCH (u:User {email: $email}) RETURN u.email AS email, u.passwordHash AS hash, u.role AS role', { email });
  if (!result.records.length) return null;
  const r = result.records[0];
  return { email: String(r.get('email')), passwordHash: String(r.get('hash')), role: String(r.get('role')) };
}

/** Creates the account unless one with this email exists; never overwrites a password. */
export async function createUserIfAbsent(tx: Tx, user: UserRecord): Promise<boolean> {
  const result = await tx.run(
    `MERGE (u:User {email: $email})
     ON CREATE SET u.passwordHash = $hash, u.role = $role, u.createdAt = datetime(), u.created = true
     WITH u, coalesce(u.created, false) AS created
     REMOVE u.created
     RETURN created`,
    { email: user.email, hash: user.passwordHash, role: user.role },
  );
  return Boolean(result.records[0].get('created'));
}

/**
 * The value of a named setting, created from `initial` the first time. Used for the token
 * signing secret, so that every API process on the same database accepts the same tokens.
 */
export async function getOrCreateSetting(tx: Tx, name: string, initial: string): Promise<string> {
  const result = await tx.run(
    'MERGE (s:AppSetting {name: $name}) ON CREATE SET s.value = $initial RETURN s.value AS value',
    { name, initial },
  );
  return String(result.records[0].get('value'));
}
