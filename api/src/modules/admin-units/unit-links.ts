import type { AdminUnit } from './admin-unit.entity.ts';
import { LineagePart, type UnitLink } from './unit-link.type.ts';
import type { RequestContext } from '../../server/context.ts';

/** A unit's lineage links in one direction, batched per request through the loaders. */
export async function linksOf(unit: AdminUnit, direction: 'predecessors' | 'successors', ctx: RequestContext): Promise<UnitLink[]> {
  const rows = await ctx.loaders.units[direction].load(unit.id);
  const others = await ctx.loaders.units.byId.loadMany(rows.map((r) => r.other_id));
  return rows.flatMap((row, i) => {
    const other = others[i];
    if (!other || other instanceof Error) return [];
    return [
      {
        unit: other,
        effectiveDate: row.effective_date,
        kind: row.kind,
        part: row.partial ? LineagePart.PARTIAL : LineagePart.FULL,
        areaShare: row.area_share ?? undefined,
        source: row.source,
      },
    ];
  });
}
