import { DateScalar, PageArgs, SortDirection } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DirectiveStatus, DocumentFamily, DocumentType, RelationKind } from './directive.enums.js';

export enum DirectiveOrderField {
  ISSUED_ON = 'ISSUED_ON',
  NUMBER = 'NUMBER',
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(DirectiveOrderField, { name: 'DirectiveOrderField', description: 'Fields documents can be ordered by.' });

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class DirectiveOrder {
  @Field(() => DirectiveOrderField, { description: 'Field to order by (TITLE sorts in Vietnamese order).' })
  field!: DirectiveOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of documents; all given conditions must hold.' })
export class DirectiveFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the title, number or summary, ignoring case, diacritics and the spelling of the number ("01 kl tw" finds "01-KL/TW").',
  })
  q?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only the documents with this number, in any spelling ("Số 01 - KL/TW", "01 kl tw"): the exact match `q` may rank below documents that merely cite it. Several issuers can share a number.',
  })
  number?: string | null;

  @Field(() => DocumentType, { nullable: true, description: 'Only this kind.' })
  documentType?: DocumentType | null;

  @Field(() => DocumentFamily, { nullable: true, description: 'Only Party, State or mass-organization documents.' })
  family?: DocumentFamily | null;

  @Field(() => ID, { nullable: true, description: 'Only documents of this issuer (with `includeDescendants`, of its whole subtree).' })
  issuerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With `issuerId`: include documents of every organization below it.' })
  includeDescendants?: boolean | null;

  @Field(() => DirectiveStatus, { nullable: true, description: 'Only this status.' })
  status?: DirectiveStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after this day.' })
  issuedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before this day.' })
  issuedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only documents related to this one, in either direction.' })
  relatedToId?: string | null;

  @Field(() => RelationKind, { nullable: true, description: 'With `relatedToId`: only relations of this kind.' })
  relationKind?: RelationKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Only deleted records, to find and restore them (needs editing access).' })
  deleted?: boolean | null;
}

@ArgsType()
export class DirectivesArgs extends PageArgs {
  @Field(() => DirectiveFilter, { nullable: true, description: 'Conditions.' })
  filter?: DirectiveFilter | null;

  @Field(() => [DirectiveOrder], { nullable: true, description: 'Ordering; default newest issued first.' })
  orderBy?: DirectiveOrder[] | null;
}

@InputType({ description: 'A new document in the registry.' })
export class CreateDirectiveInput {
  @Field(() => String, { description: 'Number and symbol as written, e.g. "Số 01-KL/TW" or "số: 123/QĐ-UBND"; stored in canonical form.' })
  number!: string;

  @Field(() => DocumentFamily, { nullable: true, description: 'Default: PARTY for numbers like 01-KL/TW, STATE for numbers like 123/QĐ-UBND.' })
  family?: DocumentFamily | null;

  @Field(() => DocumentType, { nullable: true, description: 'Default: the kind the type code means; required when the number has no type code.' })
  documentType?: DocumentType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Committee term the Party numbering restarts with (e.g. "XIII"); required for Party and mass-organization documents. State documents use the year.',
  })
  term?: string | null;

  @Field(() => String, { description: 'Subject line (trích yếu), 1–1000 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Summary (at most 10,000 characters).' })
  summary?: string | null;

  @Field(() => DateScalar, { description: 'Day it was issued.' })
  issuedOn!: string;

  @Field(() => ID, { description: 'The issuing organization.' })
  issuerId!: string;

  @Field(() => DirectiveStatus, { nullable: true, description: 'Default IN_FORCE. SUPERSEDED is set by recording a SUPERSEDES relation.' })
  status?: DirectiveStatus | null;

  @Field(() => String, { nullable: true, description: 'Link to the full text (http or https).' })
  fullTextUrl?: string | null;
}

@InputType({ description: 'Changes to a document; omitted fields stay as they are, null clears an optional field.' })
export class UpdateDirectiveInput {
  @Field(() => String, { nullable: true, description: 'Number and symbol as written.' })
  number?: string | null;

  @Field(() => DocumentFamily, { nullable: true, description: 'Party, State or mass organization.' })
  family?: DocumentFamily | null;

  @Field(() => DocumentType, { nullable: true, description: 'Kind of document.' })
  documentType?: DocumentType | null;

  @Field(() => String, { nullable: true, description: 'Committee term (Party and mass-organization documents).' })
  term?: string | null;

  @Field(() => String, { nullable: true, description: 'Subject line.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Summary.' })
  summary?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was issued.' })
  issuedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The issuing organization.' })
  issuerId?: string | null;

  @Field(() => DirectiveStatus, { nullable: true, description: 'IN_FORCE or EXPIRED (SUPERSEDED comes from a SUPERSEDES relation).' })
  status?: DirectiveStatus | null;

  @Field(() => String, { nullable: true, description: 'Link to the full text.' })
  fullTextUrl?: string | null;
}

@InputType({ description: 'A relation from one document to another.' })
export class RelateDirectivesInput {
  @Field(() => ID, { description: 'The document the relation starts from (e.g. the report).' })
  fromId!: string;

  @Field(() => ID, { description: 'The document it points to (e.g. the conclusion it evaluates).' })
  toId!: string;

  @Field(() => RelationKind, { description: 'How.' })
  kind!: RelationKind;

  @Field(() => String, { nullable: true, description: 'Free note (at most 2000 characters).' })
  note?: string | null;
}
