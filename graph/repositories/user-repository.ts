import { Record as Neo4jRecord } from 'neo4j-driver';
import { Role } from '../../server/domain/access/viewer';
import { intParam, stringOrNull, toIsoString, toNumber } from '../convert';
import { Tx } from '../database';

/** A stored account with its password hash: only for checking a password. */
export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
}

/** An account as shown to administrators and to its owner: never the password hash. */
export interface AccountRecord {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Actors it represents, sorted. */
  actorIds: string[];
  /** Keys of the territories it facilitates, sorted. */
  territoryKeys: string[];
}

/** The fields of a new account. */
export interface NewAccount {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  displayName: string | null;
  actorIds: string[];
  territoryKeys: string[];
  createdAt: string;
}

/** Filters of {@link listAccounts}. */
export interface AccountSearch {
  role?: Role | null;
}

// One row per account: its own fields and its scope, by pattern comprehensions (no row fan-out).
const ACCOUNT_PROJECTION = `u { .id, .email, .displayName, .role, .disabled, createdAt: toString(u.createdAt) } AS user,
  [(u)-[:REPRESENTS]->(a:Actor) | a.id] AS actorIds,
  [(u)-[:FACILITATES]->(t:Territory) | t.key] AS territoryKeys`;

export function accountFrom(record: Neo4jRecord): AccountRecord {
  const u = record.get('user') as Record<string, unknown>;
  return {
    id: String(u.id),
    email: String(u.email),
    displayName: stringOrNull(u.displayName),
    role: String(u.role) as Role,
    disabled: u.disabled === true,
    createdAt: u.createdAt ? toIsoString(u.createdAt) : '',
    actorIds: (record.get('actorIds') as string[]).map(String).sort(),
    territoryKeys: (record.get('territoryKeys') as string[]).map(String).sort(),
  };
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRecord | null> {
  const result = await tx.run(
    'MATCH (u:User {email: $email}) RETURN u.id AS id, u.email AS email, u.passwordHash AS hash, u.role AS role, u.disabled AS disabled',
    { email },
  );
  return result.records.length ? userFrom(result.records[0]) : null;
}

export async function findUserById(tx: Tx, id: string): Promise<UserRecord | null> {
  const result = await tx.run(
    'MATCH (u:User {id: $id}) RETURN u.id AS id, u.email AS email, u.passwordHash AS hash, u.role AS role, u.disabled AS disabled',
    { id },
  );
  return result.records.length ? userFrom(result.records[0]) : null;
}

function userFrom(r: Neo4jRecord): UserRecord {
  return { id: String(r.get('id')), email: String(r.get('email')), passwordHash: String(r.get('hash')), role: String(r.get('role')) as Role, disabled: r.get('disabled') === true };
}

/**
 * Creates the account unless one with this email exists; never overwrites a password. Used for
 * the start-up admin and by tests.
 */
export async function createUserIfAbsent(tx: Tx, user: { email: string; passwordHash: string; role: string; displayName?: string | null }): Promise<boolean> {
  const result = await tx.run(
    `MERGE (u:User {email: $email})
     ON CREATE SET u.id = randomUUID(), u.passwordHash = $hash, u.role = $role, u.displayName = $displayName,
                   u.disabled = false, u.createdAt = datetime(), u.created = true
     WITH u, coalesce(u.created, false) AS created
     REMOVE u.created
     RETURN created`,
    { email: user.email, hash: user.passwordHash, role: user.role, displayName: user.displayName ?? null },
  );
  return Boolean(result.records[0].get('created'));
}

/** Creates an account with its scope; the email's uniqueness constraint refuses a duplicate. */
export async function createUser(tx: Tx, user: NewAccount): Promise<AccountRecord> {
  await tx.run(
    `CREATE (u:User {id: $id, email: $email, passwordHash: $hash, role: $role, displayName: $displayName,
                     disabled: false, createdAt: datetime($createdAt)})`,
    { id: user.id, email: user.email, hash: user.passwordHash, role: user.role, displayName: user.displayName, createdAt: user.createdAt },
  );
  await setUserActors(tx, user.id, user.actorIds);
  await setUserTerritories(tx, user.id, user.territoryKeys);
  return (await findAccounts(tx, [user.id]))[0];
}

/** Accounts by id, in the order asked (missing ones left out). */
export async function findAccounts(tx: Tx, ids: readonly string[]): Promise<AccountRecord[]> {
  const result = await tx.run(
    `UNWIND range(0, size($ids) - 1) AS i MATCH (u:User {id: $ids[i]}) RETURN ${ACCOUNT_PROJECTION} ORDER BY i`,
    { ids },
  );
  return result.records.map(accountFrom);
}

export async function countAccounts(tx: Tx, search: AccountSearch): Promise<number> {
  const result = await tx.run('MATCH (u:User) WHERE $role IS NULL OR u.role = $role RETURN count(u) AS total', { role: search.role ?? null });
  return toNumber(result.records[0].get('total')) ?? 0;
}

/** A page of accounts by email, after `afterEmail`. */
export async function listAccounts(tx: Tx, search: AccountSearch, limit: number, afterEmail: string | null): Promise<AccountRecord[]> {
  const result = await tx.run(
    `MATCH (u:User) WHERE ($role IS NULL OR u.role = $role) AND ($after IS NULL OR u.email > $after)
     WITH u ORDER BY u.email LIMIT $limit
     RETURN ${ACCOUNT_PROJECTION}`,
    { role: search.role ?? null, after: afterEmail, limit: intParam(limit) },
  );
  return result.records.map(accountFrom);
}

export async function setUserRole(tx: Tx, id: string, role: Role): Promise<void> {
  await tx.run('MATCH (u:User {id: $id}) SET u.role = $role', { id, role });
}

export async function setUserDisabled(tx: Tx, id: string, disabled: boolean): Promise<void> {
  await tx.run('MATCH (u:User {id: $id}) SET u.disabled = $disabled', { id, disabled });
}

export async function setUserPasswordHash(tx: Tx, id: string, passwordHash: string, now: string): Promise<void> {
  await tx.run('MATCH (u:User {id: $id}) SET u.passwordHash = $hash, u.passwordChangedAt = datetime($now)', { id, hash: passwordHash, now });
}

/** Replaces the actors the account represents. */
export async function setUserActors(tx: Tx, id: string, actorIds: readonly string[]): Promise<void> {
  await tx.run(
    `MATCH (u:User {id: $id})
     OPTIONAL MATCH (u)-[old:REPRESENTS]->(:Actor)
     DELETE old
     WITH DISTINCT u
     UNWIND $actorIds AS actorId
     MATCH (a:Actor {id: actorId})
     MERGE (u)-[:REPRESENTS]->(a)`,
    { id, actorIds },
  );
}

/** Replaces the territories the account facilitates. */
export async function setUserTerritories(tx: Tx, id: string, territoryKeys: readonly string[]): Promise<void> {
  await tx.run(
    `MATCH (u:User {id: $id})
     OPTIONAL MATCH (u)-[old:FACILITATES]->(:Territory)
     DELETE old
     WITH DISTINCT u
     UNWIND $keys AS key
     MATCH (t:Territory {key: key})
     MERGE (u)-[:FACILITATES]->(t)`,
    { id, keys: territoryKeys },
  );
}

/** Active (not disabled) ADMIN accounts other than `exceptId`. */
export async function countOtherActiveAdmins(tx: Tx, exceptId: string): Promise<number> {
  const result = await tx.run(
    "MATCH (u:User {role: 'ADMIN'}) WHERE u.id <> $id AND coalesce(u.disabled, false) = false RETURN count(u) AS n",
    { id: exceptId },
  );
  return toNumber(result.records[0].get('n')) ?? 0;
}

/**
 * Serialises transactions that change roles or disable accounts, by writing one setting node
 * first: two administrators demoting each other at once cannot both pass the last-admin check.
 */
export async function lockAccountAdministration(tx: Tx): Promise<void> {
  await tx.run("MERGE (s:AppSetting {name: 'account-administration-lock'}) SET s.value = toString(datetime())");
}

/** Of `actorIds`, those no actor has. */
export async function findMissingActorIds(tx: Tx, actorIds: readonly string[]): Promise<string[]> {
  const result = await tx.run(
    'UNWIND $ids AS id OPTIONAL MATCH (a:Actor {id: id}) WITH id, a WHERE a IS NULL RETURN collect(id) AS missing',
    { ids: [...new Set(actorIds)] },
  );
  return (result.records[0].get('missing') as string[]).map(String);
}

/**
 * Of `actorIds`, those not located in any of the territories `territoryKeys` (directly or
 * through the PART_OF chain: a commune is in its EPCI, département and région), with names.
 */
export async function findActorsOutsideTerritories(tx: Tx, actorIds: readonly string[], territoryKeys: readonly string[]): Promise<{ id: string; name: string }[]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (a:Actor {id: id})
     WHERE NOT EXISTS { (a)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..6]->(t:Territory) WHERE t.key IN $keys }
     RETURN a.id AS id, a.name AS name`,
    { ids: [...new Set(actorIds)], keys: territoryKeys },
  );
  return result.records.map((r) => ({ id: String(r.get('id')), name: String(r.get('name')) }));
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
