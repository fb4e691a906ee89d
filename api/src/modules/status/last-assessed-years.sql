-- For each unit, the last year up to a limit with an actual (not planned) assessment: the last
-- documented one when there is any, else the last synthetic (demo) one.
-- Parameters: unit ids, last year.
select unit_id,
       coalesce(max(year) filter (where not synthetic), max(year))::int as year
from assessment
where unit_id = any(?::int[]) and kind = 'actual' and year <= ?::int
group by unit_id
