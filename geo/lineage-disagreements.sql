-- Where the crosswalk and the polygons disagree beyond a tolerance (a fraction of area):
-- `old-split`: an old unit split by the crosswalk whose computed shares do not add up to 1;
-- `new-union`: a new unit whose predecessors' area (whole units for full parts, the computed share
--   for partial ones) differs from its own polygon's area.
-- Both compare spheroidal areas; old (GADM-derived) and new (gis.vn) polygons come from different
-- sources, so the tolerance must absorb their ordinary edge differences.
-- Parameters: effective date, new code list, tolerance, effective date, new code list, tolerance.
select 'old-split' as disagreement, o.id as unit_id, o.code, o.name, o.area_km2 as unit_km2,
       sum(l.area_share) * o.area_km2 as linked_km2,
       string_agg(n.code || ' ' || n.name || ': ' || round((l.area_share * 100)::numeric, 1) || ' %', '; ' order by n.code) as parts
from unit_lineage l
join admin_unit o on o.id = l.predecessor_id
join admin_unit n on n.id = l.successor_id
where l.effective_date = ?::date and n.code_list = ? and l.partial
group by o.id, o.code, o.name, o.area_km2
having bool_and(l.area_share is not null) and abs(sum(l.area_share) - 1) > ?::float8
union all
select 'new-union', n.id, n.code, n.name, n.area_km2,
       sum(case when l.partial then l.area_share * o.area_km2 else o.area_km2 end),
       string_agg(o.code || ' ' || o.name || case when l.partial then ' (partial, ' || round((l.area_share * 100)::numeric, 1) || ' %)' else '' end, '; ' order by o.code)
from unit_lineage l
join admin_unit o on o.id = l.predecessor_id
join admin_unit n on n.id = l.successor_id
where l.effective_date = ?::date and n.code_list = ?
group by n.id, n.code, n.name, n.area_km2
having n.area_km2 > 0 and bool_and(o.area_km2 is not null and (not l.partial or l.area_share is not null))
   and abs(sum(case when l.partial then l.area_share * o.area_km2 else o.area_km2 end) / n.area_km2 - 1) > ?::float8
order by 1, 3
