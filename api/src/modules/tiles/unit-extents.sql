-- Web Mercator extent of the units of each code list and level that have tile geometry, read from
-- the coarsest level of detail (same bounding boxes, fewest vertices).
select code_list as "codeList", level::text as level, ST_XMin(box) as xmin, ST_YMin(box) as ymin, ST_XMax(box) as xmax, ST_YMax(box) as ymax
from (
  select u.code_list, u.level, ST_Extent(g.geom_3857) as box
  from tile_geometry g
  join admin_unit u on u.id = g.unit_id
  where g.lod = (select max(lod) from tile_geometry)
  group by u.code_list, u.level
) extents
order by code_list, level
