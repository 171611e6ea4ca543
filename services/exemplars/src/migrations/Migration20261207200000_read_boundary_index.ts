import { Migration } from '@mikro-orm/migrations';
import { ANCESTOR_INDEXED_DEPTHS } from './Migration20261205000000_organization_ancestors.js';

/**
 * The district indexes also carry the status (INCLUDE). Since the read
 * boundaries (EXEMPLAR_READ) every list of a viewer or an API token says
 * `status = any(…)`, and an editor's `… or ancestor_ids @> …`: with the status
 * in the index, a district's page and its totalCount are read from the index
 * alone again, as before the rule, instead of visiting every row of the
 * district for its status. Each index is built anew, then takes the old name.
 */
export class Migration20261207200000_read_boundary_index extends Migration {
  override async up(): Promise<void> {
    for (let depth = 0; depth < ANCESTOR_INDEXED_DEPTHS; depth++) {
      this.addSql(
        `create index exemplar_ancestor_${depth}_status_idx on exemplar ((ancestor_ids[${depth + 1}]), created_at desc, id desc) include (ancestor_ids, status) where deleted_at is null;`,
      );
      this.addSql(`drop index exemplar_ancestor_${depth}_idx;`);
      this.addSql(`alter index exemplar_ancestor_${depth}_status_idx rename to exemplar_ancestor_${depth}_idx;`);
    }
  }
}
