import { Migration } from '@mikro-orm/migrations';

/**
 * The 2025 two-level reform: stored tiles are kept per code list (the pyramid is encoded again on
 * the next start, so the old rows are dropped), and a partial lineage link carries the share of
 * the predecessor's area that went into the successor.
 */
export class Migration20261129194055_reform_2025 extends Migration {
  override name = 'Migration20261129194055_reform_2025';

  override up(): void | Promise<void> {
    this.addSql(`delete from "prerendered_tile";`);
    this.addSql(`alter table "prerendered_tile" drop constraint "prerendered_tile_pkey";`);
    this.addSql(`alter table "prerendered_tile" add "code_list" text not null;`);
    this.addSql(`alter table "prerendered_tile" add primary key ("code_list", "level", "z", "x", "y");`);

    this.addSql(`alter table "unit_lineage" add "area_share" double precision null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "prerendered_tile";`);
    this.addSql(`alter table "prerendered_tile" drop constraint "prerendered_tile_pkey";`);
    this.addSql(`alter table "prerendered_tile" drop column "code_list";`);
    this.addSql(`alter table "prerendered_tile" add primary key ("level", "z", "x", "y");`);

    this.addSql(`alter table "unit_lineage" drop column "area_share";`);
  }
}
