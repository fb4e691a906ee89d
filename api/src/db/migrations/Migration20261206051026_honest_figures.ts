import { Migration } from '@mikro-orm/migrations';

/**
 * Honest figures: the spellings documents use for units (searchable, with their source), findings
 * in Vietnamese as well as English, and which reported figures the demo data was generated to match.
 */
export class Migration20261206051026_honest_figures extends Migration {
  override name = 'Migration20261206051026_honest_figures';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "admin_unit_alias" ("id" serial primary key, "unit_id" int not null, "name" text not null, "name_search" text not null, "source_document_id" int not null, "source_ref" text null);`,
    );
    this.addSql(`create index "admin_unit_alias_unit_index" on "admin_unit_alias" ("unit_id");`);
    this.addSql(`create index "admin_unit_alias_name_search_index" on "admin_unit_alias" ("name_search");`);
    this.addSql(`alter table "admin_unit_alias" add constraint "admin_unit_alias_unique" unique ("unit_id", "name", "source_document_id");`);
    this.addSql(
      `alter table "admin_unit_alias" add constraint "admin_unit_alias_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "admin_unit_alias" add constraint "admin_unit_alias_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "data_quality_finding" add "reading_vi" text null, add "reason_vi" text null;`);
    this.addSql(`alter table "reported_aggregate" add "demo_fitted" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "admin_unit_alias" cascade;`);
    this.addSql(`alter table "data_quality_finding" drop column "reading_vi", drop column "reason_vi";`);
    this.addSql(`alter table "reported_aggregate" drop column "demo_fitted";`);
  }
}
