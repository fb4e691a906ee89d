-- The units a tile shows, clipped to the tile and its buffer, as GeoJSON (EPSG:4326) for the Node
-- encoder (the embedded PostGIS has no ST_AsMVT). Same selection as tile-mvt.sql.
-- Parameters: z, x, y, extent, buffer (tile units), with names, with names, level of detail, code list, level.
with bounds as (
  select ST_TileEnvelope(?::int, ?::int, ?::int) as env, ?::int as extent, ?::int as buffer
), clip as (
  select ST_Expand(env, (ST_XMax(env) - ST_XMin(env)) * buffer / extent) as box from bounds
)
select u.code,
       case when ?::boolean then u.name end as name,
       case when ?::boolean then u.short_name end as "shortName",
       u.level::text as level,
       ST_AsGeoJSON(ST_Transform(ST_ClipByBox2D(g.geom_3857, c.box), 4326), 7) as geometry
from clip c
join tile_geometry g on g.lod = ?::int and g.geom_3857 && c.box
join admin_unit u on u.id = g.unit_id
where u.code_list = ? and u.level = ?::admin_level
order by u.code
