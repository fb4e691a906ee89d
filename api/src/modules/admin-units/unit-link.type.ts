import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from './admin-unit.entity.ts';

export enum LineagePart {
  FULL = 'full',
  PARTIAL = 'partial',
}
registerEnumType(LineagePart, { name: 'LineagePart', description: 'Whether the whole predecessor went into the successor, or only part of it' });

/** One link of a reform between a unit before it and a unit after it, seen from either side. */
@ObjectType('UnitLink', { description: 'A unit before or after a reform, with how much of the predecessor went and on what authority' })
export class UnitLink {
  @Field(() => AdminUnit, { description: 'The unit at the other end of the link' })
  unit!: AdminUnit;

  @Field(() => String, { description: 'Day the change took effect (ISO date), e.g. 2025-07-01' })
  effectiveDate!: string;

  @Field(() => String, { description: 'merge, split, rename or transfer' })
  kind!: string;

  @Field(() => LineagePart)
  part!: LineagePart;

  @Field(() => Float, {
    nullable: true,
    description:
      'For a partial part: the share (0–1) of the predecessor’s area inside the successor, computed from the two polygons ' +
      '(planar intersection in lon/lat, area on the WGS 84 spheroid); null for a full part or without polygons',
  })
  areaShare?: number;

  @Field(() => String, { description: 'Where the link comes from (the crosswalk, or the document that names the merger)' })
  source!: string;
}
