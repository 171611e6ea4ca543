import { Migration } from '@mikro-orm/migrations';

/**
 * Timelines are read by every signed-in reader, and steps named their actor
 * by e-mail, which only admins may see (users, the audit log). New steps name
 * the user's display name and organization (the caller's displayName). The
 * e-mails already written move to their own column, kept for the record and
 * never served; those steps then show no actor name.
 */
export class Migration20261207000000_step_actor_email extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table media_item_step add column actor_email text;');
    this.addSql("update media_item_step set actor_email = actor_name, actor_name = null where actor_name like '%@%';");
  }
}
