-- Insert assessments with one item per criterion of their set: met, not met, or unknown when the
-- source does not say. Parameter: jsonb array of
-- {unit_id, criteria_set_id, year, kind, synthetic, source_document_id, source_ref, as_written, note, met[], not_met[]}.
with input as (
  select *
  from jsonb_to_recordset(?::jsonb) as x(
    unit_id int, criteria_set_id int, year int, kind text, synthetic boolean, source_document_id int,
    source_ref text, as_written text, note text, met jsonb, not_met jsonb
  )
), inserted as (
  insert into assessment (unit_id, criteria_set_id, year, kind, synthetic, source_document_id, source_ref, as_written, note)
  select unit_id, criteria_set_id, year, kind::assessment_kind, synthetic, source_document_id, source_ref, as_written, note
  from input
  returning id, unit_id, criteria_set_id, year, kind
)
insert into assessment_item (assessment_id, criterion_id, status)
select a.id, c.id,
       case when x.met @> to_jsonb(c.number) then 'met'
            when x.not_met @> to_jsonb(c.number) then 'not-met'
            else 'unknown' end::item_status
from inserted a
join input x on x.unit_id = a.unit_id and x.criteria_set_id = a.criteria_set_id and x.year = a.year and x.kind::assessment_kind = a.kind
join criterion c on c.criteria_set_id = a.criteria_set_id
