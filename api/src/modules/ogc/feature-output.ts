import { featureFields, featureProperties, type PropertyValue } from './feature-properties.ts';
import type { Feature } from './feature.service.ts';
import type { GeoPackageFeature } from './geopackage.ts';

export function geoJsonFeature(feature: Feature, links: { href: string; rel: string; type?: string }[] = []) {
  return {
    type: 'Feature' as const,
    id: feature.row.code,
    geometry: feature.row.geojson ? (JSON.parse(feature.row.geojson) as object) : null,
    properties: featureProperties(feature),
    ...(links.length ? { links } : {}),
  };
}

/** A spreadsheet runs a text cell starting with = + - @ as a formula: such text gets an apostrophe. */
function csvCell(value: PropertyValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV (RFC 4180, UTF-8 with BOM so spreadsheets read Vietnamese) with the geometry as WKT in the last column. */
export function featuresCsv(features: Feature[]): string {
  const header = [...featureFields.map((f) => f.name), 'wkt'];
  const lines = features.map((feature) => {
    const properties = featureProperties(feature);
    return [...featureFields.map((f) => csvCell(properties[f.name])), csvCell(feature.row.wkt)].join(',');
  });
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function geoPackageFeatures(features: Feature[]): GeoPackageFeature[] {
  return features.map((feature) => {
    const { row } = feature;
    const hasBox = row.xmin !== null && row.ymin !== null && row.xmax !== null && row.ymax !== null;
    return {
      properties: featureProperties(feature),
      wkb: row.wkb ? Buffer.from(row.wkb, 'hex') : null,
      envelope: hasBox ? [row.xmin!, row.ymin!, row.xmax!, row.ymax!] : null,
    };
  });
}
