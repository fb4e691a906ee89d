import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A country- or region-view tile (zoom ≤ TILE_PRERENDER_MAX_ZOOM) encoded once per boundary import.
 * Such a tile holds thousands of units (a zoom-5 commune tile ~7,000), so encoding it takes the
 * database tens of milliseconds, while the whole country is a few dozen such tiles.
 */
@Entity({ tableName: 'prerendered_tile' })
export class PrerenderedTile {
  /** The code list whose units the tile shows (gso-2025-03, gso-2025-07). */
  @PrimaryKey({ type: 'text' })
  codeList!: string;

  @PrimaryKey({ type: 'text' })
  level!: string;

  @PrimaryKey({ type: 'smallint' })
  z!: number;

  @PrimaryKey({ type: 'integer' })
  x!: number;

  @PrimaryKey({ type: 'integer' })
  y!: number;

  @Property({ type: 'blob' })
  body!: Buffer;

  /** The boundary import it was encoded from; a tile of an older import is never served. */
  @Property({ type: 'integer' })
  geoImportId!: number;

  /** What encoded it (tileEncodingFingerprint): tiles of another version of the encoder are encoded again. */
  @Property({ type: 'text' })
  fingerprint!: string;
}
