import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins counted per account and source instead of one lock per
 * account (see modules/session/sign-in-throttle.ts). `account` is the SHA-256
 * of the lower-cased e-mail as typed, known or not, so unknown addresses are
 * throttled alike and no typed text is kept; `source` is the client's
 * network as the gateway saw it, or '*' for the account's row across all
 * sources. Rows are counters, not records: forgotten a day after the last
 * failure.
 */
export class Migration20261201120000_sign_in_throttle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sign_in_throttle (
      account text not null,
      source text not null,
      failures integer not null,
      blocked_until timestamptz(3),
      window_started_at timestamptz(3) not null,
      last_failure_at timestamptz(3) not null,
      primary key (account, source)
    );`);
    this.addSql('create index sign_in_throttle_last_failure_idx on sign_in_throttle (last_failure_at);');
  }
}
