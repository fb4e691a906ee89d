import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AdminUnit } from './admin-unit.entity.ts';
import { AdminUnitConnection } from './admin-unit.connection.ts';
import { GeometryArgs, UnitArgs, UnitsArgs } from './admin-unit.args.ts';
import { AdminUnitService } from './admin-unit.service.ts';
import { GeoJSONScalar } from '../../schema/geojson.scalar.ts';
import type { RequestContext } from '../../server/context.ts';
import { UnitLink } from './unit-link.type.ts';
import { linksOf } from './unit-links.ts';
import { UnitAlias } from './unit-alias.entity.ts';

const service = (ctx: RequestContext) => new AdminUnitService(ctx.em.getRepository(AdminUnit), ctx.services.statuses, ctx.demoByDefault);

@Resolver(() => AdminUnit)
export class AdminUnitResolver {
  @Query(() => AdminUnitConnection, { description: 'Units of the administrative hierarchy, a page at a time' })
  units(@Args(() => UnitsArgs) args: UnitsArgs, @Ctx() ctx: RequestContext): Promise<AdminUnitConnection> {
    return service(ctx).list(args);
  }

  @Query(() => AdminUnit, {
    description:
      'One unit by GSO code and date. Codes are re-used across reforms (15 was Tỉnh Yên Bái until 30/06/2025, is Tỉnh Lào Cai since), ' +
      'so a code means a unit only on a date: asOf (default today), or a code list. NOT_FOUND when no unit has it',
  })
  unit(@Args(() => UnitArgs) { code, codeList, asOf }: UnitArgs, @Ctx() ctx: RequestContext): Promise<AdminUnit> {
    return service(ctx).getByCode(code, { codeList, asOf });
  }

  @FieldResolver(() => [UnitLink], { description: 'Units merged or split into this one, oldest reform first, with part and area share' })
  predecessors(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<UnitLink[]> {
    return linksOf(unit, 'predecessors', ctx);
  }

  @FieldResolver(() => [UnitLink], { description: 'Units this one was merged or split into, with part and area share' })
  successors(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<UnitLink[]> {
    return linksOf(unit, 'successors', ctx);
  }

  @FieldResolver(() => [UnitAlias], {
    description: 'Spellings of the name found in source documents that differ from the code list’s (search finds the unit by them), each with its document',
  })
  aliases(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<UnitAlias[]> {
    return ctx.loaders.aliases.load(unit.id);
  }

  @FieldResolver(() => AdminUnit, { nullable: true })
  async parent(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<AdminUnit | null> {
    return unit.parent ? ctx.loaders.units.byId.load(unit.parent.id) : null;
  }

  // A district has up to ~40 communes: cost the list as 40 of whatever is asked of each child.
  @FieldResolver(() => [AdminUnit], {
    description: 'Direct children ordered by code',
    complexity: ({ childComplexity }) => 1 + 40 * childComplexity,
  })
  children(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<AdminUnit[]> {
    return ctx.loaders.units.children.load(unit.id);
  }

  @FieldResolver(() => [AdminUnit], { description: 'From the province down to the parent' })
  async ancestors(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<AdminUnit[]> {
    const ids = await ctx.loaders.units.ancestorIds.load(unit.id);
    const units = await ctx.loaders.units.byId.loadMany(ids);
    return units.filter((u): u is AdminUnit => u !== null && !(u instanceof Error));
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'Point inside-or-near the unit (centroid)' })
  centroid(@Root() unit: AdminUnit, @Ctx() ctx: RequestContext): Promise<object | null> {
    return ctx.loaders.units.centroid.load(unit.id);
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description: 'Boundary as a GeoJSON MultiPolygon; null when no polygon is known',
    complexity: 10,
  })
  geometry(@Root() unit: AdminUnit, @Args(() => GeometryArgs) { simplify }: GeometryArgs, @Ctx() ctx: RequestContext): Promise<object | null> {
    return ctx.loaders.units.geometry.load(`${unit.id}:${simplify}`);
  }
}
