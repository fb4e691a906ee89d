import { Migration } from '@mikro-orm/migrations';

/** PostGIS first: every later migration may use geometry types. */
export class Migration20261123000000_postgis extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists postgis;');
  }

  override async down(): Promise<void> {
    this.addSql('drop extension if exists postgis;');
  }
}
