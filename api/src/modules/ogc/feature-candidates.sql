-- Ids of the units of one collection (code list, level) passing the attribute and bbox filters, in
-- code order; the status filters are applied to these in the service (classifyBand is in code).
-- Parameters: code list, level, bbox [w,s,e,n] or null, codes or null, province code, district code,
-- within (any ancestor), border, dbkk (null = either).
with params as (
  select ?::text as code_list, ?::text as level, ?::float8[] as bbox, ?::text[] as codes,
         ?::text as province_code, ?::text as district_code, ?::text as within,
         ?::boolean as border, ?::boolean as dbkk
), units as (
  select u.id, u.code, u.geom,
         case u.level when 'province' then u.code when 'district' then p.code else g.code end as province_code,
         case u.level when 'district' then u.code when 'commune' then p.code end as district_code,
         p.code as parent_code, g.code as grandparent_code
  from admin_unit u
  cross join params q
  left join admin_unit p on p.id = u.parent_id
  left join admin_unit g on g.id = p.parent_id
  where u.code_list = q.code_list and u.level::text = q.level and u.geom is not null
)
select u.id
from units u
cross join params q
where (q.bbox is null or (u.geom && ST_MakeEnvelope(q.bbox[1], q.bbox[2], q.bbox[3], q.bbox[4], 4326)
                          and ST_Intersects(u.geom, ST_MakeEnvelope(q.bbox[1], q.bbox[2], q.bbox[3], q.bbox[4], 4326))))
  and (q.codes is null or u.code = any(q.codes))
  and (q.province_code is null or u.province_code = q.province_code)
  and (q.district_code is null or u.district_code = q.district_code)
  and (q.within is null or q.within in (u.parent_code, u.grandparent_code))
  and (q.border is null or q.border = exists(select 1 from unit_flag f where f.unit_id = u.id and f.flag = 'border'))
  and (q.dbkk is null or q.dbkk = exists(select 1 from unit_flag f where f.unit_id = u.id and f.flag = 'dbkk'))
order by u.code
