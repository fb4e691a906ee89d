import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000100_admin_units extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "admin_level" as enum ('province', 'district', 'commune', 'village');`);
    this.addSql(`create type "geo_import_issue_kind" as enum ('no-polygon', 'repaired', 'unknown-code', 'province-extended');`);
    this.addSql(`create type "lineage_kind" as enum ('merge', 'split', 'rename', 'transfer');`);
    this.addSql(
      `create table "admin_unit" ("id" serial primary key, "code" text not null, "name" text not null, "short_name" text not null, "name_search" text not null, "level" "admin_level" not null, "kind" text not null, "parent_id" int null, "code_list" text not null, "valid_from" date null, "valid_to" date null, "flags" text[] not null default '{}', "geom" geometry(MultiPolygon,4326) null, "centroid" geometry(Point,4326) null, "bbox" double precision[] null, "area_km2" double precision null, "geom_source" text null, "geom_match" text null, "geom_repaired" boolean not null default false);`,
    );
    this.addSql(`create index "admin_unit_name_search_index" on "admin_unit" ("name_search");`);
    this.addSql(`create index "admin_unit_level_index" on "admin_unit" ("level");`);
    this.addSql(`create index "admin_unit_parent_index" on "admin_unit" ("parent_id");`);
    this.addSql(`create index "admin_unit_geom_gist" on "admin_unit" using gist ("geom");`);
    this.addSql(`alter table "admin_unit" add constraint "admin_unit_code_list_unique" unique ("code", "code_list");`);

    this.addSql(
      `create table "geo_import" ("id" serial primary key, "dataset" text not null, "checksum" text not null, "source_dir" text not null, "imported_at" timestamptz not null default now(), "stats" jsonb not null);`,
    );

    this.addSql(
      `create table "geo_import_issue" ("id" serial primary key, "geo_import_id" int not null, "kind" "geo_import_issue_kind" not null, "unit_code" text not null, "file" text null, "detail" text not null);`,
    );
    this.addSql(`create index "geo_import_issue_import_index" on "geo_import_issue" ("geo_import_id");`);

    this.addSql(
      `create table "unit_lineage" ("id" serial primary key, "predecessor_id" int not null, "successor_id" int not null, "effective_date" date not null, "kind" "lineage_kind" not null, "partial" boolean not null default false, "source" text not null);`,
    );
    this.addSql(`create index "unit_lineage_predecessor_index" on "unit_lineage" ("predecessor_id");`);
    this.addSql(`create index "unit_lineage_successor_index" on "unit_lineage" ("successor_id");`);

    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_parent_id_foreign" foreign key ("parent_id") references "admin_unit" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "geo_import_issue" add constraint "geo_import_issue_geo_import_id_foreign" foreign key ("geo_import_id") references "geo_import" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "unit_lineage" add constraint "unit_lineage_predecessor_id_foreign" foreign key ("predecessor_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "unit_lineage" add constraint "unit_lineage_successor_id_foreign" foreign key ("successor_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "admin_unit" drop constraint "admin_unit_parent_id_foreign";`);

    this.addSql(`alter table "unit_lineage" drop constraint "unit_lineage_predecessor_id_foreign";`);

    this.addSql(`alter table "unit_lineage" drop constraint "unit_lineage_successor_id_foreign";`);

    this.addSql(`alter table "geo_import_issue" drop constraint "geo_import_issue_geo_import_id_foreign";`);

    this.addSql(`drop table if exists "admin_unit" cascade;`);

    this.addSql(`drop table if exists "geo_import" cascade;`);

    this.addSql(`drop table if exists "geo_import_issue" cascade;`);

    this.addSql(`drop table if exists "unit_lineage" cascade;`);

    this.addSql(`drop type "admin_level";`);
    this.addSql(`drop type "geo_import_issue_kind";`);
    this.addSql(`drop type "lineage_kind";`);
  }
}
