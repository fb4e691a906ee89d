import { Migration } from '@mikro-orm/migrations';

/**
 * A counter that every change to what statuses are computed from bumps, by statement-level
 * triggers: a server caches derived answers (the national choropleth) under the counter's value,
 * so writes by any process (another server, the import CLI) invalidate them.
 */
export class Migration20261123150000_data_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_version" ("id" int not null default 1, "version" bigint not null default 0, constraint "data_version_pkey" primary key ("id"));`,
    );
    this.addSql(`insert into "data_version" ("id", "version") values (1, 0);`);
    this.addSql(
      `create function "bump_data_version"() returns trigger language plpgsql as $$ begin update "data_version" set "version" = "version" + 1 where "id" = 1; return null; end $$;`,
    );
    for (const table of sourceTables) {
      this.addSql(
        `create trigger "${table}_bumps_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function "bump_data_version"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of sourceTables) this.addSql(`drop trigger if exists "${table}_bumps_data_version" on "${table}";`);
    this.addSql(`drop function if exists "bump_data_version"();`);
    this.addSql(`drop table if exists "data_version";`);
  }
}

/** The tables statuses, bands and map colours are derived from. */
const sourceTables = ['admin_unit', 'criteria_set', 'criterion', 'assessment', 'assessment_item', 'recognition'];
