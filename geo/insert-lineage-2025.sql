-- The links of the 2025 reform, old unit → new unit, as the crosswalk states them (area shares are
-- computed afterwards, see lineage-area-shares.sql). Links whose old or new code is not in its list
-- are left out (the caller counts what was stored).
-- Parameters: links (jsonb), old code list, new code list, effective date, source.
with link as (
  select x.old_code, x.new_code, x.part
  from jsonb_to_recordset(?::jsonb) as x(old_code text, new_code text, part text)
)
insert into unit_lineage (predecessor_id, successor_id, effective_date, kind, partial, source)
select o.id, n.id, ?::date,
       (case when l.part = 'partial' then 'split' else 'merge' end)::lineage_kind,
       l.part = 'partial',
       ?
from link l
-- Codes are unique within a list; the level is not matched, because five island districts without
-- communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) became special-zone communes (đặc khu).
join admin_unit o on o.code = l.old_code and o.code_list = ?
join admin_unit n on n.code = l.new_code and n.code_list = ?
