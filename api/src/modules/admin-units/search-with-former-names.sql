-- Units found by a name: those whose own name, or a spelling a document uses for them (aliases),
-- matches, and those that descend, through the lineage of one or more reforms, from a unit whose
-- name matches. For each unit, the former units whose name matched (empty when only its own name
-- did). Villages, which no code list holds, are found in any list. Parameters: folded search pattern
-- (LIKE), the same pattern, code list (null = any list).
with recursive hit(id, matched_id, depth) as (
  select u.id, u.id, 0
  from admin_unit u
  where u.name_search like ? escape '\'
     or exists (select 1 from admin_unit_alias a where a.unit_id = u.id and a.name_search like ? escape '\')
  union
  select l.successor_id, h.matched_id, h.depth + 1
  from hit h
  join unit_lineage l on l.predecessor_id = h.id
  where h.depth < 4
)
select h.id,
       coalesce(array_agg(distinct h.matched_id) filter (where h.matched_id <> h.id), '{}') as former_ids
from hit h
join admin_unit u on u.id = h.id
where ?::text is null or u.code_list = ?::text or u.level = 'village'
group by h.id
