select code, name, level::text as level
from admin_unit
where code_list = ? and geom is null
order by code
