import { Field, ObjectType } from 'type-graphql';
import { User } from '../user/user.entity.js';

@ObjectType({
  description:
    'A signed-in session: send the access token as `Authorization: Bearer …`; when it expires, trade the refresh token for a new session with refreshSession.',
})
export class Session {
  @Field(() => String, { description: 'Short-lived bearer token (JWT) for the Authorization header.' })
  accessToken!: string;

  @Field(() => Date, { description: 'When the access token stops working.' })
  accessTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Single-use token for refreshSession; keep it secret. Presenting it twice ends the session.' })
  refreshToken!: string;

  @Field(() => Date, { description: 'When the refresh token stops working (the user must sign in again).' })
  refreshTokenExpiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}
