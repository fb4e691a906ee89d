import { Migration } from '@mikro-orm/migrations';

export class Migration20261123134533_auth_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "audit_outcome" as enum ('done', 'denied');`);
    this.addSql(`create type "user_role" as enum ('viewer', 'commune-editor', 'district-editor', 'province-editor', 'admin');`);
    this.addSql(`create table "app_secret" ("name" text not null, "value" text not null, constraint "app_secret_pkey" primary key ("name"));`);

    this.addSql(
      `create table "audit_entry" ("id" serial primary key, "at" timestamptz not null default now(), "actor_username" text not null, "actor_role" text null, "action" text not null, "entity" text not null, "entity_id" text null, "unit_code" text null, "year" int null, "outcome" "audit_outcome" not null, "reason" text null, "before" jsonb null, "after" jsonb null, "import_batch_id" text null);`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_actor_index" on "audit_entry" ("actor_username");`);
    this.addSql(`create index "audit_entry_unit_index" on "audit_entry" ("unit_code");`);

    this.addSql(
      `create table "app_user" ("id" serial primary key, "username" text not null, "display_name" text null, "password_hash" text not null, "role" "user_role" not null, "unit_id" int null, "created_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "app_user_unit_index" on "app_user" ("unit_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(
      `alter table "app_user" add constraint "app_user_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "app_secret" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop type "audit_outcome";`);
    this.addSql(`drop type "user_role";`);
  }
}
