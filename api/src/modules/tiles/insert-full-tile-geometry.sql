-- Level of detail 0: the stored boundaries themselves. Parameters: geo_import id, code list.
insert into tile_geometry (unit_id, lod, geom, geom_3857, geo_import_id)
select id, 0, geom, ST_Transform(geom, 3857), ?
from admin_unit
where code_list = ? and geom is not null
