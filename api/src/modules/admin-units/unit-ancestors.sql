-- Walk up the parent chain of each requested unit; ancestors ordered from the top (province) down.
with recursive chain(id, ancestor_id, depth) as (
  select u.id, u.parent_id, 1
  from admin_unit u
  where u.id = any(?::int[]) and u.parent_id is not null
  union all
  select c.id, p.parent_id, c.depth + 1
  from chain c
  join admin_unit p on p.id = c.ancestor_id
  where p.parent_id is not null
)
select id, array_agg(ancestor_id order by depth desc) as ancestor_ids
from chain
group by id
