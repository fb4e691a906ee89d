import { Field, Int, ObjectType } from 'type-graphql';
import { AdminLevel, AdminUnit } from './admin-unit.entity.ts';
import type { UnitPosition } from './admin-unit.repository.ts';
import { InvalidInputError } from '../../errors/domain-errors.ts';

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

/** Cursors are opaque to clients; inside they are the position (level, code) of a unit. */
export function encodeCursor(unit: UnitPosition): string {
  return Buffer.from(`unit:${unit.level}:${unit.code}`).toString('base64url');
}

export function decodeCursor(cursor: string): UnitPosition {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = /^unit:([a-z]+):(\d{2,5})$/.exec(decoded);
  const level = match?.[1] as AdminLevel | undefined;
  if (!match || !level || !Object.values(AdminLevel).includes(level)) {
    throw new InvalidInputError(`Invalid cursor "${cursor}"`, { argument: 'after' });
  }
  return { level, code: match[2] };
}

export function toConnection(units: AdminUnit[], totalCount: number, hasNextPage: boolean): AdminUnitConnection {
  const edges = units.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    totalCount,
    edges,
    nodes: units,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor },
  };
}
