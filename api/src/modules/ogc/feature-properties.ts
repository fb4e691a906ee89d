import type { Feature } from './feature.service.ts';

/** The type of a feature property, as GeoPackage, CSV and the queryables describe it. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export interface FieldDefinition {
  name: string;
  type: FieldType;
  description: string;
}

/** Every property of a feature, in order: the one schema of GeoJSON, GeoPackage, CSV and the queryables. */
export const featureFields: FieldDefinition[] = [
  { name: 'code', type: 'string', description: 'GSO code (2 digits province, 3 district, 5 commune); the feature id' },
  { name: 'name', type: 'string', description: 'Official name with its type (Xã Tân Thành), NFC' },
  { name: 'shortName', type: 'string', description: 'Name without the type prefix' },
  { name: 'kind', type: 'string', description: 'Type as the code list names it: Tỉnh, Huyện, Xã, Phường, Thị trấn…' },
  { name: 'level', type: 'string', description: 'province, district or commune' },
  { name: 'codeList', type: 'string', description: 'The GSO code list of the unit, e.g. gso-2025-03' },
  { name: 'validFrom', type: 'string', description: 'First day in force (ISO date); empty when earlier than our records' },
  { name: 'validTo', type: 'string', description: 'First day no longer in force (ISO date); empty while in force' },
  { name: 'provinceCode', type: 'string', description: 'GSO code of the province (the unit itself for a province)' },
  { name: 'provinceName', type: 'string', description: 'Short name of the province' },
  { name: 'districtCode', type: 'string', description: 'GSO code of the district (empty for a province)' },
  { name: 'districtName', type: 'string', description: 'Short name of the district' },
  { name: 'areaKm2', type: 'number', description: 'Area of the boundary on the ellipsoid, km²' },
  { name: 'border', type: 'boolean', description: 'Border unit (xã biên giới)' },
  { name: 'dbkk', type: 'boolean', description: 'Especially disadvantaged unit (ĐBKK)' },
  { name: 'year', type: 'integer', description: 'The year of the status fields that follow' },
  { name: 'criteriaSet', type: 'string', description: 'Criteria set the status was assessed under; empty when not assessed' },
  { name: 'criteriaMet', type: 'integer', description: 'Criteria met that year; empty when not assessed' },
  { name: 'criteriaTotal', type: 'integer', description: 'Criteria in the set' },
  { name: 'band', type: 'string', description: 'Map band: lt5, 5-9, 10-14, 15-18, all-met, recognised or no-data' },
  { name: 'tier', type: 'string', description: 'Highest tier recognised by that year: standard, advanced or model' },
  { name: 'demo', type: 'boolean', description: 'True: the status comes from demo (synthetic) data; false: documented; empty: not assessed' },
  { name: 'missing', type: 'string', description: 'Numbers of the criteria not met that year, space separated' },
];

export type PropertyValue = string | number | boolean | null;

/** A feature's properties, in featureFields order. Pure. */
export function featureProperties({ row, status }: Feature): Record<string, PropertyValue> {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    level: row.level,
    codeList: row.code_list,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    provinceCode: row.province_code,
    provinceName: row.province_name,
    districtCode: row.district_code,
    districtName: row.district_name,
    areaKm2: row.area_km2 === null ? null : Math.round(row.area_km2 * 1000) / 1000,
    border: row.border,
    dbkk: row.dbkk,
    year: status.year || null,
    criteriaSet: status.criteriaSet,
    criteriaMet: status.criteriaMet,
    criteriaTotal: status.criteriaTotal,
    band: status.band,
    tier: status.tier,
    demo: status.demo,
    missing: status.missing.length ? status.missing.join(' ') : null,
  };
}
