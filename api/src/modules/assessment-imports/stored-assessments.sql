-- Actual assessments of these units in these years, one row per item, for comparing an import
-- against what is stored. Parameters: unit ids (int[]), years (int[]).
select a.id as assessment_id, a.unit_id, a.criteria_set_id, a.year, a.synthetic, c.number, i.status::text as status
from assessment a
join assessment_item i on i.assessment_id = a.id
join criterion c on c.id = i.criterion_id
where a.kind = 'actual' and a.unit_id = any(?::int[]) and a.year = any(?::int[])
order by a.id, c.number
