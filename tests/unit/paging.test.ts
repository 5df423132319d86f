import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, pageSize } from '../../server/services/paging';
import { ValidationError } from '../../server/errors';

const isIdCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error('expected an error');
}

describe('pageSize', () => {
  it('gives the default page size when the client does not ask for one', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null)).toBe(DEFAULT_PAGE_SIZE);
    expect(DEFAULT_PAGE_SIZE).toBe(20);
  });

  it('accepts any whole page size from 1 to the maximum', () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(37)).toBe(37);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5, Number.NaN])('refuses a page size of %p with BAD_USER_INPUT naming the argument', (first) => {
    const error = errorOf(() => pageSize(first));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^first: /);
    expect(error.fields).toEqual(['first']);
  });

  it('names the argument and honours the maximum it is given', () => {
    expect(pageSize(10, 'limit', 10)).toBe(10);
    const error = errorOf(() => pageSize(11, 'limit', 10));
    expect(error.message).toContain('limit');
    expect(error.message).toContain('10');
  });
});

describe('cursors', () => {
  it('decodes what it encoded', () => {
    const cursor = encodeCursor({ id: 'abc-é-123', name: 'Récyclerie "Le Pont"' });
    expect(decodeCursor(cursor, isIdCursor)).toEqual({ id: 'abc-é-123', name: 'Récyclerie "Le Pont"' });
  });

  it('produces URL-safe opaque strings', () => {
    const cursor = encodeCursor({ id: '???>>>~~~' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('id');
  });

  it('treats an absent cursor as the first page', () => {
    expect(decodeCursor(undefined, isIdCursor)).toBeNull();
    expect(decodeCursor(null, isIdCursor)).toBeNull();
    expect(decodeCursor('', isIdCursor)).toBeNull();
  });

  it.each([
    ['garbage', 'not a cursor!!'],
    ['valid base64 but not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of the wrong shape', encodeCursor({ key: 'x' })],
    ['JSON null', encodeCursor(null)],
  ])('refuses a cursor that is %s with BAD_USER_INPUT naming "after"', (_label, cursor) => {
    const error = errorOf(() => decodeCursor(cursor, isIdCursor));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual(['after']);
    expect(error.message).toContain('after');
  });
});
