-- Stores simplified boundaries (GeoJSON, one row per unit and level of detail). Simplification can
-- make a ring self-touch, so geometry is made valid; a unit whose rings all collapse (a small
-- island, which has no neighbour to leave a gap against) keeps its stored boundary.
-- Parameters: geo_import id, JSON array of {unit_id, lod, geometry}.
insert into tile_geometry (unit_id, lod, geom, geom_3857, geo_import_id)
select r.unit_id, r.lod, g.geom, ST_Transform(g.geom, 3857), ?
from json_to_recordset(?::json) as r(unit_id int, lod int, geometry json)
join admin_unit u on u.id = r.unit_id
cross join lateral (
  select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326)), 3)) as simplified
) s
cross join lateral (
  select case when ST_IsEmpty(s.simplified) then u.geom else s.simplified end as geom
) g
where g.geom is not null and not ST_IsEmpty(g.geom)
