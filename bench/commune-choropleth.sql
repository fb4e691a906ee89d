-- The national commune choropleth as a PostGraphile user would expose it: one SQL function, read by
-- PostGraphile's introspection as a root query field (`communeChoropleth(year: Int!)`, a plain list:
-- the smart tag below turns the default connection off). Created by bench/run-bench.ts in the
-- bench's scratch database only, before the PostGraphile peer starts; never part of the app's schema.
--
-- The same semantics as the API's choroplethColumns(level: COMMUNE, year) with the server defaults
-- (kind actual, demo data included, no set named), reproduced from api/src/modules/status/
-- (descendant-units.sql, unit-statuses.sql, status.service.ts computeChoropleth, band.ts):
--   - the communes of the code list in force on 31 December of the year (gso-2025-03 before
--     01/07/2025, gso-2025-07 from then), ordered by code, every one of them listed;
--   - each assessed against the national standard set of the commune level valid that year (the
--     newest first), kind actual, demo assessments included;
--   - criteria met = items with status met; criteria total = the set's criteria count;
--   - band "recognised" when a recognition by decision (a number or a date, not demo) holds by that
--     year and no later withdrawal of the same tier by that year; otherwise the set's band whose
--     [min, max] holds the count (the first such, in the set's order); tier = the highest such tier;
--   - no assessment: "no-data" for a rural commune (kind Xã), "not-assessed" for a ward or town.
-- Differences: one SQL statement instead of three (units, statuses, classification in Node); a count
-- of met items instead of arrays of criterion numbers; a count outside every band gives a null band
-- here where the API raises an error; nothing is cached.
create or replace function public.commune_choropleth(year int)
returns table (code text, criteria_met int, criteria_total int, band text, tier text, synthetic boolean)
language sql stable parallel safe as $$
  with units as (
    select u.id, u.code, u.kind
    from admin_unit u
    where u.level = 'commune'
      and u.code_list = case when make_date(commune_choropleth.year, 12, 31) < date '2025-07-01' then 'gso-2025-03' else 'gso-2025-07' end
  ), standard_set as (
    select s.id, s.criteria_count, s.bands
    from criteria_set s
    where s.level = 'commune' and s.tier = 'standard' and s.province_code is null
      and commune_choropleth.year between s.valid_from and s.valid_to
    order by s.valid_from desc
    limit 1
  ), assessed as (
    select a.id as assessment_id, a.unit_id, a.synthetic, s.criteria_count, s.bands,
           (select count(*) from assessment_item i where i.assessment_id = a.id and i.status = 'met')::int as met
    from assessment a
    join standard_set s on s.id = a.criteria_set_id
    join units u on u.id = a.unit_id
    where a.year = commune_choropleth.year and a.kind = 'actual'
  ), recognised as (
    select r.unit_id,
           max(case r.tier::text when 'model' then 3 when 'advanced' then 2 else 1 end) as rank
    from recognition r
    join assessed a on a.unit_id = r.unit_id
    where r.status = 'recognised' and not r.synthetic and r.year <= commune_choropleth.year
      and (r.decision_number is not null or r.decided_on is not null)
      and not exists (select 1 from recognition w
                      where w.unit_id = r.unit_id and w.tier = r.tier and w.status = 'withdrawn'
                        and w.year >= r.year and w.year <= commune_choropleth.year)
    group by r.unit_id
  )
  select u.code,
         a.met,
         a.criteria_count,
         case
           when a.unit_id is null then case when u.kind = 'Xã' then 'no-data' else 'not-assessed' end
           when g.rank is not null then 'recognised'
           else (select b.value ->> 'code'
                 from jsonb_array_elements(a.bands) with ordinality as b(value, n)
                 where a.met between (b.value ->> 'min')::int and (b.value ->> 'max')::int
                 order by b.n limit 1)
         end,
         case g.rank when 3 then 'model' when 2 then 'advanced' when 1 then 'standard' end,
         coalesce(a.synthetic, false)
  from units u
  left join assessed a on a.unit_id = u.id
  left join recognised g on g.unit_id = u.id
  order by u.code
$$;

comment on function public.commune_choropleth(int) is E'@behavior -connection +list\nThe national commune choropleth of a year (bench peer).';
