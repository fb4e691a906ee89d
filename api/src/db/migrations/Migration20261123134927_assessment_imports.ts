import { Migration } from '@mikro-orm/migrations';

export class Migration20261123134927_assessment_imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "import_status" as enum ('running', 'applied', 'dry-run', 'rejected', 'failed', 'interrupted');`);
    this.addSql(
      `create table "assessment_import_batch" ("id" serial primary key, "file_name" text not null, "checksum" text not null, "format" text not null, "actor" text not null, "dry_run" boolean not null, "all_or_nothing" boolean not null, "status" "import_status" not null, "rows_read" int not null default 0, "rows_changed" int not null default 0, "rows_unchanged" int not null default 0, "rows_rejected" int not null default 0, "cells_changed" int not null default 0, "started_at" timestamptz not null default now(), "finished_at" timestamptz null, "error" text null, "report" jsonb null);`,
    );
    this.addSql(`create index "assessment_import_batch_checksum_index" on "assessment_import_batch" ("checksum");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assessment_import_batch" cascade;`);

    this.addSql(`drop type "import_status";`);
  }
}
