import { ArrayType, Collection, EntityRepositoryType, type Rel } from '@mikro-orm/core';
import { OneToMany, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnitRepository } from './admin-unit.repository.ts';
import { UnitFlag } from './unit-flag.entity.ts';

export enum AdminLevel {
  PROVINCE = 'province',
  DISTRICT = 'district',
  COMMUNE = 'commune',
  VILLAGE = 'village',
}
registerEnumType(AdminLevel, { name: 'AdminLevel', description: 'Level of the administrative hierarchy' });

/**
 * A unit of the administrative hierarchy as it stood during [validFrom, validTo). Codes are GSO
 * codes kept as strings (leading zeros matter) and are re-used across reforms, so a code alone
 * identifies a unit only together with a date.
 */
@ObjectType('AdminUnit', { description: 'A province, district, commune or village, with its boundary' })
@Entity({ tableName: 'admin_unit', repository: () => AdminUnitRepository })
@Unique({ name: 'admin_unit_code_list_unique', properties: ['code', 'codeList'] })
@Index({ name: 'admin_unit_geom_gist', expression: 'create index "admin_unit_geom_gist" on "admin_unit" using gist ("geom")' })
export class AdminUnit {
  [EntityRepositoryType]?: AdminUnitRepository;

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => String, { description: 'GSO code (2 digits province, 3 district, 5 commune)' })
  @Property({ type: 'text' })
  code!: string;

  /** Official name with its type, NFC: "Tỉnh Lạng Sơn". */
  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  /** Name without the type prefix: "Lạng Sơn". */
  @Field(() => String)
  @Property({ type: 'text' })
  shortName!: string;

  /** Folded key for diacritic-insensitive search (see text/vietnamese.ts). */
  @Property({ type: 'text' })
  @Index({ name: 'admin_unit_name_search_index' })
  nameSearch!: string;

  @Field(() => AdminLevel)
  @Enum({ items: () => AdminLevel, nativeEnumName: 'admin_level' })
  @Index({ name: 'admin_unit_level_index' })
  level!: AdminLevel;

  /** Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn, Thôn… */
  @Field(() => String, { description: 'Type as the code list names it: Tỉnh, Huyện, Xã, Phường, Thị trấn…' })
  @Property({ type: 'text' })
  kind!: string;

  @ManyToOne(() => AdminUnit, { nullable: true, deleteRule: 'restrict', index: 'admin_unit_parent_index' })
  parent?: Rel<AdminUnit>;

  /** The code list this unit was loaded from, e.g. "gso-2025-03". */
  @Field(() => String, { description: 'The code list the unit comes from, e.g. gso-2025-03' })
  @Property({ type: 'text' })
  codeList!: string;

  @Field(() => String, { nullable: true, description: 'First day in force (ISO date); null when earlier than our records' })
  @Property({ type: 'date', nullable: true })
  validFrom?: string;

  @Field(() => String, { nullable: true, description: 'First day no longer in force (ISO date); null while in force' })
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  /** border, dbkk, mountainous, coastal, island… */
  /** Flags (border, dbkk…) with their basis; exposed as AdminUnit.flags. */
  @OneToMany(
    () => UnitFlag,
    (flag) => flag.unit,
  )
  flagRecords = new Collection<UnitFlag>(this);

  // The schema diff cannot read PostGIS typmods back, so only the migration defines these types.
  @Property({ type: 'geometry', columnType: 'geometry(MultiPolygon,4326)', nullable: true, lazy: true, hidden: true, ignoreSchemaChanges: ['type'] })
  geom?: unknown;

  @Property({ type: 'geometry', columnType: 'geometry(Point,4326)', nullable: true, lazy: true, hidden: true, ignoreSchemaChanges: ['type'] })
  centroid?: unknown;

  /** [west, south, east, north] in degrees. */
  @Field(() => [Float], { nullable: true, description: 'Bounding box [west, south, east, north] in degrees (EPSG:4326)' })
  @Property({ type: new ArrayType((value) => Number(value)), columnType: 'double precision[]', nullable: true })
  bbox?: number[];

  @Field(() => Float, { nullable: true, description: 'Area of the boundary polygon on the ellipsoid, km²' })
  @Property({ type: 'double', nullable: true })
  areaKm2?: number;

  /** Which boundary file the geometry came from. */
  @Field(() => String, { nullable: true, description: 'Which boundary file the geometry came from' })
  @Property({ type: 'text', nullable: true })
  geomSource?: string;

  /** How reliably the polygon was matched to this code (the source's `match` property). */
  @Field(() => String, { nullable: true, description: 'How the polygon was matched to the code: exact, name-variant, inferred-merge-2025…' })
  @Property({ type: 'text', nullable: true })
  geomMatch?: string;

  /** True when the source geometry was invalid and ST_MakeValid repaired it. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  geomRepaired = false;
}
