import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send it as "Authorization: Bearer <token>".' })
  token!: string;
}
