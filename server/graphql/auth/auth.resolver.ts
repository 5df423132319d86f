import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthUser } from '../../domain/access/viewer';
import { ActorRecord, TerritoryRecord } from '../../domain/model';
import { SignedIn } from '../../services/auth-service';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { Territory } from '../territory/territory.type';
import { Me } from './account.type';
import { AuthPayload } from './auth-payload.type';

/** The actors of `ids` that still exist, through the request's loader. */
export async function actorsOf(ctx: Context, ids: readonly string[]): Promise<ActorRecord[]> {
  const found = await ctx.loaders.actorById.loadMany(ids);
  return found.filter((a): a is ActorRecord => Boolean(a) && !(a instanceof Error));
}

/** Signing in and out, the caller's own account, and the single-use links handed over. */
@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Bearer token for the Authorization header. After 5 failed attempts for an email (or 20 from one address) in 15 minutes, '
      + 'refused with TOO_MANY_REQUESTS (extensions.retryAfterSeconds) until the oldest failure is 15 minutes old.',
  })
  login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: Context): Promise<SignedIn> {
    return ctx.auth.login(email, password, ctx.clientIp);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Ends the caller's session: its token is refused from now on." })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.auth.logout(ctx.user!);
  }

  @Authorized()
  @Mutation(() => Int, { description: "Ends every session of the caller's account, this one included; returns how many were live." })
  logoutEverywhere(@Ctx() ctx: Context): Promise<number> {
    return ctx.auth.logoutEverywhere(ctx.user!);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Changes the caller's password (at least 10 characters, not the email). The account's other sessions end; this one goes on.",
  })
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.auth.changePassword(ctx.user!, currentPassword, newPassword, ctx.clientIp);
  }

  @Mutation(() => AuthPayload, {
    description: 'Creates the invited account with its password (at least 10 characters, not the email) and signs it in. The token comes from '
      + 'inviteUser, handed over by whoever invited (no email is sent); it works once.',
  })
  acceptInvitation(
    @Arg('token') token: string,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
    @Arg('displayName', () => String, { nullable: true }) displayName?: string | null,
  ): Promise<SignedIn> {
    return ctx.accounts.acceptInvitation(token, password, displayName, ctx.clientIp);
  }

  @Mutation(() => AuthPayload, {
    description: 'Sets a new password from a createPasswordReset token (handed over: no email is sent), ends every session of the account '
      + 'and signs in anew. The token works once, for one hour.',
  })
  resetPassword(@Arg('token') token: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: Context): Promise<SignedIn> {
    return ctx.accounts.resetPassword(token, newPassword, ctx.clientIp);
  }

  @Query(() => Me, { nullable: true, description: 'The signed-in caller, or null without a token (UNAUTHENTICATED when the token sent is no longer valid).' })
  me(@Ctx() ctx: Context): AuthUser | null {
    if (ctx.user) return ctx.user;
    if (ctx.authError) throw ctx.authError;
    return null;
  }
}

@Resolver(() => Me)
export class MeResolver {
  @FieldResolver(() => [Actor])
  actors(@Root() me: AuthUser, @Ctx() ctx: Context): Promise<ActorRecord[]> {
    return actorsOf(ctx, me.actorIds);
  }

  @FieldResolver(() => [Territory])
  territories(@Root() me: AuthUser, @Ctx() ctx: Context): Promise<TerritoryRecord[]> {
    return ctx.accounts.territoriesOf(me.territoryKeys);
  }
}
