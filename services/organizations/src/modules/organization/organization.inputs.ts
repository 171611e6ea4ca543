import { DateScalar, PageArgs, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrganizationLevel, OrganizationType, SuccessionKind } from './organization.enums.js';

export enum OrganizationOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(OrganizationOrderField, { name: 'OrganizationOrderField', description: 'Fields organizations can be ordered by.' });

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class OrganizationOrder {
  @Field(() => OrganizationOrderField, { description: 'Field to order by (NAME sorts in Vietnamese order).' })
  field!: OrganizationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of organizations; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the name, short name or issuer code, ignoring case and diacritics ("bac kan" finds "Bắc Kạn").',
  })
  q?: string | null;

  @Field(() => OrganizationType, { nullable: true, description: 'Only this kind.' })
  type?: OrganizationType | null;

  @Field(() => OrganizationLevel, { nullable: true, description: 'Only this level.' })
  level?: OrganizationLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only the children of this organization (with `includeDescendants`, its whole subtree).' })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With `parentId`: include every descendant, not only direct children.' })
  includeDescendants?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only roots (no parent).' })
  rootsOnly?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only organizations that existed on this day.' })
  activeOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: 'Conditions.' })
  filter?: OrganizationFilter | null;

  @Field(() => [OrganizationOrder], { nullable: true, description: 'Ordering; default by name.' })
  orderBy?: OrganizationOrder[] | null;
}

@ArgsType()
export class ChildrenArgs extends PageArgs {
  @Field(() => [OrganizationOrder], { nullable: true, description: 'Ordering; default by name.' })
  orderBy?: OrganizationOrder[] | null;
}

@InputType({ description: 'A new organization.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: 'Full name (1–300 characters).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name (at most 100 characters).' })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'Issuer code in document numbers, capitals (e.g. "TU", "HU", "BTGDVTU").' })
  docAbbr?: string | null;

  @Field(() => OrganizationType, { description: 'Kind of organization.' })
  type!: OrganizationType;

  @Field(() => OrganizationLevel, { description: 'Administrative level; not above the parent’s.' })
  level!: OrganizationLevel;

  @Field(() => ID, { nullable: true, description: 'Parent organization; omit for a root.' })
  parentId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of existence.' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of existence.' })
  validTo?: string | null;
}

@InputType({ description: 'Changes to an organization; omitted fields stay as they are, null clears an optional field.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'Full name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Short name.' })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'Issuer code.' })
  docAbbr?: string | null;

  @Field(() => OrganizationType, { nullable: true, description: 'Kind of organization.' })
  type?: OrganizationType | null;

  @Field(() => OrganizationLevel, { nullable: true, description: 'Administrative level.' })
  level?: OrganizationLevel | null;

  @Field(() => ID, { nullable: true, description: 'New parent (moves the whole subtree); null makes it a root.' })
  parentId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of existence.' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of existence.' })
  validTo?: string | null;
}

@InputType({ description: 'A succession: `fromIds` were succeeded by `toId` on `effectiveOn`.' })
export class RecordSuccessionInput {
  @Field(() => [ID], { description: 'The organizations that ended or changed (several for a merger).' })
  fromIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The successor; required except for DISSOLVE.' })
  toId?: string | null;

  @Field(() => SuccessionKind, { description: 'How.' })
  kind!: SuccessionKind;

  @Field(() => DateScalar, { description: 'Day the successor took over.' })
  effectiveOn!: string;

  @Field(() => String, { nullable: true, description: 'The decision it rests on (at most 500 characters).' })
  basis?: string | null;

  @Field(() => String, { nullable: true, description: 'Free note (at most 2000 characters).' })
  note?: string | null;

  @Field(() => Boolean, {
    defaultValue: true,
    description: 'Set each predecessor’s validTo to the day before effectiveOn when it has none (not for ABSORB’s successor).',
  })
  endPredecessors: boolean = true;
}
