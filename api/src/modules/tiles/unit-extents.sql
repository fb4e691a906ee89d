-- Web Mercator extent of the current units of each level, read from the coarsest level of detail
-- (same bounding boxes, fewest vertices). Parameters: code list.
select level::text as level, ST_XMin(box) as xmin, ST_YMin(box) as ymin, ST_XMax(box) as xmax, ST_YMax(box) as ymax
from (
  select u.level, ST_Extent(g.geom_3857) as box
  from tile_geometry g
  join admin_unit u on u.id = g.unit_id
  where g.lod = (select max(lod) from tile_geometry) and u.code_list = ?
  group by u.level
) extents
