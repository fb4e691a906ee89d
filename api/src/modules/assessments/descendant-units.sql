-- Units of one level below an ancestor (null = the whole country): the current code list, plus,
-- when a year is given, former units (merged away since) that still existed at the end of it.
-- Parameters: ancestor id, level, ancestor id, current code list, year (nullable, twice).
with recursive below(id) as (
  select id from admin_unit where id = ?::int
  union all
  select u.id from admin_unit u join below b on u.parent_id = b.id
)
select u.id, u.code, u.kind
from admin_unit u
where u.level = ?::admin_level
  and (?::int is null or u.id in (select id from below))
  and (u.code_list = ?
       or (?::int is not null and u.valid_to is not null and u.valid_to > make_date(?::int, 12, 31)))
order by u.code
