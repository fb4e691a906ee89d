-- Attributes and geometry of the requested units, in code order. The geometry is simplified when a
-- tolerance (degrees) is given, flipped to latitude-first when EPSG:4326 axis order is asked, and
-- written as GeoJSON, WKB (hex, GeoPackage) or WKT (CSV) as the output asks.
-- Parameters: ids, simplify, flip, output ('geojson' | 'wkb' | 'wkt').
with params as (
  select ?::int[] as ids, ?::float8 as simplify, ?::boolean as flip, ?::text as output
), shaped as (
  select u.id, u.code, u.name, u.short_name, u.kind, u.level::text as level, u.code_list,
         u.valid_from::text as valid_from, u.valid_to::text as valid_to, u.area_km2,
         case u.level when 'province' then u.code when 'district' then p.code else g.code end as province_code,
         case u.level when 'province' then u.short_name when 'district' then p.short_name else g.short_name end as province_name,
         case u.level when 'district' then u.code when 'commune' then p.code end as district_code,
         case u.level when 'district' then u.short_name when 'commune' then p.short_name end as district_name,
         exists(select 1 from unit_flag f where f.unit_id = u.id and f.flag = 'border') as border,
         exists(select 1 from unit_flag f where f.unit_id = u.id and f.flag = 'dbkk') as dbkk,
         ST_Multi(case when q.simplify > 0 then ST_SimplifyPreserveTopology(u.geom, q.simplify) else u.geom end) as shape,
         q.flip, q.output
  from admin_unit u
  cross join params q
  left join admin_unit p on p.id = u.parent_id
  left join admin_unit g on g.id = p.parent_id
  where u.id = any(q.ids)
)
select id, code, name, short_name, kind, level, code_list, valid_from, valid_to, area_km2,
       province_code, province_name, district_code, district_name, border, dbkk,
       case when output = 'geojson' then ST_AsGeoJSON(case when flip then ST_FlipCoordinates(shape) else shape end, 6) end as geojson,
       case when output = 'wkb' then encode(ST_AsBinary(shape, 'NDR'), 'hex') end as wkb,
       case when output = 'wkt' then ST_AsText(case when flip then ST_FlipCoordinates(shape) else shape end, 6) end as wkt,
       ST_XMin(shape) as xmin, ST_YMin(shape) as ymin, ST_XMax(shape) as xmax, ST_YMax(shape) as ymax
from shaped
order by code
