-- One Mapbox Vector Tile encoded by PostGIS (layer "units", feature id = integer GSO code; names
-- only when asked: NULL properties are not encoded).
-- Parameters: z, x, y, extent, buffer (tile units), with names, with names, level of detail, code list, level, extent.
with bounds as (
  select ST_TileEnvelope(?::int, ?::int, ?::int) as env, ?::int as extent, ?::int as buffer
)
select ST_AsMVT(t, 'units', ?::int, 'geom', 'id') as tile
from (
  select u.code::int as id,
         u.code,
         case when ?::boolean then u.name end as name,
         case when ?::boolean then u.short_name end as "shortName",
         u.level::text as level,
         ST_AsMVTGeom(g.geom_3857, b.env, b.extent, b.buffer, true) as geom
  from bounds b
  join tile_geometry g
    on g.lod = ?::int
   and g.geom_3857 && ST_Expand(b.env, (ST_XMax(b.env) - ST_XMin(b.env)) * b.buffer / b.extent)
  join admin_unit u on u.id = g.unit_id
  where u.code_list = ? and u.level = ?::admin_level
  order by u.code
  -- OFFSET 0 keeps the filter below out of this subquery: pushed down, it ran ST_AsMVTGeom twice per row.
  offset 0
) t
where t.geom is not null
