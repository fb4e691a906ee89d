-- The status of each requested unit in a year: the assessment of the requested kind under the
-- requested criteria set (or, when none is named, the national standard set for the unit's level
-- valid that year), its criteria by outcome, its source and the date its document states; for what
-- was achieved, the tiers recognised by that year, apart by whether a decision is on record; for a
-- plan, the tier the unit's targets of that year aim at.
-- Parameters: unit ids (int[] literal), set code (nullable), year, year, kind, include demo,
-- year (recognitions), kind, year, year (withdrawals).
with requested as (
  select u.id, u.level from admin_unit u where u.id = any(?::int[])
), chosen as (
  select r.id as unit_id,
         coalesce(
           (select s.id from criteria_set s where s.code = ?::text),
           (select s.id from criteria_set s
            where s.level = r.level and s.tier = 'standard' and s.province_code is null
              and ?::int between s.valid_from and s.valid_to
            order by s.valid_from desc limit 1)
         ) as set_id
  from requested r
), assessed as (
  select c.unit_id, a.id as assessment_id, s.code as set_code, s.criteria_count as criteria_total, a.synthetic,
         d.key as source_key, to_char(d.issued_on, 'YYYY-MM-DD') as stated_on, a.source_ref,
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'met'), '{}') as met,
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'not-met'), '{}') as not_met,
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'unknown'), '{}') as unknown
  from chosen c
  join criteria_set s on s.id = c.set_id
  join assessment a on a.unit_id = c.unit_id and a.criteria_set_id = c.set_id and a.year = ?::int and a.kind = ?::assessment_kind
                   and (not a.synthetic or ?::boolean)
  left join source_document d on d.id = a.source_document_id
  left join assessment_item i on i.assessment_id = a.id
  left join criterion cr on cr.id = i.criterion_id
  group by c.unit_id, a.id, s.code, s.criteria_count, d.key, d.issued_on, a.source_ref
),
-- include: recognitions-and-plans.sql
select a.unit_id, a.assessment_id, a.set_code, a.criteria_total, a.synthetic, a.met, a.not_met, a.unknown,
       a.source_key, a.stated_on, a.source_ref,
       coalesce((select array_agg(g.tier) from recognised g where g.unit_id = a.unit_id and g.decided), '{}') as recognised_tiers,
       coalesce((select array_agg(g.tier) from recognised g where g.unit_id = a.unit_id and not g.decided), '{}') as undecided_tiers,
       coalesce((select array_agg(p.tier) from planned p where p.unit_id = a.unit_id), '{}') as planned_tiers
from assessed a
