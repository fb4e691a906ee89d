-- Parameter: ids (int[]).
delete from indicator_value where id = any(?::int[])
