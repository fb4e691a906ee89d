-- Centroid, bounding box and ellipsoidal area follow the stored geometry. Parameter: code list.
update admin_unit
set centroid = case when geom is null then null else ST_Centroid(geom) end,
    bbox = case when geom is null then null else array[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)] end,
    area_km2 = case when geom is null then null else ST_Area(geom::geography) / 1e6 end
where code_list = ?
