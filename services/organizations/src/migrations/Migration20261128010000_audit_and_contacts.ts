import { auditTableSql } from '@lantoa/kit';
import { Migration } from '@mikro-orm/migrations';

/** The audit log (append-only) and people's contact details (visible to editors, reviewers and admins only). */
export class Migration20261128010000_audit_and_contacts extends Migration {
  override async up(): Promise<void> {
    for (const sql of auditTableSql) this.addSql(sql);
    this.addSql('alter table person add column phone text, add column email text, add column address text;');
  }
}
