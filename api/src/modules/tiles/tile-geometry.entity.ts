import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';

function lodIndex(lod: number): string {
  return `create index "tile_geometry_lod${lod}_gist" on "tile_geometry" using gist ("geom_3857") where "lod" = ${lod}`;
}

/**
 * A unit's boundary at one level of detail for vector tiles, simplified once per shared arc (see
 * tile-geometry-build.ts) so that neighbours keep identical edges at every zoom. Rebuilt when a
 * boundary import changes the boundaries; `geoImportId` records which import it was built from.
 */
@Entity({ tableName: 'tile_geometry' })
// One spatial index per level of detail (a tile reads one level); see the lod_indexes migration.
@Index({ name: 'tile_geometry_lod0_gist', expression: lodIndex(0) })
@Index({ name: 'tile_geometry_lod1_gist', expression: lodIndex(1) })
@Index({ name: 'tile_geometry_lod2_gist', expression: lodIndex(2) })
@Index({ name: 'tile_geometry_lod3_gist', expression: lodIndex(3) })
@Index({ name: 'tile_geometry_lod4_gist', expression: lodIndex(4) })
export class TileGeometry {
  @ManyToOne(() => AdminUnit, { primary: true, deleteRule: 'cascade' })
  unit!: Rel<AdminUnit>;

  /** 0 = full resolution; higher = coarser (see level-of-detail.ts). */
  @PrimaryKey({ type: 'smallint' })
  lod!: number;

  // The schema diff cannot read PostGIS typmods back, so only the migration defines these types.
  @Property({ type: 'geometry', columnType: 'geometry(MultiPolygon,4326)', lazy: true, hidden: true, ignoreSchemaChanges: ['type'] })
  geom!: unknown;

  /** The same geometry in Web Mercator, so tile queries need no per-request transform. */
  @Property({ fieldName: 'geom_3857', type: 'geometry', columnType: 'geometry(MultiPolygon,3857)', lazy: true, hidden: true, ignoreSchemaChanges: ['type'] })
  geom3857!: unknown;

  @Property({ type: 'integer' })
  geoImportId!: number;
}
