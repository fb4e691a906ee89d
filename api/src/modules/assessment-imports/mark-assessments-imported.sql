-- Assessments an import changed are user-entered from now on: no document, not synthetic; the
-- values before the change are in the import's change list. Parameters: note, ids (int[]).
update assessment
set synthetic = false, source_document_id = null, source_ref = null, as_written = null, note = ?
where id = any(?::int[])
