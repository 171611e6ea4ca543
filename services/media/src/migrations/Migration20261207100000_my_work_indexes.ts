import { Migration } from '@mikro-orm/migrations';

/**
 * "Việc của tôi" finds the items a user submitted from their steps: an index
 * by actor and step, so the lookup stays one range however long the
 * timelines grow. Adds only.
 */
export class Migration20261207100000_my_work_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index media_item_step_actor_idx on media_item_step (actor_id, action) where actor_id is not null;');
  }
}
