import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccountRecord } from '../../../graph/repositories/user-repository';
import { Role } from '../../domain/access/viewer';
import { ActorRecord, TerritoryRecord } from '../../domain/model';
import { IssuedInvitation, IssuedPasswordReset } from '../../services/account-service';
import { pageSize } from '../../services/paging';
import { toConnection } from '../common/connection';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { Territory } from '../territory/territory.type';
import { AccountRoleEnum } from './account-role.enum';
import { Account, AccountConnection, Invitation, PasswordReset } from './account.type';
import { InviteUserInput } from './account.input';
import { actorsOf } from './auth.resolver';

/** Account administration: invitations and resets (admins, and facilitators for their members), roles and scopes (admins). */
@Resolver(() => Account)
export class AccountResolver {
  @Authorized('ADMIN')
  @Query(() => AccountConnection, { description: 'Accounts by email, one page at a time (administrators).' })
  async users(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 20, at most 500.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    @Arg('role', () => AccountRoleEnum, { nullable: true }) role?: Role | null,
  ) {
    return toConnection(await ctx.accounts.list({ role: role ?? null }, pageSize(first), after));
  }

  @Authorized('ADMIN', 'FACILITATOR')
  @Mutation(() => Invitation, {
    description: 'Invites someone: administrators any role, facilitators MEMBER accounts for actors of their territories. Returns a single-use '
      + 'token and link valid 7 days, to hand over: no email is sent.',
  })
  inviteUser(@Arg('input', () => InviteUserInput) input: InviteUserInput, @Ctx() ctx: Context): Promise<IssuedInvitation> {
    return ctx.accounts.invite(ctx.user!, input);
  }

  @Authorized('ADMIN', 'FACILITATOR')
  @Mutation(() => PasswordReset, {
    description: 'A single-use password-reset token and link valid one hour, to hand over to the account holder: no email is sent. '
      + 'Administrators, or facilitators for MEMBER accounts whose actors lie in their territories.',
  })
  createPasswordReset(@Arg('email') email: string, @Ctx() ctx: Context): Promise<IssuedPasswordReset> {
    return ctx.accounts.createPasswordReset(ctx.user!, email);
  }

  @Authorized('ADMIN')
  @Mutation(() => Account, { description: 'Changes the role of an account, effective at its next request. The last active ADMIN keeps the role (CONFLICT).' })
  setUserRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => AccountRoleEnum) role: Role, @Ctx() ctx: Context): Promise<AccountRecord> {
    return ctx.accounts.setRole(userId, role);
  }

  @Authorized('ADMIN')
  @Mutation(() => Account, { description: 'Replaces the actors an account represents.' })
  setUserActors(@Arg('userId', () => ID) userId: string, @Arg('actorIds', () => [ID]) actorIds: string[], @Ctx() ctx: Context): Promise<AccountRecord> {
    return ctx.accounts.setActors(userId, actorIds);
  }

  @Authorized('ADMIN')
  @Mutation(() => Account, { description: 'Replaces the territories an account facilitates: INSEE codes ("94", "200054781") or keys ("DEPARTEMENT:94").' })
  setUserTerritories(
    @Arg('userId', () => ID) userId: string,
    @Arg('territoryCodes', () => [String]) territoryCodes: string[],
    @Ctx() ctx: Context,
  ): Promise<AccountRecord> {
    return ctx.accounts.setTerritories(userId, territoryCodes);
  }

  @Authorized('ADMIN')
  @Mutation(() => Account, { description: 'Disables an account: it cannot sign in and its sessions end at once. The last active ADMIN cannot be disabled (CONFLICT).' })
  disableUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<AccountRecord> {
    return ctx.accounts.setDisabled(userId, true);
  }

  @Authorized('ADMIN')
  @Mutation(() => Account, { description: 'Lets a disabled account sign in again.' })
  enableUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<AccountRecord> {
    return ctx.accounts.setDisabled(userId, false);
  }

  @FieldResolver(() => [Actor])
  actors(@Root() account: AccountRecord, @Ctx() ctx: Context): Promise<ActorRecord[]> {
    return actorsOf(ctx, account.actorIds);
  }

  @FieldResolver(() => [Territory])
  territories(@Root() account: AccountRecord, @Ctx() ctx: Context): Promise<TerritoryRecord[]> {
    return ctx.accounts.territoriesOf(account.territoryKeys);
  }
}
