-- Parameters: unit id, criteria set id, indicator code, year, value, value number, note.
insert into indicator_value (unit_id, criteria_set_id, indicator_code, year, kind, value, value_number, synthetic, note)
values (?, ?, ?, ?, 'actual', ?, ?, false, ?)
