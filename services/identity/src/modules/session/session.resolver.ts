import { Public, type RequestContext } from '@lantoa/kit';
import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { ScrubDatabaseErrors } from '../../database-errors.js';
import { SessionService } from './session.service.js';
import { Session } from './session.types.js';

@Resolver(() => Session)
@UseMiddleware(ScrubDatabaseErrors)
export class SessionResolver {
  @Public()
  @Mutation(() => Session, {
    description:
      'Signs in with e-mail and password. A wrong password, an unknown e-mail and a disabled account all answer UNAUTHENTICATED "E-mail or password is wrong.". After 5 wrong passwords for one e-mail from one network, that network waits (RATE_LIMITED with retryAfter: 1 minute, doubling up to 15); other networks and existing sessions are not affected.',
  })
  signIn(
    @Arg('email', () => String, { description: 'The user’s e-mail address (any letter case).' }) email: string,
    @Arg('password', () => String, { description: 'The password.' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Session> {
    return new SessionService(ctx).signIn(email, password);
  }

  @Public()
  @Mutation(() => Session, {
    description:
      'Trades a refresh token for a new session of the same sign-in (the token is then used up). A token presented a second time ends that session: UNAUTHENTICATED.',
  })
  refreshSession(
    @Arg('refreshToken', () => String, { description: 'The refresh token of the latest Session.' }) refreshToken: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Session> {
    return new SessionService(ctx).refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Ends the session the refresh token belongs to (its access tokens are refused from now on). False when the token is unknown.',
  })
  signOut(
    @Arg('refreshToken', () => String, { description: 'The refresh token of the session.' }) refreshToken: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return new SessionService(ctx).signOut(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in user, on every device, this one included.' })
  signOutEverywhere(@Ctx() ctx: RequestContext): Promise<boolean> {
    return new SessionService(ctx).signOutEverywhere();
  }

  @Mutation(() => Boolean, { description: 'Changes the signed-in user’s password and ends all their sessions (sign in again with the new one).' })
  changePassword(
    @Arg('currentPassword', () => String, { description: 'The password now.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password, 10–256 characters.' }) newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return new SessionService(ctx).changePassword(currentPassword, newPassword);
  }
}
