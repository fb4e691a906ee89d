import { Field, Int, ObjectType } from 'type-graphql';
import { AdminLevel, AdminUnit } from './admin-unit.entity.ts';
import type { UnitPosition } from './admin-unit.repository.ts';
import { fromCursor, toCursor } from '../../schema/cursor.ts';

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string;
}

@ObjectType()
export class AdminUnitEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AdminUnit)
  node!: AdminUnit;

  @Field(() => [AdminUnit], {
    description: 'With a search: the former units whose name matched, through which this unit was found (empty when only its own name matched)',
  })
  matchedFormerUnits!: AdminUnit[];
}

@ObjectType({ description: 'A page of units, provinces first, then by code' })
export class AdminUnitConnection {
  @Field(() => Int, { description: 'Units matching the filter, over all pages' })
  totalCount!: number;

  @Field(() => [AdminUnitEdge])
  edges!: AdminUnitEdge[];

  @Field(() => [AdminUnit], { description: 'The nodes of `edges`, for clients that need no cursors' })
  nodes!: AdminUnit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/** A unit cursor holds the position (level, code) the next page starts after. */
export function encodeCursor(unit: UnitPosition): string {
  return toCursor('unit', `${unit.level}:${unit.code}`);
}

const unitPosition = new RegExp(`^(${Object.values(AdminLevel).join('|')}):(\\d{2,5})$`);

export function decodeCursor(cursor: string): UnitPosition {
  const [, level, code] = fromCursor('unit', cursor, unitPosition);
  return { level: level as AdminLevel, code };
}

export function toConnection(
  units: AdminUnit[],
  totalCount: number,
  hasNextPage: boolean,
  matchedFormer: ReadonlyMap<number, AdminUnit[]> = new Map(),
): AdminUnitConnection {
  const edges = units.map((node) => ({ cursor: encodeCursor(node), node, matchedFormerUnits: matchedFormer.get(node.id) ?? [] }));
  return {
    totalCount,
    edges,
    nodes: units,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor },
  };
}
