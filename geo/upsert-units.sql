-- Insert or update one batch of units of a single level; parents must already be stored.
insert into admin_unit (code, name, short_name, name_search, level, kind, code_list, parent_id, valid_from, valid_to)
select x.code, x.name, x.short_name, x.name_search, x.level::admin_level, x.kind, x.code_list,
       (select p.id from admin_unit p where p.code = x.parent_code and p.code_list = x.code_list),
       x.valid_from::date, x.valid_to::date
from jsonb_to_recordset(?::jsonb) as x(
  code text, name text, short_name text, name_search text, level text, kind text,
  code_list text, parent_code text, valid_from text, valid_to text
)
on conflict (code, code_list) do update
set name = excluded.name,
    short_name = excluded.short_name,
    name_search = excluded.name_search,
    level = excluded.level,
    kind = excluded.kind,
    parent_id = excluded.parent_id,
    valid_from = excluded.valid_from,
    valid_to = excluded.valid_to
