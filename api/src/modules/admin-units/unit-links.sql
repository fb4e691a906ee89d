-- Lineage links of units, in one direction: for each unit the units before (predecessors) or after
-- (successors) it, with how much of the predecessor went. Parameters: unit ids, direction
-- ('predecessors' or 'successors', twice).
select case when ? = 'predecessors' then l.successor_id else l.predecessor_id end as unit_id,
       case when ? = 'predecessors' then l.predecessor_id else l.successor_id end as other_id,
       l.effective_date::text as effective_date, l.kind::text as kind, l.partial, l.area_share, l.source
from unit_lineage l
where (case when ? = 'predecessors' then l.successor_id else l.predecessor_id end) = any(?::int[])
order by l.effective_date, l.id
