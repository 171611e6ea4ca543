import { ArrayType, Entity, Property } from '@mikro-orm/core';
import { audited, BaseRecord, TokenScope } from '@lantoa/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A credential for another system: `lt_<prefix>_<secret>`. The prefix is
 * public (it finds the row and names the token in lists); only the SHA-256
 * of the secret is stored, so the token is shown once, when created.
 */
@ObjectType({ description: 'An API token through which another system reads (or, with WRITE, writes) as an integrator.' })
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseRecord {
  @Field(() => String, { description: 'What the token is for, e.g. "Cổng thông tin điện tử tỉnh".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Public part of the token (the 8 characters after "lt_"), to recognise it without revealing it.' })
  @Property({ type: 'text' })
  prefix!: string;

  /** SHA-256 (hex) of the secret part. */
  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Field(() => [TokenScope], { description: 'What the token may do: READ, and WRITE only when granted explicitly.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  scopes: TokenScope[] = [];

  @Field(() => ID, { description: 'Organization the token acts for.' })
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the admin who created the token.' })
  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;

  @Field(() => Date, { description: 'After this moment the token is refused.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null while it is not.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Last time the token was accepted (updated at most once a minute); null if never used.' })
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  lastUsedAt: Date | null = null;

  /** Diacritic-free name and prefix, for search. */
  @Property({ type: 'text', hidden: true })
  searchText!: string;
}

audited(ApiToken, { type: 'ApiToken', scope: (t) => t.organizationId, exclude: ['tokenHash', 'lastUsedAt', 'searchText'] });
