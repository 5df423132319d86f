import { ValidationError } from '../errors';

/** Default and maximum page sizes of list queries. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

/** Checks a `first` argument and applies the default. */
export function pageSize(first: number | null | undefined, field = 'first', max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new ValidationError(`${field}: must be an integer between 1 and ${max} (got ${first}).`, [field]);
  }
  return first;
}

/** Opaque cursors: base64url JSON, so clients never build them. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string | null | undefined, isValid: (v: unknown) => v is T): T | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (isValid(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new ValidationError('after: this cursor is not one this API returned; pass endCursor from a previous page.', ['after']);
}
