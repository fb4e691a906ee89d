import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { FieldDefinition } from './feature-properties.ts';

/** GeoPackage 1.3 (OGC 12-128r18): application id "GPKG" and user_version 10300. */
const applicationId = 0x47504b47;
const userVersion = 10300;

export interface GeoPackageFeature {
  properties: Record<string, string | number | boolean | null>;
  /** ISO WKB, little endian (PostGIS ST_AsBinary(geom, 'NDR')), coordinates longitude first. */
  wkb: Buffer | null;
  /** [minx, miny, maxx, maxy] of the geometry. */
  envelope: [number, number, number, number] | null;
}

export interface GeoPackageLayer {
  /** Table name: letters, digits and underscores. */
  table: string;
  identifier: string;
  description: string;
  fields: FieldDefinition[];
  features: GeoPackageFeature[];
}

const sqlType: Record<FieldDefinition['type'], string> = { string: 'TEXT', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN' };

/**
 * The GeoPackage binary header (spec §2.1.3) before the WKB: "GP", version 0, flags (little endian,
 * envelope [minx, maxx, miny, maxy]; or the empty bit without envelope), SRS id.
 */
export function geoPackageGeometry(wkb: Buffer, envelope: [number, number, number, number] | null, srsId: number): Buffer {
  const header = Buffer.alloc(envelope ? 40 : 8);
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2);
  header.writeUInt8(envelope ? 0b0000_0011 : 0b0001_0001, 3);
  header.writeInt32LE(srsId, 4);
  if (envelope) {
    const [minx, miny, maxx, maxy] = envelope;
    [minx, maxx, miny, maxy].forEach((value, i) => {
      header.writeDoubleLE(value, 8 + i * 8);
    });
  }
  return Buffer.concat([header, wkb]);
}

const wgs84Definition =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/**
 * Writes one feature layer (MultiPolygon, EPSG:4326) to a new GeoPackage file in a private temporary
 * folder and returns its path; the caller streams it and calls `remove`. Memory stays bounded by one
 * page of features (the routes cap it).
 */
export function writeGeoPackage(layer: GeoPackageLayer): { file: string; remove(): void } {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(layer.table)) throw new TypeError(`invalid GeoPackage table name ${layer.table}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-gpkg-'));
  const file = path.join(folder, `${layer.table}.gpkg`);
  const remove = () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    const db = new DatabaseSync(file);
    try {
      db.exec(`PRAGMA application_id = ${applicationId}; PRAGMA user_version = ${userVersion}; PRAGMA journal_mode = OFF;`);
      db.exec(`
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      `);
      const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
      srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
      srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
      srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, wgs84Definition, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

      const columns = layer.fields.map((f) => `"${f.name}" ${sqlType[f.type]}`).join(', ');
      db.exec(`CREATE TABLE "${layer.table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, ${columns})`);
      const boxes = layer.features.flatMap((f) => (f.envelope ? [f.envelope] : []));
      const extent = boxes.length
        ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
        : [null, null, null, null];
      db.prepare(
        'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(layer.table, 'features', layer.identifier, layer.description, ...extent, 4326);
      db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)').run(layer.table, 'geom', 'MULTIPOLYGON', 4326, 0, 0);

      const insert = db.prepare(
        `INSERT INTO "${layer.table}" (geom, ${layer.fields.map((f) => `"${f.name}"`).join(', ')}) VALUES (?, ${layer.fields.map(() => '?').join(', ')})`,
      );
      db.exec('BEGIN');
      for (const feature of layer.features) {
        const values = layer.fields.map(({ name, type }) => {
          const value = feature.properties[name] ?? null;
          if (type === 'boolean' && value !== null) return value ? 1 : 0;
          return value as string | number | null;
        });
        insert.run(feature.wkb ? geoPackageGeometry(feature.wkb, feature.envelope, 4326) : null, ...values);
      }
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    return { file, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
