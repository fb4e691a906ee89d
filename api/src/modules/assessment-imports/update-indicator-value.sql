-- Parameters: value, value number, note, id.
update indicator_value
set value = ?, value_number = ?, synthetic = false, source_document_id = null, source_ref = null, as_written = null, note = ?
where id = ?
