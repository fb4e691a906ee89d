-- Stored boundaries of one level of a code list as GeoJSON, for topology-aware simplification.
-- Parameters: code list, level.
select id, ST_AsGeoJSON(geom, 7) as geometry
from admin_unit
where code_list = ? and level = ?::admin_level and geom is not null
order by id
