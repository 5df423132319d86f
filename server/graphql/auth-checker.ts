import { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { Context } from './context';

/**
 * The one place that decides access: `@Authorized()` needs a valid token,
 * `@Authorized('ADMIN')` also that role. Fuller roles come with later features.
 */
export class AuthChecker implements AuthCheckerInterface<Context> {
  check({ context }: ResolverData<Context>, roles: string[]): boolean {
    if (!context.user) throw context.authError ?? new UnauthenticatedError();
    if (roles.length > 0 && !roles.includes(context.user.role)) throw new ForbiddenError();
    return true;
  }
}
