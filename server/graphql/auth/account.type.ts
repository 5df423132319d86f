import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../../domain/access/viewer';
import { Actor } from '../actor/actor.type';
import { PageInfo } from '../common/page-info.type';
import { Territory } from '../territory/territory.type';
import { AccountRoleEnum } from './account-role.enum';

@ObjectType({ description: 'An account, as administrators see it (never its password).' })
export class Account {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Lower-cased; the account signs in with it.' })
  email!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => AccountRoleEnum)
  role!: Role;

  @Field({ description: 'A disabled account cannot sign in and has no live session.' })
  disabled!: boolean;

  @Field({ description: 'ISO 8601.' })
  createdAt!: string;

  @Field(() => [ID], { description: 'Ids of the actors it represents.' })
  actorIds!: string[];

  @Field(() => [String], { description: 'Keys ("DEPARTEMENT:94", "EPCI:200054781") of the territories it facilitates (counts for FACILITATOR accounts).' })
  territoryKeys!: string[];

  @Field(() => [Actor], { description: 'The actors it represents.' })
  actors!: Actor[];

  @Field(() => [Territory], { description: 'The territories it facilitates.' })
  territories!: Territory[];
}

@ObjectType({ description: 'The signed-in caller and their session.' })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => AccountRoleEnum)
  role!: Role;

  @Field(() => [ID])
  actorIds!: string[];

  @Field(() => [String], { description: 'Keys of the territories the caller facilitates (empty unless FACILITATOR).' })
  territoryKeys!: string[];

  @Field(() => [Actor], { description: 'The actors the caller represents.' })
  actors!: Actor[];

  @Field(() => [Territory], { description: 'The territories the caller facilitates.' })
  territories!: Territory[];

  @Field({ description: 'ISO 8601 instant this session ends; sign in again after it.' })
  sessionExpiresAt!: string;
}

@ObjectType({
  description: 'An invitation to hand over: the platform sends no email. Give the link (or the token) to the person, who chooses a password '
    + 'with `acceptInvitation`. It works once, for 7 days; inviting the same email again replaces it.',
})
export class Invitation {
  @Field()
  email!: string;

  @Field(() => AccountRoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => [ID])
  actorIds!: string[];

  @Field(() => [String])
  territoryKeys!: string[];

  @Field({ description: 'ISO 8601.' })
  expiresAt!: string;

  @Field({ description: 'The single-use secret, shown this once (only its hash is stored).' })
  token!: string;

  @Field({ description: 'The web client page that accepts it: <PUBLIC_URL>/#/invitation?token=…' })
  invitationUrl!: string;
}

@ObjectType({
  description: 'A password reset to hand over: the platform sends no email. Give the link (or the token) to the account holder, who '
    + 'chooses a new password with `resetPassword`. It works once, for one hour; a new reset replaces it.',
})
export class PasswordReset {
  @Field()
  email!: string;

  @Field({ description: 'The single-use secret, shown this once (only its hash is stored).' })
  token!: string;

  @Field({ description: 'The web client page that uses it: <PUBLIC_URL>/#/reset-password?token=…' })
  resetUrl!: string;

  @Field({ description: 'ISO 8601.' })
  expiresAt!: string;
}

@ObjectType()
export class AccountEdge {
  @Field()
  cursor!: string;

  @Field(() => Account)
  node!: Account;
}

@ObjectType({ description: 'A page of accounts, by email.' })
export class AccountConnection {
  @Field(() => [AccountEdge])
  edges!: AccountEdge[];

  @Field(() => [Account])
  nodes!: Account[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
