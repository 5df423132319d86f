/**
 * Who is calling, as every access rule sees it. Pure types: the session check in AuthService
 * fills an {@link AuthUser} for each request that carries a live bearer token; a request
 * without one is an anonymous VISITOR (`null`).
 */

/** Stored account roles, from the most to the least powerful. */
export const ROLES = ['ADMIN', 'FACILITATOR', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/** Not a stored role: the name for a caller without a valid token (`Viewer` null). */
export const VISITOR = 'VISITOR';

/** A signed-in caller, loaded from the graph on every request (so changes apply at once). */
export interface AuthUser {
  /** The account's id. */
  id: string;
  /** Lower-cased; also what histories record as "by". */
  email: string;
  displayName: string | null;
  role: Role;
  /** Actors the account represents (`(:User)-[:REPRESENTS]->(:Actor)`), mostly for members. */
  actorIds: string[];
  /**
   * Keys ("DEPARTEMENT:94", "EPCI:200054781") of the territories the account facilitates
   * (`(:User)-[:FACILITATES]->(:Territory)`); an actor is within one when it is LOCATED_IN a
   * territory that is, or is PART_OF, one of them.
   */
  territoryKeys: string[];
  /** The session the bearer token is bound to (its `jti`), revoked by `logout`. */
  sessionId: string;
  /** ISO 8601 instant the session ends. */
  sessionExpiresAt: string;
}

/** The caller: an account, or null for an anonymous visitor. */
export type Viewer = AuthUser | null;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
