-- Store one batch of boundaries of one level. Invalid geometry is repaired with ST_MakeValid and
-- only its polygonal part kept. Holes smaller than the given area (km²) are dropped: dissolving
-- communes into districts and provinces left thousands of sliver gaps that are not enclaves. The
-- parts are unioned again afterwards, because a dropped hole may have held an island part.
-- Reports per feature whether it was repaired, how many rings the cleaning removed (dropped holes,
-- and parts merged by the union), whether it came out
-- empty (rejected) and whether a unit with its code exists.
-- The repair is ST_MakeValid, or with 'noded-rings' the area its noded rings enclose (even–odd, as the
-- post-2025 source assembled its rings): the embedded PostGIS's GEOS fails silently inside
-- ST_MakeValid on a few polygons, and noding answers for them.
-- Parameters: features (jsonb), repair, min hole km² (twice), geometry source, code list, level.
with input as (
  select x.code, x.match, ST_SetSRID(ST_GeomFromGeoJSON(x.geometry), 4326) as g
  from jsonb_to_recordset(?::jsonb) as x(code text, match text, geometry jsonb)
), repaired as (
  select code, match, ST_IsValid(g) as was_valid,
         ST_Multi(ST_CollectionExtract(case when ?::text = 'noded-rings' then ST_BuildArea(ST_Node(ST_Boundary(g))) else ST_MakeValid(g) end, 3)) as g
  from input
), cleaned as (
  select r.code, r.match, r.was_valid, ST_NRings(r.g) as rings_before,
         case when ?::float8 > 0 and not ST_IsEmpty(r.g) then (
           select ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(ST_MakePolygon(
                    ST_ExteriorRing(part.geom),
                    array(select ST_InteriorRingN(part.geom, n)
                          from generate_series(1, ST_NumInteriorRings(part.geom)) n
                          where ST_Area(ST_MakePolygon(ST_InteriorRingN(part.geom, n))::geography) >= ?::float8 * 1e6)))), 3))
           from ST_Dump(r.g) part
         ) else r.g end as g
  from repaired r
), stored as (
  update admin_unit u
  set geom = r.g,
      geom_source = ?,
      geom_match = r.match,
      geom_repaired = not r.was_valid
  from cleaned r
  where u.code = r.code and u.code_list = ? and u.level = ?::admin_level and not ST_IsEmpty(r.g)
  returning u.code
)
select r.code,
       not r.was_valid as repaired,
       r.rings_before - ST_NRings(r.g) as rings_removed,
       ST_IsEmpty(r.g) as empty,
       exists (select 1 from stored s where s.code = r.code) as stored
from cleaned r
