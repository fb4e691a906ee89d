select id, ST_AsGeoJSON(centroid, 6) as centroid
from admin_unit
where id = any(?::int[])
