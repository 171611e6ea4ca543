import { Migration } from '@mikro-orm/migrations';

/**
 * The authority table's organization type and level became GraphQL enums
 * (they were free text, so "NOT_A_TYPE" could be stored). A row with a value
 * outside the enums never matched any organization, so it granted nothing;
 * read as an enum it would fail the whole list. Such rows are withdrawn
 * (soft-deleted, kept for the record), as an admin would have done.
 */
const TYPES = [
  'PARTY_COMMITTEE',
  'PARTY_EXECUTIVE',
  'PARTY_ADVISORY',
  'PARTY_INSPECTION',
  'PARTY_CELL',
  'STATE_COUNCIL',
  'STATE_EXECUTIVE',
  'STATE_AGENCY',
  'FRONT',
  'SOCIO_POLITICAL',
  'PRESS',
  'OTHER',
];
const LEVELS = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'GRASSROOTS'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export class Migration20261206100000_authority_enums extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update commendation_authority set deleted_at = now(), version = version + 1
       where deleted_at is null and (organization_type not in (${list(TYPES)}) or organization_level not in (${list(LEVELS)}));`,
    );
  }
}
