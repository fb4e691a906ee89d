-- Units of one level below an ancestor (null = the whole country): a code list (the one in force),
-- plus, when a year is given, former units (merged away since) that still existed at the end of it.
-- Each with the codes of its district (none on the two-level list) and province, for grouping.
-- Parameters: ancestor id, level, ancestor id, code list, year (nullable, twice).
with recursive below(id) as (
  select id from admin_unit where id = ?::int
  union all
  select u.id from admin_unit u join below b on u.parent_id = b.id
)
select u.id, u.code, u.kind,
       case when u.level = 'district' then u.code when p.level = 'district' then p.code end as district_code,
       case when u.level = 'province' then u.code when p.level = 'province' then p.code else gp.code end as province_code
from admin_unit u
left join admin_unit p on p.id = u.parent_id
left join admin_unit gp on gp.id = p.parent_id
where u.level = ?::admin_level
  and (?::int is null or u.id in (select id from below))
  and (u.code_list = ?
       or (?::int is not null and u.valid_to is not null and u.valid_to > make_date(?::int, 12, 31)))
order by u.code
