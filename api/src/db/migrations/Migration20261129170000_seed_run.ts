import { Migration } from '@mikro-orm/migrations';

/**
 * Seed loads get their own record. They were rows of geo_import under the dataset "ntm-seeds", so
 * every reader of boundary imports had to skip them; those rows move over with their checksum, so
 * an unchanged seeds/ is still skipped after the upgrade.
 */
export class Migration20261129170000_seed_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "seed_run" ("id" serial primary key, "checksum" text not null, "source_dir" text not null, "loaded_at" timestamptz not null default now(), "stats" jsonb not null);`,
    );
    this.addSql(
      `insert into "seed_run" ("checksum", "source_dir", "loaded_at", "stats") select "checksum", "source_dir", "imported_at", "stats" from "geo_import" where "dataset" = 'ntm-seeds' order by "id";`,
    );
    this.addSql(`delete from "geo_import" where "dataset" = 'ntm-seeds';`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `insert into "geo_import" ("dataset", "checksum", "source_dir", "imported_at", "stats") select 'ntm-seeds', "checksum", "source_dir", "loaded_at", "stats" from "seed_run" order by "id";`,
    );
    this.addSql(`drop table if exists "seed_run";`);
  }
}
