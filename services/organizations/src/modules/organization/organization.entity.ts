import { Entity, Enum, Property } from '@mikro-orm/core';
import { audited, BaseRecord, DateScalar, ENTITY_DESCRIPTIONS } from '@lantoa/kit';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OrganizationLevel, OrganizationType } from './organization.enums.js';

/**
 * A node of the organization tree. The tree is kept as a materialized path
 * (`/rootId/…/id/`, byte-ordered): a subtree is one index range scan, a move
 * rewrites one prefix, and no extension (ltree) is needed.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Organization })
@Entity({ tableName: 'organization' })
export class Organization extends BaseRecord {
  @Field(() => String, { description: 'Full name, e.g. "Tỉnh ủy Bắc Kạn".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name used in running text, e.g. "Tỉnh ủy".' })
  @Property({ type: 'text', nullable: true })
  shortName: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Issuer code in document numbers (the part after the slash in "499-BC/TU"), e.g. "TU".',
  })
  @Property({ type: 'text', nullable: true })
  docAbbr: string | null = null;

  @Field(() => OrganizationType, { description: 'Kind of organization.' })
  @Enum({ items: () => OrganizationType, type: 'text' })
  type!: OrganizationType;

  @Field(() => OrganizationLevel, { description: 'Administrative level.' })
  @Enum({ items: () => OrganizationLevel, type: 'text' })
  level!: OrganizationLevel;

  @Field(() => String, { nullable: true, description: 'Id of the parent organization; null for a root.' })
  @Property({ type: 'uuid', nullable: true })
  parentId: string | null = null;

  /** Materialized path of ids, '/' separated, ending in this id. Internal: clients use parent/ancestors. */
  @Property({ type: 'text', columnType: 'text collate "C"' })
  path!: string;

  /** 0 for a root. */
  @Property({ type: 'integer' })
  depth!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day the organization existed, if known.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  validFrom: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the organization existed; null while it exists.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  validTo: string | null = null;

  /** Diacritic-free text of the names, for search (see kit/text.ts). */
  @Property({ type: 'text' })
  searchText!: string;
}

// The organization is its own scope: reviewers of its subtree read its history.
audited(Organization, { type: 'Organization', scope: (o) => o.id, exclude: ['path', 'depth'] });
