-- Every unit of the current code list with its district's and province's names, for resolving the
-- units an import names. Parameter: current code list.
select u.id, u.code, u.name, u.short_name, u.level::text as level,
       case u.level when 'commune' then p.name end as district_name,
       case u.level when 'commune' then gp.name when 'district' then p.name end as province_name
from admin_unit u
left join admin_unit p on p.id = u.parent_id
left join admin_unit gp on gp.id = p.parent_id
where u.code_list = ? and u.level in ('province', 'district', 'commune')
