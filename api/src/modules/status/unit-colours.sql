-- What a map colours each requested unit by in a year: unit-statuses.sql without the criteria one by
-- one or the source (a national layer is ~10,000 units, recomputed after every write): the set, the
-- count of criteria met, demo or not, and the tiers recognised (apart by whether a decision is on
-- record) or, for a plan, aimed at. The rules are those of unit-statuses.sql.
-- Parameters: unit ids (int[] literal), set code (nullable), year, year, kind, include demo,
-- year (recognitions), kind, year, year (withdrawals).
with requested as (
  select u.id, u.level from admin_unit u where u.id = any(?::int[])
), level_sets as materialized (
  -- The set depends on the level only: chosen once per level, not once per unit.
  select l.level,
         coalesce(
           (select s.id from criteria_set s where s.code = ?::text),
           (select s.id from criteria_set s
            where s.level = l.level and s.tier = 'standard' and s.province_code is null
              and ?::int between s.valid_from and s.valid_to
            order by s.valid_from desc limit 1)
         ) as set_id
  from (select distinct level from requested) l
), year_assessments as materialized (
  -- The year's assessments once, joined by hash: probing the units' index one unit at a time cost a
  -- national layer twice as much. The count of criteria met is kept on the assessment by triggers
  -- on its items: no item is read.
  select a.unit_id, a.criteria_set_id, a.synthetic, a.criteria_met
  from assessment a
  where a.year = ?::int and a.kind = ?::assessment_kind and (not a.synthetic or ?::boolean)
), assessed as (
  select r.id as unit_id, s.code as set_code, s.criteria_count as criteria_total, a.synthetic, a.criteria_met
  from requested r
  join level_sets c on c.level = r.level
  join criteria_set s on s.id = c.set_id
  join year_assessments a on a.unit_id = r.id and a.criteria_set_id = c.set_id
),
-- include: recognitions-and-plans.sql
, tiers as (
  select unit_id, array_agg(tier) filter (where decided) as recognised, array_agg(tier) filter (where not decided) as undecided
  from recognised group by unit_id
), plans as (
  select unit_id, array_agg(tier) as planned from planned group by unit_id
)
select a.unit_id, a.set_code, a.criteria_total, a.synthetic, a.criteria_met,
       coalesce(t.recognised, '{}') as recognised_tiers,
       coalesce(t.undecided, '{}') as undecided_tiers,
       coalesce(p.planned, '{}') as planned_tiers
from assessed a
left join tiers t on t.unit_id = a.unit_id
left join plans p on p.unit_id = a.unit_id
