-- Units of one level in the current code list: the unit itself or those below it, with the names
-- of their district and province. Parameters: unit id, level, current code list.
with recursive below(id) as (
  select id from admin_unit where id = ?::int
  union all
  select u.id from admin_unit u join below b on u.parent_id = b.id
)
select u.id, u.code, u.name, u.short_name, u.level::text as level,
       case u.level when 'commune' then p.name end as district_name,
       case u.level when 'commune' then gp.name when 'district' then p.name end as province_name
from admin_unit u
left join admin_unit p on p.id = u.parent_id
left join admin_unit gp on gp.id = p.parent_id
where u.id in (select id from below) and u.level = ?::admin_level and u.code_list = ?
order by u.code
