import { PageArgs, SortDirection, TokenScope } from '@lantoa/kit';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ApiToken } from './api-token.entity.js';

export enum ApiTokenOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  EXPIRES_AT = 'EXPIRES_AT',
}
registerEnumType(ApiTokenOrderField, { name: 'ApiTokenOrderField', description: 'Fields API tokens can be ordered by.' });

@InputType({ description: 'One ordering term; the id always breaks ties.' })
export class ApiTokenOrder {
  @Field(() => ApiTokenOrderField, { description: 'Field to order by (NAME sorts in Vietnamese order).' })
  field!: ApiTokenOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Narrows a list of API tokens; all given conditions must hold.' })
export class ApiTokenFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name or prefix, ignoring case and diacritics.' })
  q?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tokens acting for this organization.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tokens created by this admin.' })
  createdById?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only usable tokens (neither revoked nor expired); false: only revoked or expired ones.' })
  active?: boolean | null;
}

@ArgsType()
export class ApiTokensArgs extends PageArgs {
  @Field(() => ApiTokenFilter, { nullable: true, description: 'Conditions.' })
  filter?: ApiTokenFilter | null;

  @Field(() => [ApiTokenOrder], { nullable: true, description: 'Ordering; default newest first.' })
  orderBy?: ApiTokenOrder[] | null;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for (1–100 characters), e.g. the system that will use it.' })
  name!: string;

  @Field(() => [TokenScope], { description: 'What it may do: READ, and WRITE only if that system must write.' })
  scopes!: TokenScope[];

  @Field(() => ID, { description: 'Organization the token acts for (its records are the scope of WRITE).' })
  organizationId!: string;

  @Field(() => Date, { nullable: true, description: 'When it stops working: in the future, at most 3 years ahead; default one year from now.' })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A token just created. The token text is shown here only: store it now, it cannot be read again.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'The credential, `lt_<prefix>_<secret>`; send it as `Authorization: Bearer …`.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The stored token (without its secret).' })
  apiToken!: ApiToken;
}
