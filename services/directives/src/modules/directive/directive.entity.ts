import { audited, BaseRecord, DateScalar, ENTITY_DESCRIPTIONS } from '@lantoa/kit';
import { Entity, Enum, Property } from '@mikro-orm/core';
import { Directive as GraphQLDirective, Field, ID, Int, ObjectType } from 'type-graphql';
import { DirectiveStatus, DocumentFamily, DocumentType } from './directive.enums.js';

/** A registered Party or State document (văn bản), numbered like `01-KL/TW`. */
@GraphQLDirective('@key(fields: "id")')
@ObjectType('Directive', { description: ENTITY_DESCRIPTIONS.Directive })
@Entity({ tableName: 'directive' })
export class DirectiveRecord extends BaseRecord {
  @Field(() => String, { description: 'The number in its canonical form, e.g. "01-KL/TW", "123/QĐ-UBND".' })
  @Property({ type: 'text' })
  number!: string;

  @Field(() => String, { description: 'The number as it was entered, e.g. "Số 01 - KL/TW".' })
  @Property({ type: 'text' })
  numberAsWritten!: string;

  /** Digits and letters only, diacritics folded: "01kltw" (search and ordering by number). */
  @Property({ type: 'text' })
  numberKey!: string;

  @Field(() => Int, { description: 'The number part, e.g. 1 for "01-KL/TW".' })
  @Property({ type: 'integer' })
  numberInt!: number;

  @Field(() => Int, { nullable: true, description: 'The year written in a legal normative State number ("15/2023/NĐ-CP" → 2023).' })
  @Property({ type: 'integer', nullable: true })
  numberYear: number | null = null;

  @Field(() => String, { nullable: true, description: 'Type code of the number ("KL", "QĐ"); null when it has none (a công văn).' })
  @Property({ type: 'text', nullable: true })
  typeCode: string | null = null;

  @Field(() => String, { description: 'Issuer code of the number ("TW", "TU", "UBND").' })
  @Property({ type: 'text' })
  issuerCode!: string;

  @Field(() => String, {
    description: 'What the numbering restarts with: the committee term for Party documents ("XIII"), the year for State documents ("2024").',
  })
  @Property({ type: 'text' })
  numberingPeriod!: string;

  @Field(() => DocumentFamily, { description: 'Party, State or mass organization.' })
  @Enum({ items: () => DocumentFamily, type: 'text' })
  family!: DocumentFamily;

  @Field(() => DocumentType, { description: 'Kind of document.' })
  @Enum({ items: () => DocumentType, type: 'text' })
  documentType!: DocumentType;

  @Field(() => String, { description: 'Subject line (trích yếu).' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Summary of the content.' })
  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @Field(() => DateScalar, { description: 'Day it was issued.' })
  @Property({ type: 'string', columnType: 'date' })
  issuedOn!: string;

  @Field(() => ID, { description: 'Id of the issuing organization.' })
  @Property({ type: 'uuid' })
  issuerId!: string;

  @Field(() => DirectiveStatus, { description: 'In force, expired or superseded.' })
  @Enum({ items: () => DirectiveStatus, type: 'text' })
  status!: DirectiveStatus;

  @Field(() => String, { nullable: true, description: 'Where the full text is published.' })
  @Property({ type: 'text', nullable: true })
  fullTextUrl: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Set when the title names another kind of document than the number’s type code ("Kết luận số 01-CT/TW"): kept, but worth checking.',
  })
  @Property({ type: 'text', nullable: true })
  titleTypeConflict: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;
}

audited(DirectiveRecord, { type: 'Directive', scope: (d) => d.issuerId, exclude: ['numberKey'] });
