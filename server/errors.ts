import { GraphQLError } from 'graphql';

/**
 * The platform's error hierarchy. Each maps to a GraphQL `extensions.code` that clients switch on;
 * messages tell the user what was wrong and, where it helps, what to do.
 */
export class ValidationError extends GraphQLError {
  constructor(message: string, readonly fields: string[] = []) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', fields } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} '${id}' was not found.`, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'This operation needs a valid bearer token: call the login mutation and send "Authorization: Bearer <token>".') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Your account is not allowed to do this.') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

export class TooManyRequestsError extends GraphQLError {
  /** @param retryAfterSeconds how long the caller must wait before the next attempt */
  constructor(retryAfterSeconds: number, what = 'failed attempts') {
    const wait = retryAfterSeconds >= 90 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${retryAfterSeconds} seconds`;
    super(`Too many ${what}: try again in ${wait}.`, { extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds } });
  }
}

/**
 * Maps errors from the driver to the hierarchy in one place: a uniqueness violation is a
 * conflict the user can act on; anything else stays an internal error (masked for clients).
 */
export function mapDriverError(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(`This would duplicate an existing record: ${(error as Error).message}`);
  }
  return error;
}
