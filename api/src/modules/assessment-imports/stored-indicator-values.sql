-- Actual indicator values of these units in these years (the first by id is the one a template
-- cell shows). Parameters: unit ids (int[]), years (int[]).
select id, unit_id, criteria_set_id, indicator_code, year, value
from indicator_value
where kind = 'actual' and indicator_code is not null and criteria_set_id is not null
  and unit_id = any(?::int[]) and year = any(?::int[])
order by id
