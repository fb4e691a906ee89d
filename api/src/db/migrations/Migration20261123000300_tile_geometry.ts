import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000300_tile_geometry extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "tile_geometry" ("unit_id" int not null, "lod" smallint not null, "geom" geometry(MultiPolygon,4326) not null, "geom_3857" geometry(MultiPolygon,3857) not null, "geo_import_id" int not null, constraint "tile_geometry_pkey" primary key ("unit_id", "lod"));`,
    );
    this.addSql(`create index "tile_geometry_geom_3857_gist" on "tile_geometry" using gist ("geom_3857");`);

    this.addSql(
      `alter table "tile_geometry" add constraint "tile_geometry_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tile_geometry" cascade;`);
  }
}
