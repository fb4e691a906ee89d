-- The status of each requested unit in a year: the assessment of the requested kind under the
-- requested criteria set (or, when none is named, the national standard set for the unit's level
-- valid that year), its criteria by outcome, and the highest tier recognised by that year.
-- Parameters: unit ids (int[] literal), set code (nullable), year, kind, year.
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
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'met'), '{}') as met,
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'not-met'), '{}') as not_met,
         coalesce(array_agg(cr.number order by cr.number) filter (where i.status = 'unknown'), '{}') as unknown
  from chosen c
  join criteria_set s on s.id = c.set_id
  join assessment a on a.unit_id = c.unit_id and a.criteria_set_id = c.set_id and a.year = ?::int and a.kind = ?::assessment_kind
  left join assessment_item i on i.assessment_id = a.id
  left join criterion cr on cr.id = i.criterion_id
  group by c.unit_id, a.id, s.code, s.criteria_count
), recognised as (
  -- A recognition counts until a later withdrawal of the same tier.
  select r.unit_id, r.tier::text as tier, bool_and(r.synthetic) as synthetic
  from recognition r
  join requested q on q.id = r.unit_id
  where r.status = 'recognised' and r.year <= ?::int
    and not exists (select 1 from recognition w
                    where w.unit_id = r.unit_id and w.tier = r.tier and w.status = 'withdrawn'
                      and w.year >= r.year and w.year <= ?::int)
  group by r.unit_id, r.tier
)
select a.unit_id, a.assessment_id, a.set_code, a.criteria_total, a.synthetic, a.met, a.not_met, a.unknown,
       coalesce(array_agg(g.tier) filter (where g.tier is not null), '{}') as recognised_tiers,
       coalesce(bool_or(g.synthetic), false) as recognition_synthetic
from assessed a
left join recognised g on g.unit_id = a.unit_id
group by a.unit_id, a.assessment_id, a.set_code, a.criteria_total, a.synthetic, a.met, a.not_met, a.unknown
