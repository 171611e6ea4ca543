import { Entity, Property } from '@mikro-orm/core';
import { audited, BaseRecord, ENTITY_DESCRIPTIONS } from '@lantoa/kit';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A person. Vietnamese names cannot be split on spaces reliably (compound
 * family and given names), so the parts are stored as entered and lists sort
 * by given name, then family name, then middle name.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Person })
@Entity({ tableName: 'person' })
export class Person extends BaseRecord {
  @Field(() => String, { description: 'Family name (họ), e.g. "Phương".' })
  @Property({ type: 'text' })
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'Middle name (tên đệm), e.g. "Thị"; may be empty.' })
  @Property({ type: 'text', nullable: true })
  middleName: string | null = null;

  @Field(() => String, { description: 'Given name (tên), e.g. "Thanh".' })
  @Property({ type: 'text' })
  givenName!: string;

  @Field(() => String, { description: 'Full name as written, e.g. "Phương Thị Thanh".' })
  @Property({ type: 'text' })
  fullName!: string;

  @Property({ type: 'text' })
  searchText!: string;

  // Contact details: personal data, exposed through PersonResolver only to editors, reviewers and admins.
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;
}

// People belong to no organization: only admins read their history.
audited(Person, { type: 'Person', scope: () => null });
