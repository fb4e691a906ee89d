-- Sets item statuses, adding items a stored assessment lacks.
-- Parameters: assessment ids (int[]), criterion ids (int[]), statuses (item_status[]), same length.
insert into assessment_item (assessment_id, criterion_id, status)
select t.assessment_id, t.criterion_id, t.status
from unnest(?::int[], ?::int[], ?::item_status[]) as t(assessment_id, criterion_id, status)
on conflict (assessment_id, criterion_id) do update set status = excluded.status
