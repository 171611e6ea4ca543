import { DateScalar, PageArgs, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum PersonOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  description: 'Fields people can be ordered by (NAME: given, family, then middle name, in Vietnamese order).',
});

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class PersonOrder {
  @Field(() => PersonOrderField, { description: 'Field to order by.' })
  field!: PersonOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of people.' })
export class PersonFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only people holding a position in this organization (on `activeOn`, if given).' })
  organizationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'With organizationId: only positions held on this day.' })
  activeOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PersonFilter, { nullable: true, description: 'Conditions.' })
  filter?: PersonFilter | null;

  @Field(() => [PersonOrder], { nullable: true, description: 'Ordering; default by name.' })
  orderBy?: PersonOrder[] | null;
}

@InputType({ description: 'A new person.' })
export class CreatePersonInput {
  @Field(() => String, { description: 'Family name (họ).' })
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'Middle name (tên đệm).' })
  middleName?: string | null;

  @Field(() => String, { description: 'Given name (tên).' })
  givenName!: string;

  @Field(() => String, { nullable: true, description: 'Full name as written; default: family, middle and given name joined.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number (personal data).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address (personal data).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address (personal data).' })
  address?: string | null;
}

@InputType({ description: 'Changes to a person; omitted fields stay as they are.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true, description: 'Family name.' })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'Middle name.' })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'Given name.' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Full name as written.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number (personal data).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address (personal data).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address (personal data).' })
  address?: string | null;
}

@InputType({ description: 'A position a person holds.' })
export class CreatePositionInput {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => ID, { description: 'The organization.' })
  organizationId!: string;

  @Field(() => String, { description: 'Title, e.g. "Chủ tịch HĐND tỉnh".' })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day.' })
  validTo?: string | null;
}

@InputType({ description: 'Changes to a position.' })
export class UpdatePositionInput {
  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day.' })
  validTo?: string | null;
}
