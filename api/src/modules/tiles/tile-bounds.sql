-- Longitude/latitude bounds of the units of one level in a code list (from each unit's stored bbox),
-- for TileJSON. Parameters: code list, level.
select min(u.bbox[1]) as west, min(u.bbox[2]) as south, max(u.bbox[3]) as east, max(u.bbox[4]) as north
from admin_unit u
where u.code_list = ? and u.level::text = ? and u.geom is not null
