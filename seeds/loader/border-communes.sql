-- Communes on the national land border, derived from the boundaries. For each province, the union
-- of it and every province near it has an outer outline that, next to the province, is national
-- border or coast; the gaps between provinces become holes of the union and so do not count.
-- A commune whose outline runs within 200 m of that outline for more than 1 km is a border
-- commune. Only for provinces without a coast, where that outline is all land border. The outline
-- is cut into short pieces so each commune is compared with the few pieces next to it; the CTEs
-- are materialised because the planner otherwise recomputes the union per commune (0.5 s vs 30 s).
-- Parameters: code list, province codes (text[] literal), code list.
with province as (
  select p.id, p.geom
  from admin_unit p
  where p.code_list = ? and p.level = 'province' and p.code = any(?::text[])
), pieces as materialized (
  select pr.id as province_id, ST_Subdivide(ST_ExteriorRing(part.geom), 32) as piece
  from province pr
  cross join lateral ST_Dump(ST_Union(ARRAY(
    select n.geom from admin_unit n
    where n.level = 'province' and n.code_list = ? and n.geom && ST_Expand(pr.geom, 0.5)
  ))) part
), near as materialized (
  select c.id, c.code, d.parent_id as province_id, ST_Buffer(ST_Boundary(c.geom), 0.002) as zone
  from admin_unit c
  join admin_unit d on d.id = c.parent_id
  where c.level = 'commune' and c.kind = 'Xã' and c.geom is not null
    and exists (select 1 from pieces p where p.province_id = d.parent_id and p.piece && ST_Expand(c.geom, 0.002))
)
select n.code
from near n
join pieces p on p.province_id = n.province_id and p.piece && n.zone
group by n.code
having sum(ST_Length(ST_Intersection(p.piece, n.zone)::geography)) > 1000
order by n.code
