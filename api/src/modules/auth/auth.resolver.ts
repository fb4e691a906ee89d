import { Arg, Args, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { Role, User } from './user.entity.ts';
import { LoginArgs, UserInput } from './user.input.ts';
import { UserService } from './user.service.ts';

@ObjectType('Session', { description: 'A signed session token: send it as "Authorization: Bearer <token>"' })
export class SessionPayload {
  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => SessionPayload, { description: 'Exchange a username and password for a session token; failed attempts are rate limited' })
  login(@Args(() => LoginArgs) { username, password }: LoginArgs, @Ctx() ctx: RequestContext): Promise<SessionPayload> {
    return new UserService(ctx.em, ctx.auth).login(username, password, ctx.clientAddress);
  }

  @Query(() => User, { nullable: true, description: 'The logged-in user; null without a (valid) session' })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    const { userId } = ctx.access.actor;
    return userId === null ? null : ctx.em.findOne(User, { id: userId }, { populate: ['unit'] });
  }

  @Query(() => [User], { description: 'Every account; admins only' })
  users(@Ctx() ctx: RequestContext): Promise<User[]> {
    ctx.access.requireRole(Role.ADMIN);
    return ctx.em.find(User, {}, { populate: ['unit'], orderBy: { username: 'asc' } });
  }

  @Mutation(() => User, { description: 'Create an account; admins only' })
  createUser(@Arg('input', () => UserInput) input: UserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return auditedWrite(ctx.em, ctx.access.actor, { action: 'createUser', entity: 'user', unitCode: input.unitCode }, () =>
      new UserService(ctx.em, ctx.auth).create(input, ctx.access),
    );
  }
}
