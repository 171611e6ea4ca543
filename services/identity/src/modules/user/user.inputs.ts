import { PageArgs, Role, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum UserOrderField {
  EMAIL = 'EMAIL',
  DISPLAY_NAME = 'DISPLAY_NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(UserOrderField, { name: 'UserOrderField', description: 'Fields users can be ordered by.' });

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class UserOrder {
  @Field(() => UserOrderField, { description: 'Field to order by (DISPLAY_NAME sorts in Vietnamese order).' })
  field!: UserOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of users; all given conditions must hold. Deleted users are never listed.' })
export class UserFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the e-mail or display name, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only users of this organization.' })
  organizationId?: string | null;

  @Field(() => Role, { nullable: true, description: 'Only users holding this role.' })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or only disabled (false) users.' })
  active?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true, description: 'Conditions.' })
  filter?: UserFilter | null;

  @Field(() => [UserOrder], { nullable: true, description: 'Ordering; default by e-mail.' })
  orderBy?: UserOrder[] | null;
}

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field(() => String, { description: 'E-mail address used to sign in; unique (case-insensitive).' })
  email!: string;

  @Field(() => String, { description: 'Name shown to other users (1–200 characters).' })
  displayName!: string;

  @Field(() => ID, { description: 'Organization the user belongs to.' })
  organizationId!: string;

  @Field(() => [Role], { description: 'Roles; at least one.' })
  roles!: Role[];

  @Field(() => String, { description: 'Initial password, 10–256 characters. Never returned or logged.' })
  password!: string;
}

@InputType({ description: 'Changes to a user; omitted fields stay as they are. Changing roles or organization, or disabling the user, ends their sessions.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'Name shown to other users.' })
  displayName?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization the user belongs to.' })
  organizationId?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Roles; at least one. Replaces the current ones.' })
  roles?: Role[] | null;

  @Field(() => Boolean, { nullable: true, description: 'False disables the account.' })
  active?: boolean | null;
}
