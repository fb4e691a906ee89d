import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { AdminUnit } from '../admin-units/admin-unit.entity.ts';

/**
 * A unit's boundary at one level of detail for vector tiles, simplified once per shared arc (see
 * tile-geometry-build.ts) so that neighbours keep identical edges at every zoom. Rebuilt when a
 * boundary import changes the boundaries; `geoImportId` records which import it was built from.
 */
@Entity({ tableName: 'tile_geometry' })
@Index({
  name: 'tile_geometry_geom_3857_gist',
  expression: 'create index "tile_geometry_geom_3857_gist" on "tile_geometry" using gist ("geom_3857")',
})
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
