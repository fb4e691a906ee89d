-- The links whose area share is computed: every link of an old unit the crosswalk splits (any
-- partial part), when both polygons are known. Parameters: effective date, new code list.
select l.id
from unit_lineage l
join admin_unit o on o.id = l.predecessor_id
join admin_unit n on n.id = l.successor_id
where l.effective_date = ?::date and n.code_list = ?
  and o.geom is not null and n.geom is not null and o.area_km2 > 0
  and exists (select 1 from unit_lineage p where p.predecessor_id = l.predecessor_id and p.effective_date = l.effective_date and p.partial)
order by l.id
