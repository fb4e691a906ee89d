-- Synthetic national statuses for one batch of commune-years: an assessment, one item per criterion
-- (met or not met: synthetic assessments are complete) and a value for every indicator of the set.
-- An existing assessment for the same commune, set, year and kind is never touched (on conflict do
-- nothing), and only newly inserted assessments get items and values: re-running adds nothing.
-- Indicator values are drawn from md5(seed, commune, year, indicator): reproducible, and on the met
-- side of the criterion when it is met.
-- Parameters: unit ids, set ids, years, met bitmasks (bit n = criterion n), note, seed.
with input as (
  select * from unnest(?::int[], ?::int[], ?::int[], ?::int[]) as x(unit_id, criteria_set_id, year, met_mask)
), inserted as (
  insert into assessment (unit_id, criteria_set_id, year, kind, synthetic, note)
  select unit_id, criteria_set_id, year, 'actual', true, ?::text
  from input
  on conflict (unit_id, criteria_set_id, year, kind) do nothing
  returning id, unit_id, criteria_set_id, year, note
), items as (
  insert into assessment_item (assessment_id, criterion_id, status)
  select a.id, c.id, case when (x.met_mask >> c.number) & 1 = 1 then 'met' else 'not-met' end::item_status
  from inserted a
  join input x on x.unit_id = a.unit_id and x.criteria_set_id = a.criteria_set_id and x.year = a.year
  join criterion c on c.criteria_set_id = a.criteria_set_id
  returning assessment_id
), drawn as (
  select a.unit_id, a.criteria_set_id, a.year, a.note, i.code, i.unit,
         (x.met_mask >> c.number) & 1 = 1 as met,
         ('x' || substr(md5(?::text || ':' || a.unit_id || ':' || a.year || ':' || i.code), 1, 8))::bit(32)::bigint::float8 / 4294967296.0 as r
  from inserted a
  join input x on x.unit_id = a.unit_id and x.criteria_set_id = a.criteria_set_id and x.year = a.year
  join criterion c on c.criteria_set_id = a.criteria_set_id
  join indicator i on i.criterion_id = c.id
), valued as (
  select d.*,
         case when d.unit is null then null
              when d.unit like '%\%%' then round((case when d.met then 80 + 20 * d.r else 20 + 60 * d.r end)::numeric, 1)::float8
              else round((case when d.met then 45 + 30 * d.r else 15 + 30 * d.r end)::numeric, 1)::float8 end as number
  from drawn d
)
insert into indicator_value (unit_id, criteria_set_id, indicator_code, year, kind, value, value_number, unit_of_measure, synthetic, note)
select unit_id, criteria_set_id, code, year, 'actual',
       case when number is null then case when met then 'Đạt' else 'Chưa đạt' end else number::text end,
       number, unit, true, note
from valued
