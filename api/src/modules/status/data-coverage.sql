-- For a year, the provinces in force that year with documented and with demo statuses of what was
-- achieved, counting units (communes, districts) of each kind. A unit is placed in its province
-- through up to three parents (commune → district → province; a 2019 commune sits under its
-- successor's district). Parameters: year, code list of the provinces.
with placed as (
  select a.unit_id, a.synthetic,
         case when u.level = 'province' then u.id
              when p.level = 'province' then p.id
              when g.level = 'province' then g.id
              else gg.id end as province_id
  from assessment a
  join admin_unit u on u.id = a.unit_id
  left join admin_unit p on p.id = u.parent_id
  left join admin_unit g on g.id = p.parent_id
  left join admin_unit gg on gg.id = g.parent_id
  where a.kind = 'actual' and a.year = ?::int
)
select pr.code, pr.name,
       (count(distinct placed.unit_id) filter (where not placed.synthetic))::int as documented_units,
       (count(distinct placed.unit_id) filter (where placed.synthetic))::int as demo_units
from placed
join admin_unit pr on pr.id = placed.province_id
where pr.code_list = ?::text
group by pr.code, pr.name
order by pr.code
