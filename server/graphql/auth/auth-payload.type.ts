import { Field, ObjectType } from 'type-graphql';
import { Account } from './account.type';

@ObjectType({ description: 'A signed-in session. Send the token as "Authorization: Bearer <token>".' })
export class AuthPayload {
  @Field({ description: 'Send it as "Authorization: Bearer <token>".' })
  token!: string;

  @Field({ description: 'ISO 8601 instant the token stops working (12 h by default); `logout` ends it sooner.' })
  expiresAt!: string;

  @Field(() => Account, { description: 'The signed-in account.' })
  user!: Account;
}
