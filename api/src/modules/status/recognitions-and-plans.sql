-- Included by unit-statuses.sql and unit-colours.sql (sqlFile's `-- include:`): the rules by which
-- a unit counts as recognised, and the tiers its plans aim at, written once for the status and the map.
-- Needs the CTEs `requested` (unit ids) and `assessed` (unit_id) before it.
-- Parameters: year (recognitions), kind, year (withdrawals), year (targets).
recognised as (
  -- A recognition counts until a later withdrawal of the same tier. Demo data never recognises:
  -- only documented or user-entered recognitions count, and a decision is one with a number or a date.
  select r.unit_id, r.tier::text as tier,
         bool_or(r.decision_number is not null or r.decided_on is not null) as decided
  from recognition r
  join requested q on q.id = r.unit_id
  where r.status = 'recognised' and not r.synthetic and r.year <= ?::int and ?::assessment_kind = 'actual'
    and not exists (select 1 from recognition w
                    where w.unit_id = r.unit_id and w.tier = r.tier and w.status = 'withdrawn'
                      and w.year >= r.year and w.year <= ?::int)
  group by r.unit_id, r.tier
), planned as (
  select t.unit_id, t.tier::text as tier
  from target t
  join assessed a on a.unit_id = t.unit_id
  where t.year = ?::int and t.tier is not null
  group by t.unit_id, t.tier
)
