import { Args, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../server/context.ts';
import { fromCursor, toCursor } from '../../schema/cursor.ts';
import { PageInfo } from '../admin-units/admin-unit.connection.ts';
import { Role } from '../auth/user.entity.ts';
import { AuditEntry } from './audit-entry.entity.ts';
import { AuditTrailArgs } from './audit-trail.args.ts';

@ObjectType({ description: 'A page of audit entries, newest first' })
export class AuditEntryConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AuditEntry])
  nodes!: AuditEntry[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

const encodeCursor = (id: number) => toCursor('audit', String(id));
const decodeCursor = (cursor: string) => Number(fromCursor('audit', cursor, /^(\d{1,12})$/)[1]);

@Resolver(() => AuditEntry)
export class AuditTrailResolver {
  @Query(() => AuditEntryConnection, { description: 'Who wrote what, when, before and after, and refused attempts; admins only' })
  async auditTrail(@Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: RequestContext): Promise<AuditEntryConnection> {
    ctx.access.requireRole(Role.ADMIN);
    const f = args.filter ?? {};
    const where: FilterQuery<AuditEntry> = {
      ...(f.actor ? { actorUsername: f.actor.toLowerCase() } : {}),
      ...(f.action ? { action: f.action } : {}),
      ...(f.entity ? { entity: f.entity } : {}),
      ...(f.unitCode ? { unitCode: f.unitCode } : {}),
      ...(f.outcome ? { outcome: f.outcome } : {}),
      ...(f.importBatchId ? { importBatchId: f.importBatchId } : {}),
    };
    const page = args.after ? { ...where, id: { $lt: decodeCursor(args.after) } } : where;
    const rows = await ctx.em.find(AuditEntry, page, { orderBy: { id: 'desc' }, limit: args.first + 1 });
    const totalCount = await ctx.em.count(AuditEntry, where);
    const nodes = rows.slice(0, args.first);
    return {
      totalCount,
      nodes,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: nodes.length ? encodeCursor(nodes.at(-1)!.id) : undefined },
    };
  }
}
