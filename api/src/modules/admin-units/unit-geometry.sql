-- GeoJSON of each unit's boundary. Tolerance 0 returns the stored geometry; otherwise
-- ST_SimplifyPreserveTopology keeps every polygon valid (it may open slivers between neighbours,
-- which is why the map uses vector tiles at large scales).
select id,
       ST_AsGeoJSON(
         ST_Multi(case when ?::float8 > 0 then ST_SimplifyPreserveTopology(geom, ?::float8) else geom end),
         6
       ) as geometry
from admin_unit
where id = any(?::int[])
