-- Units of a code list with the names of their district (none on the two-level list) and province:
-- every unit of the given levels, or only those at or below one unit (an export of one province or district).
-- Parameters: unit id or null, the same again, levels, code list.
with recursive below(id) as (
  select id from admin_unit where id = ?::int
  union all
  select u.id from admin_unit u join below b on u.parent_id = b.id
)
select u.id, u.code, u.name, u.short_name, u.level::text as level,
       case when u.level = 'commune' and p.level = 'district' then p.name end as district_name,
       case when u.level = 'province' then null when p.level = 'province' then p.name else gp.name end as province_name
from admin_unit u
left join admin_unit p on p.id = u.parent_id
left join admin_unit gp on gp.id = p.parent_id
where (?::int is null or u.id in (select id from below)) and u.level = any(?::admin_level[]) and u.code_list = ?
order by u.code
