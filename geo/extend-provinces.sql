-- A province's territory includes all its districts. Island districts whose polygons come from
-- another source than the communes (Hoàng Sa, Côn Đảo) fall outside the dissolved province
-- outline; add them to it and report which. Parameter: code list.
with outside as (
  select d.parent_id as province_id, d.code as district_code, d.geom
  from admin_unit d
  join admin_unit p on p.id = d.parent_id
  where d.code_list = ? and d.level = 'district' and d.geom is not null and p.geom is not null
    and ST_Area(ST_Difference(d.geom, p.geom)) > 0.001 * ST_Area(d.geom)
), grouped as (
  select province_id, array_agg(district_code order by district_code) as district_codes, ST_Collect(geom) as geom
  from outside
  group by province_id
)
update admin_unit p
set geom = ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(p.geom, g.geom)), 3))
from grouped g
where p.id = g.province_id
returning p.code, g.district_codes
