/**
 * Drops the keys of a patch whose value is undefined (absent in the GraphQL input), so that
 * spreading it over a stored record keeps the stored value for absent fields and applies
 * explicit nulls.
 */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
