import { ArrayType, Entity, Property } from '@mikro-orm/core';
import { audited, BaseRecord, Role } from '@lantoa/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Someone who signs in. Secrets and sign-in bookkeeping are columns without
 * a GraphQL field, so no query can return them; `hidden` keeps them out of
 * any serialization of the entity as well.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who signs in to Lan Tỏa.' })
@Entity({ tableName: 'user_account' })
export class User extends BaseRecord {
  @Field(() => String, { description: 'E-mail address used to sign in; unique, compared case-insensitively, stored in lower case.' })
  @Property({ type: 'text' })
  email!: string;

  @Field(() => String, { description: 'Name shown to other users, e.g. "Nguyễn Văn An".' })
  @Property({ type: 'text' })
  displayName!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Id of the organization the user belongs to; editors and reviewers act within its subtree. Null only for a first admin created from the environment.',
  })
  @Property({ type: 'uuid', nullable: true })
  organizationId: string | null = null;

  @Field(() => [Role], { description: 'What the user may do; at least one.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  roles: Role[] = [];

  @Field(() => Boolean, { description: 'False when the account is disabled: it cannot sign in and its sessions have ended.' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  /** Argon2id, PHC string. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Field(() => Date, { description: 'When the password was last set.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  passwordChangedAt: Date = new Date();

  /** Access tokens minted under an earlier value are refused (sign-out everywhere, password change). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', hidden: true })
  sessionsValidAfter: Date = new Date();

  /** Consecutive wrong passwords (bookkeeping for admins' eyes; the throttle counts per source, see sign-in-throttle.ts). */
  @Property({ type: 'integer', hidden: true })
  failedSignIns: number = 0;

  @Field(() => Date, {
    nullable: true,
    description:
      'While in the future, sign-ins to this account are slowed down (many wrong passwords from anywhere). Nobody is locked out and sessions go on; a network that keeps guessing is refused for a while (RATE_LIMITED).',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  lockedUntil: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in; null if never.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  lastSignInAt: Date | null = null;

  /** Diacritic-free e-mail and name, for search. */
  @Property({ type: 'text', hidden: true })
  searchText!: string;
}

// Bookkeeping of sign-ins changes on every attempt and says nothing about who may do what.
audited(User, {
  type: 'User',
  scope: (u) => u.organizationId,
  exclude: ['passwordHash', 'failedSignIns', 'lockedUntil', 'lastSignInAt', 'searchText'],
});
