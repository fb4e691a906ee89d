-- A new user-entered actual assessment. Parameters: unit id, criteria set id, year, note.
insert into assessment (unit_id, criteria_set_id, year, kind, synthetic, note)
values (?, ?, ?, 'actual', false, ?)
returning id
