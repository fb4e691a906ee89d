-- The feature collections: one per code list and level that has boundaries, with its extent
-- (from each unit's stored bbox) and validity. A new code list in admin_unit is a new set of rows.
select u.code_list,
       u.level::text as level,
       count(*)::int as unit_count,
       min(u.valid_from)::text as valid_from,
       case when bool_or(u.valid_to is null) then null else max(u.valid_to)::text end as valid_to,
       min(u.bbox[1]) as west, min(u.bbox[2]) as south, max(u.bbox[3]) as east, max(u.bbox[4]) as north
from admin_unit u
where u.geom is not null and u.level in ('province', 'district', 'commune')
group by u.code_list, u.level
order by u.code_list desc, u.level
