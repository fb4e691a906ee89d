import { Migration } from '@mikro-orm/migrations';

/**
 * The 2026–2030 set (Decision 51/2025): criteria and indicators carry their source and a note where
 * text could not be sourced; a set keeps its band note, stated indicator count, commune groups and
 * related frames; the commune group of a commune is a dated, sourced attribute keyed by (code list, code).
 */
export class Migration20261129194137_criteria_set_2026 extends Migration {
  override name = 'Migration20261129194137_criteria_set_2026';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "commune_group_assignment" ("id" serial primary key, "code_list" text not null, "unit_code" text not null, "group" int not null, "valid_from" date not null, "valid_to" date null, "source_document_id" int not null, "source_ref" text null);`,
    );
    this.addSql(`create index "commune_group_assignment_source_document_index" on "commune_group_assignment" ("source_document_id");`);
    this.addSql(`create index "commune_group_assignment_unit_index" on "commune_group_assignment" ("code_list", "unit_code");`);
    this.addSql(
      `alter table "commune_group_assignment" add constraint "commune_group_assignment_unit_valid_from_unique" unique ("code_list", "unit_code", "valid_from");`,
    );

    this.addSql(
      `alter table "criteria_set" add "bands_note" text null, add "indicator_count_stated" int null, add "transcription_note" text null, add "commune_groups" jsonb null, add "related_frames" jsonb null;`,
    );

    this.addSql(`alter table "criterion" add "source_document_id" int null, add "source_ref" text null, add "note" text null;`);
    this.addSql(
      `alter table "criterion" add constraint "criterion_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(`create index "criterion_source_document_index" on "criterion" ("source_document_id");`);

    this.addSql(`alter table "indicator" add "source_document_id" int null, add "source_ref" text null, add "note" text null;`);
    this.addSql(
      `alter table "indicator" add constraint "indicator_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
    this.addSql(`create index "indicator_source_document_index" on "indicator" ("source_document_id");`);

    this.addSql(
      `alter table "commune_group_assignment" add constraint "commune_group_assignment_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete restrict;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "commune_group_assignment" cascade;`);
    this.addSql(`alter table "indicator" drop constraint "indicator_source_document_id_foreign";`);
    this.addSql(`drop index "indicator_source_document_index";`);
    this.addSql(`alter table "indicator" drop column "source_document_id", drop column "source_ref", drop column "note";`);
    this.addSql(`alter table "criterion" drop constraint "criterion_source_document_id_foreign";`);
    this.addSql(`drop index "criterion_source_document_index";`);
    this.addSql(`alter table "criterion" drop column "source_document_id", drop column "source_ref", drop column "note";`);
    this.addSql(
      `alter table "criteria_set" drop column "bands_note", drop column "indicator_count_stated", drop column "transcription_note", drop column "commune_groups", drop column "related_frames";`,
    );
  }
}
