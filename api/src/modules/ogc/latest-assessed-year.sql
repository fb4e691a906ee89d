-- The latest year with an assessment of what was achieved (kind actual) for units of this level:
-- the status year a feature request shows when it names none.
select max(a.year)::int as year
from assessment a
join admin_unit u on u.id = a.unit_id
where a.kind = 'actual' and u.level::text = ?
