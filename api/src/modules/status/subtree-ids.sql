-- A unit and every unit below it, in any code list (former communes included). Parameter: unit id.
with recursive subtree(id) as (
  select ?::int
  union all
  select u.id from admin_unit u join subtree s on u.parent_id = s.id
)
select id from subtree
