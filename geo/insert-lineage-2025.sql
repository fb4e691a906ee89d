-- The links of the 2025 reform, old unit → new unit, as the crosswalk states them. For an old unit
-- the crosswalk splits (any `partial` part), each part gets the share of the old unit's area that
-- lies inside the new unit's polygon: the planar intersection of the two lon/lat polygons, its area
-- measured on the WGS 84 spheroid (ST_Area on geography), divided by the old unit's spheroidal area.
-- Full parts keep area_share null (the whole unit went). Links whose old or new code is not in its
-- list are left out (the caller compares counts).
-- Parameters: links (jsonb), old code list, new code list, effective date, source.
with link as (
  select x.level, x.old_code, x.new_code, x.part
  from jsonb_to_recordset(?::jsonb) as x(level text, old_code text, new_code text, part text)
), resolved as (
  select o.id as old_id, n.id as new_id, l.part, o.geom as old_geom, n.geom as new_geom, o.area_km2 as old_area,
         bool_or(l.part = 'partial') over (partition by o.id) as old_split
  from link l
  -- Codes are unique within a list; the level is not matched, because five island districts without
  -- communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) became special-zone communes (đặc khu).
  join admin_unit o on o.code = l.old_code and o.code_list = ?
  join admin_unit n on n.code = l.new_code and n.code_list = ?
)
insert into unit_lineage (predecessor_id, successor_id, effective_date, kind, partial, area_share, source)
select r.old_id, r.new_id, ?::date,
       (case when r.part = 'partial' then 'split' else 'merge' end)::lineage_kind,
       r.part = 'partial',
       case when r.old_split and r.old_geom is not null and r.new_geom is not null and r.old_area > 0
            then ST_Area(ST_Intersection(r.old_geom, r.new_geom)::geography) / 1e6 / r.old_area end,
       ?
from resolved r
