import { Migration } from '@mikro-orm/migrations';

export class Migration20261123171000_prerendered_tile extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prerendered_tile" ("level" text not null, "z" smallint not null, "x" int not null, "y" int not null, "body" bytea not null, "geo_import_id" int not null, "fingerprint" text not null, constraint "prerendered_tile_pkey" primary key ("level", "z", "x", "y"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "prerendered_tile";`);
  }
}
