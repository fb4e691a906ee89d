-- The share of the old unit's area that lies inside the new unit's polygon: the planar intersection
-- of the two lon/lat polygons, its area measured on the WGS 84 spheroid (ST_Area on geography),
-- divided by the old unit's spheroidal area. Parameter: lineage link ids.
update unit_lineage l
set area_share = ST_Area(ST_Intersection(o.geom, n.geom)::geography) / 1e6 / o.area_km2
from admin_unit o, admin_unit n
where l.id = any(?::int[]) and o.id = l.predecessor_id and n.id = l.successor_id
returning l.id
