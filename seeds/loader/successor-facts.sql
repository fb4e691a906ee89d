-- The new communes (xã) of the seed provinces in the code list in force from 2025-07-01, each with
-- its predecessors (lineage of 2025-07-01), their last national-standard actual status up to 2024
-- (documented before demo in the same year) and their highest recognition.
-- Parameters: code list, province codes (text[]).
select c.id as unit_id, c.code, p0.code_list as predecessor_code_list, p0.code as predecessor_code,
       last.year as last_year, last.set_code, last.criteria_count, last.met, last.synthetic,
       rec.tier as recognised_tier, rec.year as recognised_year, rec.decision_number, rec.synthetic as recognition_synthetic
from admin_unit c
join admin_unit prov on prov.id = c.parent_id
join unit_lineage l on l.successor_id = c.id and l.effective_date = date '2025-07-01'
join admin_unit p0 on p0.id = l.predecessor_id
left join lateral (
  select a.year, s.code as set_code, s.criteria_count, a.synthetic,
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'met'), '{}') as met
  from assessment a
  join criteria_set s on s.id = a.criteria_set_id
  left join assessment_item i on i.assessment_id = a.id
  left join criterion cr on cr.id = i.criterion_id
  where a.unit_id = p0.id and a.kind = 'actual' and a.year <= 2024
    and s.level = 'commune' and s.tier = 'standard' and s.province_code is null
  group by a.id, a.year, s.code, s.criteria_count, a.synthetic
  order by a.year desc, a.synthetic asc, a.id
  limit 1
) last on true
left join lateral (
  select r.tier::text as tier, r.year, r.decision_number, r.synthetic
  from recognition r
  where r.unit_id = p0.id and r.status = 'recognised'
  order by case r.tier when 'model' then 3 when 'advanced' then 2 else 1 end desc, r.year, r.id
  limit 1
) rec on true
where c.code_list = ?::text and c.level = 'commune' and c.kind = 'Xã' and prov.code = any(?::text[])
order by c.code, p0.code_list, p0.code
