import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000200_ntm_status extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "tier" as enum ('standard', 'advanced', 'model');`);
    this.addSql(`create type "recognition_status" as enum ('planned', 'verified', 'appraised', 'recognised', 'withdrawn');`);
    this.addSql(`create type "assessment_kind" as enum ('actual', 'target');`);
    this.addSql(`create type "item_status" as enum ('met', 'not-met', 'unknown');`);
    this.addSql(
      `create table "source_document" ("id" serial primary key, "key" text not null, "number" text null, "issuer" text null, "issued_on" date null, "title" text not null, "kind" text not null, "signer" text null);`,
    );
    this.addSql(`alter table "source_document" add constraint "source_document_key_unique" unique ("key");`);

    this.addSql(
      `create table "recognition" ("id" serial primary key, "source_document_id" int null, "source_ref" text null, "as_written" text null, "note" text null, "synthetic" boolean not null default false, "unit_id" int not null, "tier" "tier" not null, "status" "recognition_status" not null, "decision_number" text null, "decided_on" text null, "year" int not null);`,
    );
    this.addSql(`create index "recognition_unit_index" on "recognition" ("unit_id");`);

    this.addSql(
      `create table "data_quality_finding" ("id" serial primary key, "source_document_id" int null, "unit_id" int null, "kind" text not null, "severity" text not null, "raw_value" text null, "reading" text not null, "reason" text not null, "source_ref" text null, "origin" text not null default 'transcription');`,
    );
    this.addSql(`create index "finding_document_index" on "data_quality_finding" ("source_document_id");`);
    this.addSql(`create index "finding_unit_index" on "data_quality_finding" ("unit_id");`);

    this.addSql(
      `create table "criteria_set" ("id" serial primary key, "code" text not null, "name_vi" text not null, "name_en" text not null, "level" "admin_level" not null, "tier" text not null, "legal_basis_id" int null, "valid_from" int not null, "valid_to" int not null, "based_on_id" int null, "province_code" text null, "bands" jsonb not null, "criteria_count" int not null);`,
    );
    this.addSql(`alter table "criteria_set" add constraint "criteria_set_code_unique" unique ("code");`);
    this.addSql(`create index "criteria_set_legal_basis_index" on "criteria_set" ("legal_basis_id");`);
    this.addSql(`create index "criteria_set_based_on_index" on "criteria_set" ("based_on_id");`);

    this.addSql(
      `create table "reported_aggregate" ("id" serial primary key, "source_document_id" int null, "source_ref" text null, "as_written" text null, "note" text null, "synthetic" boolean not null default false, "unit_id" int not null, "year" int null, "kind" "assessment_kind" not null, "metric" text not null, "criteria_set_id" int null, "criterion" int null, "band" text null, "value" double precision null);`,
    );
    this.addSql(`create index "reported_aggregate_unit_index" on "reported_aggregate" ("unit_id");`);

    this.addSql(
      `create table "indicator_value" ("id" serial primary key, "source_document_id" int null, "source_ref" text null, "as_written" text null, "note" text null, "synthetic" boolean not null default false, "unit_id" int not null, "criteria_set_id" int null, "indicator_code" text null, "year" int not null, "kind" "assessment_kind" not null, "value" text not null, "value_number" double precision null, "unit_of_measure" text null);`,
    );
    this.addSql(`create index "indicator_value_unit_index" on "indicator_value" ("unit_id");`);

    this.addSql(
      `create table "criterion" ("id" serial primary key, "criteria_set_id" int not null, "number" int not null, "group_code" text null, "group_vi" text null, "group_en" text null, "name_vi" text not null, "name_en" text not null);`,
    );
    this.addSql(`alter table "criterion" add constraint "criterion_set_number_unique" unique ("criteria_set_id", "number");`);

    this.addSql(
      `create table "indicator" ("id" serial primary key, "criterion_id" int not null, "code" text not null, "name_vi" text null, "name_en" text null, "unit" text null, "threshold" text null, "agency" text null);`,
    );
    this.addSql(`alter table "indicator" add constraint "indicator_criterion_code_unique" unique ("criterion_id", "code");`);

    this.addSql(
      `create table "assessment" ("id" serial primary key, "source_document_id" int null, "source_ref" text null, "as_written" text null, "note" text null, "synthetic" boolean not null default false, "unit_id" int not null, "criteria_set_id" int not null, "year" int not null, "kind" "assessment_kind" not null);`,
    );
    this.addSql(`create index "assessment_unit_index" on "assessment" ("unit_id");`);
    this.addSql(`create index "assessment_set_index" on "assessment" ("criteria_set_id");`);
    this.addSql(`alter table "assessment" add constraint "assessment_unit_set_year_kind_unique" unique ("unit_id", "criteria_set_id", "year", "kind");`);

    this.addSql(
      `create table "assessment_item" ("id" serial primary key, "assessment_id" int not null, "criterion_id" int not null, "status" "item_status" not null);`,
    );
    this.addSql(`create index "assessment_item_criterion_index" on "assessment_item" ("criterion_id");`);
    this.addSql(`alter table "assessment_item" add constraint "assessment_item_unique" unique ("assessment_id", "criterion_id");`);

    this.addSql(
      `create table "target" ("id" serial primary key, "source_document_id" int null, "source_ref" text null, "as_written" text null, "note" text null, "synthetic" boolean not null default false, "unit_id" int not null, "criteria_set_id" int null, "year" int null, "tier" "tier" null, "criteria" text[] not null default '{}', "criteria_count" int null, "text" text not null);`,
    );
    this.addSql(`create index "target_unit_index" on "target" ("unit_id");`);

    this.addSql(
      `create table "unit_flag" ("id" serial primary key, "unit_id" int not null, "flag" text not null, "basis" text not null, "source_document_id" int null, "source_ref" text null, "note" text null);`,
    );
    this.addSql(`create index "unit_flag_unit_index" on "unit_flag" ("unit_id");`);
    this.addSql(`alter table "unit_flag" add constraint "unit_flag_unique" unique ("unit_id", "flag");`);

    this.addSql(
      `alter table "recognition" add constraint "recognition_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "recognition" add constraint "recognition_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "data_quality_finding" add constraint "data_quality_finding_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "data_quality_finding" add constraint "data_quality_finding_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "criteria_set" add constraint "criteria_set_legal_basis_id_foreign" foreign key ("legal_basis_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "criteria_set" add constraint "criteria_set_based_on_id_foreign" foreign key ("based_on_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "reported_aggregate" add constraint "reported_aggregate_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "indicator_value" add constraint "indicator_value_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "criterion" add constraint "criterion_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "indicator" add constraint "indicator_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "assessment" add constraint "assessment_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assessment" add constraint "assessment_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "assessment_item" add constraint "assessment_item_assessment_id_foreign" foreign key ("assessment_id") references "assessment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "assessment_item" add constraint "assessment_item_criterion_id_foreign" foreign key ("criterion_id") references "criterion" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "target" add constraint "target_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "target" add constraint "target_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "target" add constraint "target_criteria_set_id_foreign" foreign key ("criteria_set_id") references "criteria_set" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "unit_flag" add constraint "unit_flag_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "unit_flag" add constraint "unit_flag_source_document_id_foreign" foreign key ("source_document_id") references "source_document" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "admin_unit" drop column "flags";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "recognition" drop constraint "recognition_source_document_id_foreign";`);

    this.addSql(`alter table "data_quality_finding" drop constraint "data_quality_finding_source_document_id_foreign";`);

    this.addSql(`alter table "criteria_set" drop constraint "criteria_set_legal_basis_id_foreign";`);

    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_source_document_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_source_document_id_foreign";`);

    this.addSql(`alter table "assessment" drop constraint "assessment_source_document_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_source_document_id_foreign";`);

    this.addSql(`alter table "unit_flag" drop constraint "unit_flag_source_document_id_foreign";`);

    this.addSql(`alter table "criteria_set" drop constraint "criteria_set_based_on_id_foreign";`);

    this.addSql(`alter table "reported_aggregate" drop constraint "reported_aggregate_criteria_set_id_foreign";`);

    this.addSql(`alter table "indicator_value" drop constraint "indicator_value_criteria_set_id_foreign";`);

    this.addSql(`alter table "criterion" drop constraint "criterion_criteria_set_id_foreign";`);

    this.addSql(`alter table "assessment" drop constraint "assessment_criteria_set_id_foreign";`);

    this.addSql(`alter table "target" drop constraint "target_criteria_set_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_criterion_id_foreign";`);

    this.addSql(`alter table "assessment_item" drop constraint "assessment_item_criterion_id_foreign";`);

    this.addSql(`alter table "assessment_item" drop constraint "assessment_item_assessment_id_foreign";`);

    this.addSql(`drop table if exists "source_document" cascade;`);

    this.addSql(`drop table if exists "recognition" cascade;`);

    this.addSql(`drop table if exists "data_quality_finding" cascade;`);

    this.addSql(`drop table if exists "criteria_set" cascade;`);

    this.addSql(`drop table if exists "reported_aggregate" cascade;`);

    this.addSql(`drop table if exists "indicator_value" cascade;`);

    this.addSql(`drop table if exists "criterion" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "assessment" cascade;`);

    this.addSql(`drop table if exists "assessment_item" cascade;`);

    this.addSql(`drop table if exists "target" cascade;`);

    this.addSql(`drop table if exists "unit_flag" cascade;`);

    this.addSql(`alter table "admin_unit" add column "flags" text[] not null default '{}';`);

    this.addSql(`drop type "tier";`);
    this.addSql(`drop type "recognition_status";`);
    this.addSql(`drop type "assessment_kind";`);
    this.addSql(`drop type "item_status";`);
  }
}
