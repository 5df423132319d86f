import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Context } from '../context';
import { AuthPayload } from './auth-payload.type';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Bearer token for the Authorization header.' })
  async login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return { token: await ctx.auth.login(email, password) };
  }
}
